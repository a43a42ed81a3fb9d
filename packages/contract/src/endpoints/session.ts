import { defineEndpoint } from '../endpoint.ts';

export const signIn = defineEndpoint({
  method: 'post',
  path: '/api/session',
  access: 'public',
  summary: 'signs in (cookie); 401 on failure; 429 + Retry-After (see Sign-in under attack)',
  body: 'LoginRequest',
  response: 'SessionInfo',
  problems: [401, 429],
});

export const getSession = defineEndpoint({
  method: 'get',
  path: '/api/session',
  access: 'read',
  summary: '`{user, role, csrfToken, backend, groups, authMethod}`',
  response: 'SessionInfo',
});

export const signOut = defineEndpoint({
  method: 'delete',
  path: '/api/session',
  access: 'session',
  summary: 'signs out; an SSO session also answers `{logoutUrl}` when the provider offers one',
  response: 'SignOutResult',
  orNoContent: true,
});

export const authProviders = defineEndpoint({
  method: 'get',
  path: '/api/auth/providers',
  access: 'public',
  summary: '`{local, sso: {name} | null}`: what the sign-in page offers',
  response: 'AuthProviders',
});

export const oidcLogin = defineEndpoint({
  method: 'get',
  // OIDC_LOGIN_PATH, written out: session.ts holds zod schemas the web's first bundle must not load.
  path: '/api/auth/oidc/login',
  access: 'public',
  summary: '302 to the identity provider; `next` must be a path on this site',
  query: 'OidcLoginQuery',
  status: 302,
  produces: { type: 'text/plain', description: 'a redirect to the identity provider' },
  problems: [404],
});

export const oidcCallback = defineEndpoint({
  method: 'get',
  // OIDC_CALLBACK_PATH (the redirect URI registered with the provider), written out as above.
  path: '/api/auth/oidc/callback',
  access: 'public',
  summary:
    'checks the provider’s answer, creates the session, 302 to `next` (or to the refusal page)',
  status: 302,
  produces: { type: 'text/plain', description: 'a redirect into the console' },
  problems: [404, 502],
});
