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
    list: (): DashboardToken[] => tokens.list(),

    /** The token a wall screen presents, or 401 when it is unknown, revoked or expired. */
    signIn(token: string): DashboardToken {
      const record = tokens.verify(token);
      if (!record)
        throw new UnauthenticatedError('This dashboard token is unknown, revoked or expired.');
      return record;
    },

    /** A new token and its link; `publicOrigin` is the console's configured origin, never a request's Host. */
    create(
      request: CreateDashboardTokenRequest,
      context: ChangeContext,
      publicOrigin: string,
    ): CreatedDashboardToken {
      const { token, record } = tokens.create(request.name, context.user, request.expiresInDays);
      audited(context, 'dashboard-token.create', record.id, {
        name: record.name,
        expiresAt: record.expiresAt,
      });
      const url = `${publicOrigin}/dashboard?token=${encodeURIComponent(token)}`;
      return { ...record, token, url };
    },

    revoke(id: string, context: ChangeContext): void {
      const record = tokens.revoke(id);
      audited(context, 'dashboard-token.revoke', id, { name: record.name });
    },
  };
}
export type DashboardAccess = ReturnType<typeof createDashboardAccess>;
