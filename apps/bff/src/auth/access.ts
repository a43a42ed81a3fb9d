import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { CSRF_HEADER } from '@wheelhouse/contract';
import type { DashboardToken } from '@wheelhouse/contract';
import type { AuditLog } from '../audit/auditLog.ts';
import { createRefusalRecorder, type RefusalRecorder } from '../audit/refusals.ts';
import type { ChangeContext } from '../services/changeRunner.ts';
import type { DashboardTokens } from './dashboardTokens.ts';
import { NotAllowedError, UnauthenticatedError } from '../errors.ts';
import { ROLES_FOR, isMutation, type AccessGuard } from '../http/routing.ts';
import { csrfMatches, type Session, type SessionStore } from './sessions.ts';

export const SESSION_COOKIE = 'wh_session';
export const DASHBOARD_COOKIE = 'wh_dashboard';

/** The value of one cookie of the request. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[name] : undefined;
}
export const sessionCookieOf = (req: Request) => cookieOf(req, SESSION_COOKIE);

/** The dashboard token a wall screen presented, when the request came with one instead of a user session. */
export function dashboardTokenOf(res: Response): DashboardToken | undefined {
  return res.locals.dashboardToken as DashboardToken | undefined;
}

/** The session the guards attached to this request (only on routes that require one). */
export function sessionOf(res: Response): Session {
  const session = res.locals.session as Session | undefined;
  if (!session) throw new UnauthenticatedError();
  return session;
}

/**
 * Guards every route by its access rule, server-side, whatever the UI shows:
 * 401 without a session, 403 (and an audit entry) for a role that may not, 403 without the CSRF token.
 */
export function createAccessGuard(
  sessions: SessionStore,
  audit: AuditLog,
  dashboardTokens: DashboardTokens,
  refusals: RefusalRecorder = createRefusalRecorder(audit),
): AccessGuard {
  return (route) => {
    if (route.access === 'public') return [];
    const roles = ROLES_FOR[route.access];
    const action = route.action ?? `${route.method.toUpperCase()} ${route.path}`;
    /** A change attempt refused before any role could be checked: recorded, within the refusal budget. */
    const refuse = (req: Request, who: { user: string; role?: Session['role'] }, reason: string) =>
      refusals.record(
        {
          ...who,
          action,
          // The path only: a query string is the caller's to fill and may carry a secret.
          target: req.originalUrl.split('?')[0]!.slice(0, 200),
          ...(req.ip ? { clientIp: req.ip } : {}),
        },
        reason,
      );
    return [
      async (req, res, next) => {
        const id = sessionCookieOf(req);
        const session = id ? await sessions.get(id) : undefined;
        if (!session && route.access === 'dashboard') {
          const wall = cookieOf(req, DASHBOARD_COOKIE);
          const dashboardToken = wall ? await dashboardTokens.verifySession(wall) : undefined;
          if (dashboardToken) {
            res.locals.dashboardToken = dashboardToken;
            return next();
          }
        }
        if (!session) {
          if (isMutation(route.method)) {
            await refuse(req, ...(await unsignedCaller(req, id, dashboardTokens)));
          }
          throw new UnauthenticatedError();
        }
        res.locals.session = session;
        if (!roles.includes(session.role)) {
          if (isMutation(route.method)) {
            await audit.record(
              {
                user: session.user,
                role: session.role,
                action: route.action ?? `${route.method.toUpperCase()} ${route.path}`,
                target: req.originalUrl,
                clientIp: req.ip,
              },
              { outcome: 'denied', error: `role ${session.role} may not do this` },
            );
          }
          throw new NotAllowedError(`The ${session.role} role may not do this.`);
        }
        if (isMutation(route.method) && !csrfMatches(session.csrfToken, req.get(CSRF_HEADER))) {
          await refuse(
            req,
            { user: session.user, role: session.role },
            `missing or wrong ${CSRF_HEADER} header`,
          );
          throw new NotAllowedError(
            `Missing or wrong ${CSRF_HEADER} header; reload the page and try again.`,
          );
        }
        next();
      },
    ];
  };
}

/**
 * Names a caller without a user session for the audit log, never by its secret: a wall screen by
 * the first characters of its token's id, anybody else as anonymous, with why they were refused.
 */
async function unsignedCaller(
  req: Request,
  sessionId: string | undefined,
  dashboardTokens: DashboardTokens,
): Promise<[{ user: string }, string]> {
  const token = cookieOf(req, DASHBOARD_COOKIE);
  const dashboardToken = token ? await dashboardTokens.verifySession(token) : undefined;
  if (dashboardToken) {
    return [
      { user: `dashboard token ${dashboardToken.id.slice(0, 8)}` },
      'a dashboard token may not change anything',
    ];
  }
  if (sessionId) return [{ user: 'anonymous' }, 'unknown or expired session'];
  if (token) return [{ user: 'anonymous' }, 'unknown, revoked or expired dashboard token'];
  return [{ user: 'anonymous' }, 'not signed in'];
}

/** Who is making a change, for the audit log and the SourceIdentity of the AWS session. */
export function changeContextOf(req: Request, res: Response): ChangeContext {
  const session = sessionOf(res);
  return { user: session.user, role: session.role, ...(req.ip ? { clientIp: req.ip } : {}) };
}
