import { randomBytes } from 'node:crypto';
import { OIDC_CALLBACK_PATH } from '@wheelhouse/contract';
import { startIdentityProvider, type IdpUser, type RunningIdp } from './demoIdentityProvider.ts';
import type { OidcSettings } from './oidcSignIn.ts';

/** The sandbox's SSO users: one per demo group, so each role can be tried through SSO. */
export const DEMO_SSO_GROUPS = {
  admin: 'wheelhouse-admins',
  operator: 'platform-operators',
  auditor: 'security-auditors',
} as const;

const DEMO_SSO_USERS: Omit<IdpUser, 'password'>[] = [
  { username: 'carol', groups: [DEMO_SSO_GROUPS.admin], email: 'carol@example.com' },
  { username: 'alice', groups: [DEMO_SSO_GROUPS.operator], email: 'alice@example.com' },
  { username: 'bob', groups: [DEMO_SSO_GROUPS.auditor], email: 'bob@example.com' },
];

/** The embedded demo identity provider and the console's SSO settings pointing at it. */
export interface DemoSso {
  idp: RunningIdp;
  settings: OidcSettings;
  users: { username: string; groups: string[] }[];
}

/**
 * Starts the sandbox's demo OpenID Provider on a free loopback port, with the demo SSO users (sharing
 * the demo password) and this console registered as its client, so `npm start` shows the SSO path.
 */
export async function startDemoSso(consoleUrl: string, password: string): Promise<DemoSso> {
  // The secret lives only in this process: the provider and the console are both started here.
  const clientSecret = randomBytes(24).toString('base64url');
  const redirectUri = new URL(OIDC_CALLBACK_PATH, consoleUrl).href;
  const idp = await startIdentityProvider({
    users: DEMO_SSO_USERS.map((user) => ({ ...user, password })),
    clients: [
      {
        clientId: 'wheelhouse',
        clientSecret,
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [new URL('/login', consoleUrl).href],
      },
    ],
  });
  return {
    idp,
    users: DEMO_SSO_USERS.map(({ username, groups }) => ({ username, groups })),
    settings: {
      issuer: idp.issuer,
      clientId: 'wheelhouse',
      clientSecret,
      redirectUri,
      groupsClaim: 'groups',
      roles: {
        admin: [DEMO_SSO_GROUPS.admin],
        operator: [DEMO_SSO_GROUPS.operator],
        auditor: [DEMO_SSO_GROUPS.auditor],
      },
      scopes: ['openid', 'profile', 'email', 'groups'],
      name: 'Demo SSO',
    },
  };
}
