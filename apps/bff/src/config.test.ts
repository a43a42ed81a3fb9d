import { describe, expect, it } from 'vitest';
import { ConfigFileSchema } from './config.ts';

const sso = {
  issuer: 'https://idp.example.com',
  clientId: 'wheelhouse',
  clientSecretEnv: 'WHEELHOUSE_OIDC_CLIENT_SECRET',
  redirectUri: 'https://wheelhouse.example.com/api/auth/oidc/callback',
  roles: { admin: ['wheelhouse-admins'] },
};

const issuesOf = (value: unknown) =>
  ConfigFileSchema.safeParse({ sso: value }).error?.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.message}`,
  );

describe('the sso block of WHEELHOUSE_CONFIG', () => {
  it('fills in the groups claim, the other roles and local users', () => {
    expect(ConfigFileSchema.parse({ sso }).sso).toMatchObject({
      groupsClaim: 'groups',
      roles: { admin: ['wheelhouse-admins'], operator: [], auditor: [] },
      localUsers: true,
    });
  });

  it('refuses a plain-http issuer off this machine, but not on loopback', () => {
    expect(issuesOf({ ...sso, issuer: 'http://idp.example.com' })).toEqual([
      'sso.issuer: must be https (plain http only on loopback)',
    ]);
    expect(issuesOf({ ...sso, issuer: 'http://127.0.0.1:5556' })).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    expect(issuesOf({ ...sso, redirectUri: 'https://wheelhouse.example.com/callback' })).toEqual([
      'sso.redirectUri: must end in /api/auth/oidc/callback',
    ]);
    expect(issuesOf({ ...sso, clientSecretEnv: 'the secret itself' })).toEqual([
      'sso.clientSecretEnv: must name an environment variable',
    ]);
    expect(issuesOf({ ...sso, roles: {} })).toEqual([
      'sso.roles: map at least one group to a role',
    ]);
  });
});
