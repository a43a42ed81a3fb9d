import { z } from 'zod';
import { CreateDashboardTokenRequest } from '@wheelhouse/contract';
import { DASHBOARD_COOKIE, dashboardTokenOf, sessionOf } from '../auth/access.ts';
import { UnauthenticatedError } from '../errors.ts';
import { publicOriginOf } from '../http/hostPolicy.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
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
    {
      method: 'get',
      path: '/api/dashboard',
      access: 'dashboard',
      handler: async (_req, res) => {
        res.json(await dashboard.get());
      },
    },
    {
      method: 'post',
      path: '/api/dashboard/session',
      access: 'public',
      handler: (req, res) => {
        const { token } = parseInput(
          z.object({ token: z.string().min(1, 'is required').max(200) }),
          req.body,
        );
        const record = access.signIn(token);
        res.cookie(DASHBOARD_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookies,
          path: '/',
          expires: new Date(record.expiresAt),
        });
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/api/dashboard/session',
      access: 'dashboard',
      handler: (_req, res) => {
        const token = dashboardTokenOf(res);
        if (!token) throw new UnauthenticatedError('No dashboard token in this browser.');
        res.json({ name: token.name, expiresAt: token.expiresAt });
      },
    },
    {
      method: 'get',
      path: '/api/dashboard-tokens',
      access: 'admin',
      handler: (_req, res) => {
        res.json(access.list());
      },
    },
    {
      method: 'post',
      path: '/api/dashboard-tokens',
      access: 'admin',
      action: 'dashboard-token.create',
      handler: (req, res) => {
        const body = parseInput(CreateDashboardTokenRequest, req.body);
        // Never from the request's Host: a forged one would hand the admin a link to somebody else.
        const created = access.create(body, contextOf(req, res), publicOriginOf(res));
        res.status(201).json(created);
      },
    },
    {
      method: 'delete',
      path: '/api/dashboard-tokens/:id',
      access: 'admin',
      action: 'dashboard-token.revoke',
      handler: (req, res) => {
        const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
        access.revoke(id, contextOf(req, res));
        res.status(204).end();
      },
    },
  ];
}
