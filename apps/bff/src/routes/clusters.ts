import type { Sources } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { InventoryService } from '../services/inventory.ts';

export interface ClusterRouteDeps {
  inventory: InventoryService;
  sources: () => Promise<Sources>;
}

export function clusterRoutes(deps: ClusterRouteDeps): RouteDef[] {
  return [
    serve(e.listSources, () => deps.sources()),
    serve(e.listClusters, () => deps.inventory.listClusters()),
    serve(e.getCluster, ({ params }) => deps.inventory.getCluster(params)),
  ];
}
