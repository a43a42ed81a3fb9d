import { timingSafeEqual } from 'node:crypto';
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
    {
      method: 'get',
      path: '/healthz',
      access: 'public',
      handler: (_req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.json({ status: 'ok' });
      },
    },
    {
      method: 'get',
      path: '/readyz',
      access: 'public',
      handler: async (_req, res) => {
        const readiness = await operations.readiness();
        res.setHeader('Cache-Control', 'no-store');
        res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
      },
    },
    {
      method: 'get',
      path: '/metrics',
      access: 'public',
      handler: async (req, res) => {
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
      },
    },
  ];
}
