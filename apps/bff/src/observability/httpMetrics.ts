import type { Request, RequestHandler } from 'express';
import { httpRequestDuration } from './metrics.ts';

/**
 * The route label of a request: the Express pattern it matched (`/api/clusters/:accountId/...`),
 * never the URL itself, whose ids and query would give every cluster and filter its own series.
 */
function routeOf(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`;
  if (route?.path instanceof RegExp) return '(spa)';
  return '(unmatched)';
}

/** Times every request into `wheelhouse_http_request_duration_seconds`. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const stop = httpRequestDuration.startTimer();
  res.on('finish', () => {
    stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) });
  });
  next();
};
