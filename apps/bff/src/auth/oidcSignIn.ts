import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Role, SsoRefusal } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';
import { UpstreamError } from '../errors.ts';
import { groupsOf, roleForGroups, type GroupRoles } from './roleMapping.ts';

/** What the OIDC sign-in needs: the `sso` block of WHEELHOUSE_CONFIG with the secret resolved. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  redirectUri: string;
  groupsClaim: string;
  roles: GroupRoles;
  scopes: string[];
  /** Label of the sign-in button. */
  name: string;
}

/** A sign-in the console refuses; `reason` picks the explanation the refused page shows. */
export class SsoRefusedError extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
    /** Who the provider said the user is, when it got that far. */
    readonly user?: string,
    readonly groups: string[] = [],
  ) {
    super(message);
  }
}

/** Who signed in, as the ID token says, with the role their groups map to. */
export interface OidcIdentity {
  user: string;
  role: Role;
  groups: string[];
}

// Long enough to type a password and answer an MFA prompt, short enough that a stale tab cannot finish.
const LOGIN_TTL_MS = 10 * 60 * 1000;

const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * OpenID Connect sign-in (authorization code + PKCE S256, state, nonce) through openid-client, which
 * validates the ID token: issuer, audience, expiry, nonce and signature from the provider's JWKS.
 * The state of a sign-in in flight lives in the database, keyed by a hash of the id in the browser's
 * cookie, and is consumed by the first callback that presents it.
 */
export function createOidcSignIn(settings: OidcSettings, db: Db, now: () => number = Date.now) {
  const k = db.kysely;
  // DELETE ... RETURNING on both engines: the first callback that presents the login consumes it.
  const take = (idHash: string) =>
    k
      .deleteFrom('oidc_logins')
      .where('id_hash', '=', idHash)
      .returning(['state', 'nonce', 'code_verifier', 'next', 'expires_at'])
      .executeTakeFirst();

  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (the sandbox's demo IdP, tests); TLS is verified always.
  const insecureLoopback = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        insecureLoopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        // Not cached: the next sign-in tries again once the provider is back.
        discovered = undefined;
        throw new UpstreamError(
          502,
          'OidcDiscoveryFailed',
          `Cannot read ${settings.issuer}/.well-known/openid-configuration: ${(error as Error).message}`,
        );
      });
    return discovered;
  };

  return {
    name: settings.name,

    /** Starts a sign-in: the id for the browser's cookie and the provider URL to send it to. */
    async begin(next: string): Promise<{ loginId: string; authorizationUrl: string }> {
      const config = await configuration();
      const loginId = randomBytes(32).toString('base64url');
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const at = now();
      await k.deleteFrom('oidc_logins').where('expires_at', '<=', at).execute();
      await k
        .insertInto('oidc_logins')
        .values({
          id_hash: hashId(loginId),
          state,
          nonce,
          code_verifier: codeVerifier,
          next,
          expires_at: at + LOGIN_TTL_MS,
        })
        .execute();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { loginId, authorizationUrl: url.href };
    },

    /**
     * Finishes a sign-in from the callback's query string; throws SsoRefusedError when the login is
     * unknown, expired or already used, the provider answered an error, or the answer does not check out.
     */
    async complete(
      loginId: string | undefined,
      callbackQuery: string,
    ): Promise<OidcIdentity & { next: string }> {
      const login = loginId ? await take(hashId(loginId)) : undefined;
      if (!login || login.expires_at <= now()) {
        throw new SsoRefusedError(
          'expired',
          'no sign-in in progress for this browser (expired, already used, or started elsewhere)',
        );
      }
      const config = await configuration().catch((error: unknown) => {
        throw new SsoRefusedError('unavailable', (error as Error).message);
      });
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = callbackQuery;
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        const reason = error instanceof oidc.AuthorizationResponseError ? 'provider' : 'invalid';
        throw new SsoRefusedError(reason, describe(error));
      }
      if (!claims) throw new SsoRefusedError('invalid', 'the provider sent no ID token');
      const user = [claims.preferred_username, claims.email, claims.sub].find(
        (value): value is string => typeof value === 'string' && value.length > 0,
      )!;
      const groups = groupsOf(claims[settings.groupsClaim]);
      const role = roleForGroups(groups, settings.roles);
      if (!role) {
        throw new SsoRefusedError(
          'no-role',
          `none of the groups [${groups.join(', ')}] is mapped to a Wheelhouse role`,
          user,
          groups,
        );
      }
      return { user, role, groups, next: login.next };
    },

    /** Where to send the browser to end the provider's session too, when the provider offers it. */
    async logoutUrl(): Promise<string | undefined> {
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: new URL('/login', settings.redirectUri).href,
      }).href;
    },
  };
}
export type OidcSignIn = ReturnType<typeof createOidcSignIn>;

/** openid-client's words, with the provider's error code and description when it sent one. */
function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return [error.error, error.error_description].filter(Boolean).join(': ');
  }
  const cause = (error as { cause?: unknown }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause instanceof Error && cause.message !== message
    ? `${message} (${cause.message})`
    : message;
}
