import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, decodeJwt, importJWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, AuthProviders, SessionInfo } from '@wheelhouse/contract';
import { startIdentityProvider, type RunningIdp } from '../auth/demoIdentityProvider.ts';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { TEST_PASSWORD, startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';
import { OidcTestBrowser } from '../testing/oidcBrowser.ts';

// The test's own provider (not the sandbox's demo one), with its own groups and a key the test holds,
// so it can also hand out ID tokens that were altered after the provider made them.
const PASSWORD = 'idp-password';
const USERS = [
  { username: 'ada', groups: ['g-admins', 'g-audit'] },
  { username: 'otto', groups: ['g-ops'] },
  { username: 'aud', groups: ['marketing', 'g-audit'] },
  { username: 'nemo', groups: ['marketing'] },
];
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  format: 'jwk',
});

let idp: RunningIdp;
let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let admin: ConsoleClient;
/** When set, the provider's token answer carries an ID token with these claims changed, re-signed. */
let alterIdToken: ((claims: JWTPayload) => JWTPayload) | undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

beforeAll(async () => {
  const consoleUrl = `http://127.0.0.1:${await freePort()}`;
  idp = await startIdentityProvider({
    users: USERS.map((user) => ({ ...user, password: PASSWORD })),
    clients: [
      {
        clientId: 'wheelhouse-test',
        clientSecret: 'test-client-secret',
        redirectUris: [`${consoleUrl}/api/auth/oidc/callback`],
        postLogoutRedirectUris: [`${consoleUrl}/login`],
      },
    ],
    signingKey,
  });
  const key = await importJWK({ ...signingKey, alg: 'RS256' });
  idp.provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !alterIdToken || !body?.id_token) return;
    const claims = alterIdToken(decodeJwt(body.id_token));
    body.id_token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'demo-1' })
      .sign(key);
  });
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-sso-'));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      sso: {
        issuer: idp.issuer,
        clientId: 'wheelhouse-test',
        clientSecretEnv: 'TEST_OIDC_CLIENT_SECRET',
        redirectUri: `${consoleUrl}/api/auth/oidc/callback`,
        groupsClaim: 'groups',
        roles: { admin: ['g-admins'], operator: ['g-ops'], auditor: ['g-audit'] },
        localUsers: true,
        name: 'Test IdP',
      },
    }),
  );
  c = await startConsoleOnSandbox(
    { world: 'empty' },
    {
      WHEELHOUSE_PORT: new URL(consoleUrl).port,
      WHEELHOUSE_CONFIG: config,
      TEST_OIDC_CLIENT_SECRET: 'test-client-secret',
    },
  );
  admin = await c.signIn('admin');
});
afterAll(async () => {
  await c?.close();
  await idp?.close();
});

/** Starts a sign-in at the console and signs in at the provider's form; returns the callback URL. */
async function throughProvider(browser: OidcTestBrowser, username: string, next = '/clusters') {
  const callback = await browser.throughProvider(
    c.url,
    idp.issuer,
    { username, password: PASSWORD },
    next,
  );
  expect(callback.pathname).toBe('/api/auth/oidc/callback');
  return callback;
}

async function session(browser: OidcTestBrowser): Promise<Response> {
  return browser.request(new URL('/api/session', c.url));
}

async function latestSignIn(): Promise<AuditEntry> {
  const page = await admin.json<AuditPage>('/api/audit?action=session.signin&target=oidc&limit=1');
  return page.items[0]!;
}

describe('SSO sign-in against an OpenID provider', () => {
  it('offers both ways to sign in, naming the provider', async () => {
    const response = await fetch(new URL('/api/auth/providers', c.url));
    expect(await response.json()).toEqual({
      local: true,
      sso: { name: 'Test IdP' },
    } satisfies AuthProviders);
  });

  it.each([
    ['ada', 'admin', ['g-admins', 'g-audit']],
    ['otto', 'operator', ['g-ops']],
    ['aud', 'auditor', ['marketing', 'g-audit']],
  ] as const)(
    'signs %s in as %s from their groups, and lands on next',
    async (user, role, groups) => {
      const browser = new OidcTestBrowser();
      const callback = await throughProvider(browser, user, '/clusters?status=ACTIVE');
      const done = await browser.request(callback);
      expect(OidcTestBrowser.location(done, callback).href).toBe(
        new URL('/clusters?status=ACTIVE', c.url).href,
      );
      const me = (await (await session(browser)).json()) as SessionInfo;
      expect(me).toMatchObject({ user, role, groups, authMethod: 'oidc' });
      expect(await latestSignIn()).toMatchObject({ user, role, outcome: 'success' });
    },
  );

  it('refuses a user none of whose groups is mapped, with a page that says so, and audits it', async () => {
    const browser = new OidcTestBrowser();
    const callback = await throughProvider(browser, 'nemo');
    const done = await browser.request(callback);
    const page = OidcTestBrowser.location(done, callback);
    expect(page.pathname).toBe('/login/refused');
    expect(page.searchParams.get('reason')).toBe('no-role');
    expect(page.searchParams.get('user')).toBe('nemo');
    expect((await session(browser)).status).toBe(401);
    expect(await latestSignIn()).toMatchObject({
      user: 'nemo',
      outcome: 'denied',
      error: expect.stringContaining('marketing'),
    });
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = new OidcTestBrowser();
    const callback = await throughProvider(browser, 'otto');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const page = OidcTestBrowser.location(await browser.request(callback), callback);
    expect(page.pathname).toBe('/login/refused');
    expect((await session(browser)).status).toBe(401);
    expect(await latestSignIn()).toMatchObject({
      outcome: 'failure',
      error: expect.stringContaining('state'),
    });
  });

  it('refuses a replayed authorization code, in the same sign-in and in a new one', async () => {
    const browser = new OidcTestBrowser();
    const callback = await throughProvider(browser, 'otto');
    const loginCookie = browser.cookie('wh_oidc');
    await browser.request(callback);
    expect((await session(browser)).status).toBe(200);

    // The same callback again, even with the sign-in's own cookie (say, copied): it is used up.
    const attacker = new OidcTestBrowser();
    const again = await fetch(callback, {
      headers: { cookie: `wh_oidc=${loginCookie}` },
      redirect: 'manual',
    });
    const replayed = OidcTestBrowser.location(again, callback);
    expect(replayed.pathname).toBe('/login/refused');
    expect(replayed.searchParams.get('reason')).toBe('expired');
    expect(await latestSignIn()).toMatchObject({
      outcome: 'failure',
      error: expect.stringContaining('no sign-in in progress'),
    });

    // The old code smuggled into a fresh sign-in (its own state and PKCE verifier): the provider refuses it.
    const fresh = await throughProvider(attacker, 'nemo');
    fresh.searchParams.set('code', callback.searchParams.get('code')!);
    const page = OidcTestBrowser.location(await attacker.request(fresh), fresh);
    expect(page.pathname).toBe('/login/refused');
    expect((await session(attacker)).status).toBe(401);
    expect(await latestSignIn()).toMatchObject({
      outcome: 'failure',
      error: expect.stringContaining('invalid_grant'),
    });
  });

  describe('with ID tokens altered after the provider signed them', () => {
    afterAll(() => {
      alterIdToken = undefined;
    });

    it('accepts one re-signed unchanged (so the refusals below are about the claim)', async () => {
      alterIdToken = (claims) => claims;
      const browser = new OidcTestBrowser();
      await browser.request(await throughProvider(browser, 'otto'));
      expect((await session(browser)).status).toBe(200);
    });

    it.each([
      ['a wrong nonce', (claims: JWTPayload) => ({ ...claims, nonce: 'another-nonce' }), 'nonce'],
      ['another audience', (claims: JWTPayload) => ({ ...claims, aud: 'another-client' }), 'aud'],
    ])('refuses an ID token with %s and audits it', async (_label, alter, claim) => {
      alterIdToken = alter;
      const browser = new OidcTestBrowser();
      const callback = await throughProvider(browser, 'ada');
      const page = OidcTestBrowser.location(await browser.request(callback), callback);
      expect(page.pathname).toBe('/login/refused');
      expect(page.searchParams.get('reason')).toBe('invalid');
      expect((await session(browser)).status).toBe(401);
      expect(await latestSignIn()).toMatchObject({
        outcome: 'failure',
        error: expect.stringContaining(claim),
      });
    });
  });

  it('starts a new session id at every sign-in and ends the old one', async () => {
    const browser = new OidcTestBrowser();
    await browser.request(await throughProvider(browser, 'otto'));
    const first = (await session(browser)).status;
    const firstCookie = browser.cookie('wh_session');
    await browser.request(await throughProvider(browser, 'otto'));
    const secondCookie = browser.cookie('wh_session');
    expect(first).toBe(200);
    expect(secondCookie).toBeDefined();
    expect(secondCookie).not.toBe(firstCookie);
    const old = await fetch(new URL('/api/session', c.url), {
      headers: { cookie: `wh_session=${firstCookie}` },
    });
    expect(old.status).toBe(401);
  });

  it("signs out of the provider too: DELETE /api/session answers the provider's logout URL", async () => {
    const browser = new OidcTestBrowser();
    await browser.request(await throughProvider(browser, 'aud'));
    const me = (await (await session(browser)).json()) as SessionInfo;
    const out = await browser.request(new URL('/api/session', c.url), {
      method: 'DELETE',
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    const url = new URL(logoutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(new URL('/login', c.url).href);
    expect((await session(browser)).status).toBe(401);
  });

  it('answers 400 naming next for a next that leaves the site', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const response = await fetch(
        new URL(`/api/auth/oidc/login?next=${encodeURIComponent(next)}`, c.url),
        { redirect: 'manual' },
      );
      expect(response.status, next).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await response.json()), next).toContain('next');
    }
  });
});

describe('SSO with localUsers: false', () => {
  let strict: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
  beforeAll(async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'wheelhouse-sso-')), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        sso: {
          // Nothing listens there: the provider is down.
          issuer: `http://127.0.0.1:${await freePort()}`,
          clientId: 'wheelhouse-test',
          redirectUri: 'http://127.0.0.1:9/api/auth/oidc/callback',
          roles: { admin: ['g-admins'] },
          localUsers: false,
        },
      }),
    );
    strict = await startConsoleOnSandbox({ world: 'empty' }, { WHEELHOUSE_CONFIG: config });
  });
  afterAll(() => strict?.close());

  it('refuses password sign-in server-side, even for a demo user with the right password', async () => {
    const response = await fetch(new URL('/api/session', strict.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    const providers = await fetch(new URL('/api/auth/providers', strict.url));
    expect(await providers.json()).toMatchObject({ local: false, sso: { name: /^127\.0\.0\.1:/ } });
  });

  it('sends the browser to a page that says so when the provider cannot be reached', async () => {
    const response = await fetch(new URL('/api/auth/oidc/login?next=/clusters', strict.url), {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const page = new URL(response.headers.get('location')!, strict.url);
    expect(page.pathname).toBe('/login/refused');
    expect(page.searchParams.get('reason')).toBe('unavailable');
    expect(page.searchParams.get('detail')).toContain('/.well-known/openid-configuration');
  });
});
