import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { MetricsService } from '../services/metrics/metricsService.ts';

export function metricsRoutes(deps: { metrics: MetricsService }): RouteDef[] {
  const { metrics } = deps;
  return [
    // The person's own reading decides what they see (impersonated), the buffer adds the history.
    serve(e.nodeMetrics, ({ params, query, res }) =>
      metrics.nodes(params, kubeIdentityOf(sessionOf(res)), query.window),
    ),
    serve(e.podMetrics, ({ params, query, res }) =>
      metrics.pods(params, kubeIdentityOf(sessionOf(res)), {
        namespace: query.namespace,
        windowMs: query.window,
      }),
    ),
  ];
}
