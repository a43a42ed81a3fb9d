import type { Response } from 'express';
import { LoginRequest, type SessionInfo, type SignOutResult } from '@wheelhouse/contract';
import { SESSION_COOKIE, sessionCookieOf, sessionOf } from '../auth/access.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import { refuseImpossibleUserName } from '../auth/signInName.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { UserDirectory } from '../auth/users.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { NotAllowedError, TooManyRequestsError, UnauthenticatedError } from '../http/errors.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';

export interface SessionRouteDeps {
  backend: 'sandbox' | 'aws';
  secureCookies: boolean;
  users: UserDirectory;
  sessions: SessionStore;
  audit: AuditLog;
  loginThrottle: LoginThrottle;
  /** `false` when WHEELHOUSE_CONFIG's sso.localUsers turns password sign-in off. */
  localUsers?: boolean;
  /** The provider's end-session URL for an SSO session, when it offers one. */
  ssoLogoutUrl?: () => Promise<string | undefined>;
}

export function sessionRoutes(deps: SessionRouteDeps): RouteDef[] {
  const info = (session: Session): SessionInfo => ({
    user: session.user,
    role: session.role,
    csrfToken: session.csrfToken,
    backend: deps.backend,
    groups: session.groups,
    authMethod: session.authMethod,
  });
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookies,
    path: '/',
  };
  const clearCookie = (res: Response) => res.clearCookie(SESSION_COOKIE, cookieOptions);

  return [
    {
      method: 'post',
      path: '/api/session',
      access: 'public',
      handler: async (req, res) => {
        if (deps.localUsers === false) {
          throw new NotAllowedError('Password sign-in is turned off here; sign in with SSO.');
        }
        const { username, password } = parseInput(LoginRequest, req.body);
        refuseImpossibleUserName(username, deps.audit, req.ip);
        const throttleKey = `${username}|${req.ip}`;
        const wait = deps.loginThrottle.retryAfter(throttleKey);
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          throw new TooManyRequestsError(`Too many failed sign-ins; try again in ${wait} seconds.`);
        }
        const user = await deps.users.authenticate(username, password);
        if (!user) {
          deps.loginThrottle.failed(throttleKey);
          deps.audit.record(
            { user: username, action: 'session.signin', clientIp: req.ip },
            { outcome: 'failure', error: 'wrong user name or password' },
          );
          throw new UnauthenticatedError('Wrong user name or password.');
        }
        deps.loginThrottle.succeeded(throttleKey);
        const { id, session } = deps.sessions.create(user.name, user.role);
        deps.audit.record(
          { user: user.name, role: user.role, action: 'session.signin', clientIp: req.ip },
          { outcome: 'success' },
        );
        res.cookie(SESSION_COOKIE, id, { ...cookieOptions, expires: new Date(session.expiresAt) });
        res.json(info(session));
      },
    },
    {
      method: 'get',
      path: '/api/session',
      access: 'read',
      handler: (_req, res) => {
        res.json(info(sessionOf(res)));
      },
    },
    {
      method: 'delete',
      path: '/api/session',
      access: 'session',
      handler: async (req, res) => {
        const session = sessionOf(res);
        const id = sessionCookieOf(req);
        if (id) deps.sessions.destroy(id);
        deps.audit.record(
          { user: session.user, role: session.role, action: 'session.signout', clientIp: req.ip },
          { outcome: 'success' },
        );
        clearCookie(res);
        const logoutUrl = session.authMethod === 'oidc' ? await deps.ssoLogoutUrl?.() : undefined;
        if (logoutUrl) res.json({ logoutUrl } satisfies SignOutResult);
        else res.status(204).end();
      },
    },
  ];
}
