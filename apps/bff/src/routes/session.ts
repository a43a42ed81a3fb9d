import type { Response } from 'express';
import type { SessionInfo } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { cookieOf, SESSION_COOKIE, sessionCookieOf, sessionOf } from '../auth/access.ts';
import type { PasswordSignIn } from '../auth/passwordSignIn.ts';
import { refuseImpossibleUserName } from '../auth/signInName.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import { DEVICE_COOKIE, type TrustedDevices } from '../auth/trustedDevices.ts';
import type { UserDirectory } from '../auth/users.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { NotAllowedError, UnauthenticatedError } from '../errors.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';

export interface SessionRouteDeps {
  backend: 'sandbox' | 'aws';
  secureCookies: boolean;
  users: UserDirectory;
  sessions: SessionStore;
  audit: AuditLog;
  /** Throttle, hashing queue and password check in one (auth/passwordSignIn.ts). */
  checkPassword: PasswordSignIn;
  devices: TrustedDevices;
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
    serve(e.signIn, async ({ body, req, res }) => {
      if (deps.localUsers === false) {
        throw new NotAllowedError('Password sign-in is turned off here; sign in with SSO.');
      }
      const { username, password } = body;
      await refuseImpossibleUserName(username, deps.audit, req.ip);
      const outcome = await deps.checkPassword({
        username,
        password,
        address: req.ip,
        deviceToken: cookieOf(req, DEVICE_COOKIE),
      });
      if (!outcome.ok) {
        await deps.audit.record(
          { user: username, action: 'session.signin', clientIp: req.ip },
          { outcome: 'failure', error: 'wrong user name or password' },
        );
        throw new UnauthenticatedError('Wrong user name or password.');
      }
      const { user } = outcome;
      // Signing in again ends the session this browser had: two live sessions for one browser is
      // one more id to steal, and the old one would outlive the sign-in that replaced it.
      const previous = sessionCookieOf(req);
      if (previous) await deps.sessions.destroy(previous);
      const { id, session } = await deps.sessions.create(user.name, user.role);
      await deps.audit.record(
        { user: user.name, role: user.role, action: 'session.signin', clientIp: req.ip },
        { outcome: 'success' },
      );
      res.cookie(SESSION_COOKIE, id, { ...cookieOptions, expires: new Date(session.expiresAt) });
      if (!outcome.knownDevice) {
        const known = await deps.devices.mint(user.name);
        // Sent back only to this route: it names the browser, and is worth nothing elsewhere.
        res.cookie(DEVICE_COOKIE, known.token, {
          ...cookieOptions,
          path: '/api/session',
          expires: new Date(known.expiresAt),
        });
      }
      return info(session);
    }),
    serve(e.getSession, ({ res }) => info(sessionOf(res))),
    serve(e.signOut, async ({ req, res }) => {
      const session = sessionOf(res);
      const id = sessionCookieOf(req);
      if (id) await deps.sessions.destroy(id);
      await deps.audit.record(
        { user: session.user, role: session.role, action: 'session.signout', clientIp: req.ip },
        { outcome: 'success' },
      );
      clearCookie(res);
      const logoutUrl = session.authMethod === 'oidc' ? await deps.ssoLogoutUrl?.() : undefined;
      return logoutUrl ? { logoutUrl } : undefined;
    }),
  ];
}
