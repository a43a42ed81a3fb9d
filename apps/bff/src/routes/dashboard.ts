import type { CreatedDashboardToken } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { DASHBOARD_COOKIE, dashboardTokenOf, sessionOf } from '../auth/access.ts';
import type { DashboardTokens } from '../auth/dashboardTokens.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { UnauthenticatedError } from '../errors.ts';
import { publicOriginOf } from '../http/hostPolicy.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { DashboardService } from '../services/dashboard.ts';

export interface DashboardRouteDeps {
  dashboard: DashboardService;
  tokens: DashboardTokens;
  audit: AuditLog;
  secureCookies: boolean;
}

export function dashboardRoutes(deps: DashboardRouteDeps): RouteDef[] {
  const { dashboard, tokens, audit } = deps;
  return [
    serve(e.fleetDashboard, () => dashboard.get()),
    serve(e.startDashboardSession, ({ body: { token }, res }) => {
      const record = tokens.verify(token);
      if (!record)
        throw new UnauthenticatedError('This dashboard token is unknown, revoked or expired.');
      res.cookie(DASHBOARD_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
        path: '/',
        expires: new Date(record.expiresAt),
      });
    }),
    serve(e.getDashboardSession, ({ res }) => {
      const token = dashboardTokenOf(res);
      if (!token) throw new UnauthenticatedError('No dashboard token in this browser.');
      return { name: token.name, expiresAt: token.expiresAt };
    }),
    serve(e.listDashboardTokens, () => tokens.list()),
    serve(e.createDashboardToken, ({ body, req, res }) => {
      const session = sessionOf(res);
      const { token, record } = tokens.create(body.name, session.user, body.expiresInDays);
      audit.record(
        {
          user: session.user,
          role: session.role,
          action: 'dashboard-token.create',
          target: `dashboard-token/${record.id}`,
          params: { name: record.name, expiresAt: record.expiresAt },
          ...(req.ip ? { clientIp: req.ip } : {}),
        },
        { outcome: 'success' },
      );
      // Never from the request's Host: a forged one would hand the admin a link to somebody else.
      const url = `${publicOriginOf(res)}/dashboard?token=${encodeURIComponent(token)}`;
      const created: CreatedDashboardToken = { ...record, token, url };
      return created;
    }),
    serve(e.revokeDashboardToken, ({ params: { id }, req, res }) => {
      const session = sessionOf(res);
      const record = tokens.revoke(id);
      audit.record(
        {
          user: session.user,
          role: session.role,
          action: 'dashboard-token.revoke',
          target: `dashboard-token/${id}`,
          params: { name: record.name },
          ...(req.ip ? { clientIp: req.ip } : {}),
        },
        { outcome: 'success' },
      );
    }),
  ];
}
