import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { CSRF_HEADER } from '@wheelhouse/contract';
import type { AuditLog } from '../audit/auditLog.ts';
import { NotAllowedError, UnauthenticatedError } from '../http/errors.ts';
import { ROLES_FOR, isMutation, type AccessGuard } from '../http/routing.ts';
import { csrfMatches, type Session, type SessionStore } from './sessions.ts';

export const SESSION_COOKIE = 'wh_session';

export function sessionCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
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
export function createAccessGuard(sessions: SessionStore, audit: AuditLog): AccessGuard {
  return (route) => {
    if (route.access === 'public') return [];
    const roles = ROLES_FOR[route.access];
    return [
      (req, res, next) => {
        const id = sessionCookieOf(req);
        const session = id ? sessions.get(id) : undefined;
        if (!session) throw new UnauthenticatedError();
        res.locals.session = session;
        if (!roles.includes(session.role)) {
          if (isMutation(route.method)) {
            audit.record(
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
          throw new NotAllowedError(
            `Missing or wrong ${CSRF_HEADER} header; reload the page and try again.`,
          );
        }
        next();
      },
    ];
  };
}
