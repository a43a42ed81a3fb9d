import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { DASHBOARD_COOKIE, dashboardTokenOf, sessionOf } from '../auth/access.ts';
import { UnauthenticatedError } from '../errors.ts';
import { publicOriginOf } from '../http/hostPolicy.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { DashboardService } from '../services/dashboard.ts';
import type { DashboardAccess } from '../services/dashboardAccess.ts';

export interface DashboardRouteDeps {
  dashboard: DashboardService;
  access: DashboardAccess;
  secureCookies: boolean;
}

export function dashboardRoutes(deps: DashboardRouteDeps): RouteDef[] {
  const { dashboard, access } = deps;
  const contextOf = (req: { ip?: string | undefined }, res: Parameters<typeof sessionOf>[0]) => {
    const session = sessionOf(res);
    return { user: session.user, role: session.role, ...(req.ip ? { clientIp: req.ip } : {}) };
  };
  return [
    serve(e.fleetDashboard, () => dashboard.get()),
    serve(e.startDashboardSession, async ({ body: { token }, res }) => {
      const { id, record } = await access.signIn(token);
      res.cookie(DASHBOARD_COOKIE, id, {
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
    serve(e.listDashboardTokens, () => access.list()),
    // Never from the request's Host: a forged one would hand the admin a link to somebody else.
    serve(e.createDashboardToken, ({ body, req, res }) =>
      access.create(body, contextOf(req, res), publicOriginOf(res)),
    ),
    serve(e.revokeDashboardToken, ({ params: { id }, req, res }) =>
      access.revoke(id, contextOf(req, res)),
    ),
  ];
}
