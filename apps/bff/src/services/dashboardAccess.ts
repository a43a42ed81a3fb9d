import type {
  CreateDashboardTokenRequest,
  CreatedDashboardToken,
  DashboardToken,
} from '@wheelhouse/contract';
import type { AuditLog } from '../audit/auditLog.ts';
import type { DashboardTokens } from '../auth/dashboardTokens.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { ChangeContext } from './changeRunner.ts';

/** Read-only dashboard tokens for wall screens: minted and revoked by admins, each act audited. */
export function createDashboardAccess(tokens: DashboardTokens, audit: AuditLog) {
  const audited = (
    context: ChangeContext,
    action: 'dashboard-token.create' | 'dashboard-token.revoke',
    id: string,
    params: Record<string, string>,
  ) =>
    audit.record(
      {
        user: context.user,
        role: context.role,
        action,
        target: `dashboard-token/${id}`,
        params,
        ...(context.clientIp ? { clientIp: context.clientIp } : {}),
      },
      { outcome: 'success' },
    );

  return {
    list: (): Promise<DashboardToken[]> => tokens.list(),

    /**
     * A dashboard session for the token a wall screen presents (its id is what the cookie holds, never
     * the token), or 401 when the token is unknown, revoked or expired.
     */
    async signIn(token: string): Promise<{ id: string; record: DashboardToken }> {
      const opened = await tokens.openSession(token);
      if (!opened)
        throw new UnauthenticatedError('This dashboard token is unknown, revoked or expired.');
      return opened;
    },

    /** A new token and its link; `publicOrigin` is the console's configured origin, never a request's Host. */
    async create(
      request: CreateDashboardTokenRequest,
      context: ChangeContext,
      publicOrigin: string,
    ): Promise<CreatedDashboardToken> {
      const { token, record } = await tokens.create(
        request.name,
        context.user,
        request.expiresInDays,
      );
      await audited(context, 'dashboard-token.create', record.id, {
        name: record.name,
        expiresAt: record.expiresAt,
      });
      const url = `${publicOrigin}/dashboard?token=${encodeURIComponent(token)}`;
      return { ...record, token, url };
    },

    async revoke(id: string, context: ChangeContext): Promise<void> {
      const record = await tokens.revoke(id);
      await audited(context, 'dashboard-token.revoke', id, { name: record.name });
    },
  };
}
export type DashboardAccess = ReturnType<typeof createDashboardAccess>;
