import { z } from 'zod';
import { ROLES } from './constants.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const AuthMethod = z.enum(['local', 'oidc']);
export type AuthMethod = z.infer<typeof AuthMethod>;

/** What the browser learns about its session; never holds secrets other than the CSRF token. */
export const SessionInfo = z.object({
  user: z.string(),
  role: Role,
  /** Send back as header `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
  /** `sandbox` or `aws`, so the UI can say which world it shows. */
  backend: z.enum(['sandbox', 'aws']),
  /** The identity provider's groups of an SSO user (empty for local users). */
  groups: z.array(z.string()),
  /** How the user signed in: password (`local`) or OpenID Connect (`oidc`). */
  authMethod: AuthMethod,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** GET /api/auth/providers: which ways to sign in the sign-in page offers. */
export const AuthProviders = z.object({
  /** Password sign-in (POST /api/session) is on. */
  local: z.boolean(),
  /** The OpenID Connect provider, when SSO is configured; `name` labels the "Sign in with" button. */
  sso: z.object({ name: z.string() }).nullable(),
});
export type AuthProviders = z.infer<typeof AuthProviders>;

/** DELETE /api/session of an SSO session whose provider offers end_session_endpoint. */
export const SignOutResult = z.object({
  /** Where the browser goes next to end the provider's session too. */
  logoutUrl: z.string().url(),
});
export type SignOutResult = z.infer<typeof SignOutResult>;

/** Why the OIDC callback refused a sign-in; the sign-in page's `/login/refused?reason=` explains each. */
export const SsoRefusal = z.enum(['no-role', 'expired', 'invalid', 'provider', 'unavailable']);
export type SsoRefusal = z.infer<typeof SsoRefusal>;

/** Paths of the SSO sign-in, shared by the BFF routes and the sign-in page's links. */
export const OIDC_LOGIN_PATH = '/api/auth/oidc/login';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const SSO_REFUSED_PATH = '/login/refused';

/**
 * A path on this site to land on after sign-in: one leading slash, no scheme or host, no backslash
 * or control characters, so a crafted link cannot send the user to another site.
 */
export const SameSitePath = z
  .string()
  .max(2048)
  .refine(
    (path) =>
      path.startsWith('/') &&
      !path.startsWith('//') &&
      !path.includes('\\') &&
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      !/[\u0000-\u001f\u007f]/.test(path),
    { message: 'must be a path on this site, such as /clusters' },
  );

/** GET /api/auth/oidc/login query. */
export const OidcLoginQuery = z.object({ next: SameSitePath.default('/') });
export type OidcLoginQuery = z.infer<typeof OidcLoginQuery>;
