import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { SSO_REFUSED_PATH, type AuthProviders } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { SESSION_COOKIE, sessionCookieOf } from '../auth/access.ts';
import { SsoRefusedError, type OidcSignIn } from '../auth/oidcSignIn.ts';
import type { SessionStore } from '../auth/sessions.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { NotFoundError, UpstreamError } from '../errors.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';

/** Holds the id of a sign-in in flight between the login redirect and the provider's callback. */
export const OIDC_LOGIN_COOKIE = 'wh_oidc';

export interface OidcRouteDeps {
  /** The SSO sign-in, once configured (the sandbox's demo IdP starts after the console listens). */
  oidc: () => OidcSignIn | undefined;
  localUsers: boolean;
  secureCookies: boolean;
  sessions: SessionStore;
  audit: AuditLog;
}

export function oidcRoutes(deps: OidcRouteDeps): RouteDef[] {
  // Lax, not Strict: the callback is a top-level navigation coming back from the provider's site,
  // and a Strict cookie would not be sent with it. Scoped to the two OIDC paths.
  const loginCookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
    path: '/api/auth/oidc',
  };
  const configured = () => {
    const oidc = deps.oidc();
    if (!oidc) throw new NotFoundError('SSO sign-in is not configured (sso in WHEELHOUSE_CONFIG).');
    return oidc;
  };
  const refuse = async (req: Request, res: Response, error: SsoRefusedError) => {
    await deps.audit.record(
      {
        user: error.user ?? '(sso: unknown)',
        action: 'session.signin',
        target: 'oidc',
        params: error.groups.length ? { groups: error.groups } : undefined,
        clientIp: req.ip,
      },
      { outcome: error.reason === 'no-role' ? 'denied' : 'failure', error: error.message },
    );
    const page = new URLSearchParams({ reason: error.reason });
    if (error.user) page.set('user', error.user);
    res.redirect(302, `${SSO_REFUSED_PATH}?${page.toString()}`);
  };

  return [
    serve(e.authProviders, () => {
      const oidc = deps.oidc();
      const body: AuthProviders = {
        local: deps.localUsers,
        sso: oidc ? { name: oidc.name } : null,
      };
      return body;
    }),
    serve(e.oidcLogin, async ({ query: { next }, res }) => {
      const oidc = configured();
      let started;
      try {
        started = await oidc.begin(next);
      } catch (error) {
        // The user followed a link: a page that explains beats a JSON error in the tab.
        if (!(error instanceof UpstreamError)) throw error;
        const page = new URLSearchParams({ reason: 'unavailable', detail: error.message });
        return res.redirect(302, `${SSO_REFUSED_PATH}?${page.toString()}`);
      }
      const { loginId, authorizationUrl } = started;
      res.cookie(OIDC_LOGIN_COOKIE, loginId, { ...loginCookie, maxAge: 10 * 60 * 1000 });
      res.redirect(302, authorizationUrl);
    }),
    serve(e.oidcCallback, async ({ req, res }) => {
      const oidc = configured();
      const loginId = req.headers.cookie
        ? parseCookies(req.headers.cookie)[OIDC_LOGIN_COOKIE]
        : undefined;
      res.clearCookie(OIDC_LOGIN_COOKIE, loginCookie);
      const query = req.originalUrl.includes('?') ? req.originalUrl.split('?')[1]! : '';
      let identity;
      try {
        identity = await oidc.complete(loginId, query);
      } catch (error) {
        if (error instanceof SsoRefusedError) return await refuse(req, res, error);
        throw error;
      }
      // Whatever session this browser had ends; the new one gets a new id.
      const previous = sessionCookieOf(req);
      if (previous) await deps.sessions.destroy(previous);
      const { id, session } = await deps.sessions.create(identity.user, identity.role, {
        groups: identity.groups,
        authMethod: 'oidc',
      });
      await deps.audit.record(
        {
          user: identity.user,
          role: identity.role,
          action: 'session.signin',
          target: 'oidc',
          params: { groups: identity.groups },
          clientIp: req.ip,
        },
        { outcome: 'success' },
      );
      res.cookie(SESSION_COOKIE, id, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      res.redirect(302, identity.next);
    }),
  ];
}
