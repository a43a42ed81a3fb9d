import type { Response } from 'express';
import { LoginRequest, type SessionInfo } from '@wheelhouse/contract';
import { cookieOf, SESSION_COOKIE, sessionCookieOf, sessionOf } from '../auth/access.ts';
import type { HashQueue } from '../auth/hashQueue.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import { DEVICE_COOKIE, type TrustedDevices } from '../auth/trustedDevices.ts';
import type { UserDirectory } from '../auth/users.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { TooManyRequestsError, UnauthenticatedError } from '../http/errors.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';

export interface SessionRouteDeps {
  backend: 'sandbox' | 'aws';
  secureCookies: boolean;
  users: UserDirectory;
  sessions: SessionStore;
  audit: AuditLog;
  loginThrottle: LoginThrottle;
  hashQueue: HashQueue;
  devices: TrustedDevices;
}

export function sessionRoutes(deps: SessionRouteDeps): RouteDef[] {
  const info = (session: Session): SessionInfo => ({
    user: session.user,
    role: session.role,
    csrfToken: session.csrfToken,
    backend: deps.backend,
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
        const { username, password } = parseInput(LoginRequest, req.body);
        const device = deps.devices.verify(cookieOf(req, DEVICE_COOKIE), username);
        // The slot is taken before the hash, so parallel guesses are counted as they start.
        const reservation = deps.loginThrottle.reserve(username, req.ip, device);
        if ('retryAfter' in reservation) {
          const wait = reservation.retryAfter;
          throw new TooManyRequestsError(
            `Too many failed sign-ins; try again in ${wait} seconds.`,
            wait,
          );
        }
        let user: Awaited<ReturnType<UserDirectory['authenticate']>>;
        try {
          user = await deps.hashQueue.run(() => deps.users.authenticate(username, password), {
            first: device !== undefined,
          });
        } catch (error) {
          // Refused by the queue (or failed) before the password was judged: not a guess.
          reservation.cancel();
          throw error;
        }
        if (!user) {
          deps.audit.record(
            { user: username, action: 'session.signin', clientIp: req.ip },
            { outcome: 'failure', error: 'wrong user name or password' },
          );
          throw new UnauthenticatedError('Wrong user name or password.');
        }
        reservation.succeeded();
        const { id, session } = deps.sessions.create(user.name, user.role);
        deps.audit.record(
          { user: user.name, role: user.role, action: 'session.signin', clientIp: req.ip },
          { outcome: 'success' },
        );
        res.cookie(SESSION_COOKIE, id, { ...cookieOptions, expires: new Date(session.expiresAt) });
        if (!device) {
          const known = deps.devices.mint(user.name);
          // Sent back only to this route: it names the browser, and is worth nothing elsewhere.
          res.cookie(DEVICE_COOKIE, known.token, {
            ...cookieOptions,
            path: '/api/session',
            expires: new Date(known.expiresAt),
          });
        }
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
      handler: (req, res) => {
        const session = sessionOf(res);
        const id = sessionCookieOf(req);
        if (id) deps.sessions.destroy(id);
        deps.audit.record(
          { user: session.user, role: session.role, action: 'session.signout', clientIp: req.ip },
          { outcome: 'success' },
        );
        clearCookie(res);
        res.status(204).end();
      },
    },
  ];
}
