import { ClusterRef, type Sources } from '@wheelhouse/contract';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import type { InventoryService } from '../services/inventory.ts';

export interface ClusterRouteDeps {
  inventory: InventoryService;
  sources: () => Promise<Sources>;
}

export function clusterRoutes(deps: ClusterRouteDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/sources',
      access: 'read',
      handler: async (_req, res) => {
        res.json(await deps.sources());
      },
    },
    {
      method: 'get',
      path: '/api/clusters',
      access: 'read',
      handler: async (_req, res) => {
        res.json(await deps.inventory.listClusters());
      },
    },
    {
      method: 'get',
      path: '/api/clusters/:accountId/:region/:name',
      access: 'read',
      handler: async (req, res) => {
        res.json(await deps.inventory.getCluster(parseInput(ClusterRef, req.params)));
      },
    },
  ];
}
