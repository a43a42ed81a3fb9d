import { timingSafeEqual } from 'node:crypto';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { OperationsService } from '../services/operations.ts';

/** Bearer token of `GET /metrics`, compared in constant time. */
function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Probes and metrics for the platform running the console. They sit outside `/api` and answer
 * without a session: a kubelet or Prometheus has none. `/metrics` wants `Authorization: Bearer
 * <WHEELHOUSE_METRICS_TOKEN>` when that is set.
 */
export function operationsRoutes(deps: {
  operations: OperationsService;
  metricsToken?: string;
}): RouteDef[] {
  const { operations, metricsToken } = deps;
  return [
    serve(e.liveness, ({ res }) => {
      res.setHeader('Cache-Control', 'no-store');
      return { status: 'ok' as const };
    }),
    serve(e.readiness, async ({ res }) => {
      const readiness = await operations.readiness();
      res.setHeader('Cache-Control', 'no-store');
      // Not ready is an answer, not an error: the body names the failing checks.
      if (readiness.status !== 'ready') {
        res.status(503).json(readiness);
        return;
      }
      return readiness;
    }),
    serve(e.metrics, async ({ req, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      if (metricsToken && !hasToken(req.headers.authorization, metricsToken)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res
          .status(401)
          .type('application/problem+json')
          .send(
            JSON.stringify({
              type: 'about:blank',
              title: 'Unauthorized',
              status: 401,
              detail: 'GET /metrics needs Authorization: Bearer <WHEELHOUSE_METRICS_TOKEN>.',
            }),
          );
        return;
      }
      const { contentType, body } = await operations.metrics();
      res.setHeader('Content-Type', contentType);
      res.send(body);
    }),
  ];
}
