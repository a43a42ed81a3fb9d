import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { InsightsService } from '../services/insights/insightsService.ts';

export function insightRoutes(deps: { insights: InsightsService }): RouteDef[] {
  return [
    serve(e.fleetInsights, () => deps.insights.fleet()),
    serve(e.clusterInsights, ({ params }) => deps.insights.cluster(params)),
  ];
}
