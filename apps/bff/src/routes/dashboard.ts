import { z } from 'zod';
import { CreateDashboardTokenRequest, type CreatedDashboardToken } from '@wheelhouse/contract';
import { DASHBOARD_COOKIE, dashboardTokenOf, sessionOf } from '../auth/access.ts';
import type { DashboardTokens } from '../auth/dashboardTokens.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { UnauthenticatedError } from '../errors.ts';
import { publicOriginOf } from '../http/hostPolicy.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
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
      handler: async (req, res) => {
        const { token } = parseInput(
          z.object({ token: z.string().min(1, 'is required').max(200) }),
          req.body,
        );
        const opened = await tokens.openSession(token);
        if (!opened)
          throw new UnauthenticatedError('This dashboard token is unknown, revoked or expired.');
        const { id, record } = opened;
        res.cookie(DASHBOARD_COOKIE, id, {
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
      handler: async (_req, res) => {
        res.json(await tokens.list());
      },
    },
    {
      method: 'post',
      path: '/api/dashboard-tokens',
      access: 'admin',
      action: 'dashboard-token.create',
      handler: async (req, res) => {
        const session = sessionOf(res);
        const body = parseInput(CreateDashboardTokenRequest, req.body);
        const { token, record } = await tokens.create(body.name, session.user, body.expiresInDays);
        await audit.record(
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
        res.status(201).json(created);
      },
    },
    {
      method: 'delete',
      path: '/api/dashboard-tokens/:id',
      access: 'admin',
      action: 'dashboard-token.revoke',
      handler: async (req, res) => {
        const session = sessionOf(res);
        const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
        const record = await tokens.revoke(id);
        await audit.record(
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
        res.status(204).end();
      },
    },
  ];
}
