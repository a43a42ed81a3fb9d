import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { createAccessGuard } from './auth/access.ts';
import type { DashboardTokens } from './auth/dashboardTokens.ts';
import type { SessionStore } from './auth/sessions.ts';
import type { AuditLog } from './audit/auditLog.ts';
import type { RefusalRecorder } from './audit/refusals.ts';
import type { Drain } from './operations/drain.ts';
import { httpMetrics } from './observability/httpMetrics.ts';
import { createHostPolicy, hostGuard, PROBE_PATHS, type HostPolicy } from './http/hostPolicy.ts';
import { LOG_REDACT_PATHS, redactUrl } from './http/logRedaction.ts';
import { notFoundHandler, problemMiddleware } from './http/problem.ts';
import { registerRoutes, type RouteDef } from './http/routing.ts';

export interface AppDeps {
  logger: Logger;
  sessions: SessionStore;
  audit: AuditLog;
  dashboardTokens: DashboardTokens;
  /** Every API route, each with its access rule. */
  routes: RouteDef[];
  /** Built SPA to serve (apps/web/dist); omitted in API-only tests. */
  webDist?: string;
  /** The console is served over HTTPS (WHEELHOUSE_SECURE_COOKIES): browsers are told to keep to it. */
  secureCookies?: boolean;
  /** Which `Host` names the console answers to (default: loopback names of the listening port). */
  hostPolicy?: HostPolicy;
  /** Where refused change attempts are recorded, within a budget (default: one of its own). */
  refusals?: RefusalRecorder;
  /** Graceful shutdown's bookkeeping: counts changes in flight, refuses new ones once draining. */
  drain?: Drain;
}

// Express rewrites req.url inside routers; originalUrl is what the client asked for.
const urlOf = (req: { url?: string; originalUrl?: string }) =>
  redactUrl(req.originalUrl ?? req.url ?? '');

/** Builds the Express app from its dependencies; no I/O happens here, so tests can build it on any upstream. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Over plain HTTP (loopback) HSTS would be ignored or lock a host name out; over HTTPS it
      // keeps browsers from ever falling back to HTTP.
      strictTransportSecurity: deps.secureCookies ? { maxAge: 31_536_000 } : false,
    }),
  );
  app.use(httpMetrics);
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Probes and scrapes come every few seconds and say nothing about users.
      autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url?.split('?')[0] ?? '') },
      // One short line per request: the full headers made each ~1.6 KB and buried the console's output.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res, responseTime) =>
        `${req.method} ${urlOf(req)} ${res.statusCode} ${Math.round(responseTime)} ms`,
      customErrorMessage: (req, res, error) =>
        `${req.method} ${urlOf(req)} ${res.statusCode} ${error.message}`,
      // Credentials in headers never reach the logs (the serializers leave headers out; this also
      // covers a logger or error that carries them).
      redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    }),
  );
  // Before any route: a foreign Host gets 421 and links are built from the public origin.
  app.use(hostGuard(deps.hostPolicy ?? createHostPolicy({ listenHost: '127.0.0.1' })));
  if (deps.drain) app.use(deps.drain.middleware);
  app.use(express.json({ limit: '256kb' }));

  const api = express.Router();
  // Only API answers are private and live; the router sits at / (its routes carry /api), so a
  // blanket header here would also strip the hashed assets of their year-long caching.
  api.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  registerRoutes(
    api,
    deps.routes,
    createAccessGuard(deps.sessions, deps.audit, deps.dashboardTokens, deps.refusals),
  );
  app.use(api);
  app.use('/api', notFoundHandler);

  if (deps.webDist && existsSync(join(deps.webDist, 'index.html'))) {
    const webDist = deps.webDist;
    app.use(
      '/assets',
      express.static(join(webDist, 'assets'), {
        immutable: true,
        maxAge: '365d',
        fallthrough: false,
      }),
    );
    app.use(express.static(webDist, { index: false }));
    // Client-side routes: every other GET gets the SPA's shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  }

  app.use(problemMiddleware(deps.logger));
  return app;
}
