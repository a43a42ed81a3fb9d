import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { CostService } from '../services/cost/costService.ts';

export function costRoutes(deps: { cost: CostService }): RouteDef[] {
  return [
    serve(e.fleetCost, () => deps.cost.fleet()),
    serve(e.clusterCost, ({ params }) => deps.cost.cluster(params)),
  ];
}
