import { generateKeyPairSync, randomBytes, timingSafeEqual, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { memoryAdapterFactory } from './idpMemoryAdapter.ts';

/** A user of the demo identity provider. */
export interface IdpUser {
  username: string;
  password: string;
  groups: string[];
  email?: string;
}

/** A relying party registered at the demo identity provider. */
export interface IdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface IdpOptions {
  users: IdpUser[];
  clients: IdpClient[];
  host?: string;
  /** 0 (default) = a free port. */
  port?: number;
  /** Private RSA JWK to sign ID tokens with; a fresh key by default (tests pass theirs to forge tokens). */
  signingKey?: JsonWebKey;
}

/** A running OpenID Provider: its issuer URL, the provider itself (tests add middleware), and close. */
export interface RunningIdp {
  issuer: string;
  provider: Provider;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem;color:#111;background:#fff}
@media (prefers-color-scheme:dark){body{color:#eee;background:#111}input{background:#222;color:#eee}}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.5rem 1rem;font-weight:600}.error{color:#b00020}@media (prefers-color-scheme:dark){.error{color:#ff8a80}}</style>
</head><body>${body}</body></html>`;
}

function loginForm(uid: string, error?: string, username = ''): string {
  return page(
    'Sign in · Wheelhouse demo identity provider',
    `<main><h1>Demo identity provider</h1><p>Sign in to continue to Wheelhouse.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${escapeHtml(username)}" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main>`,
  );
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Provider (the certified `oidc-provider`) on a loopback port, with a password form for
 * a fixed list of users whose `groups` claim is in the ID token. The sandbox's demo SSO and the
 * sign-in tests each run one; it is not meant to face a network.
 */
export async function startIdentityProvider(options: IdpOptions): Promise<RunningIdp> {
  const host = options.host ?? '127.0.0.1';
  const users = new Map(options.users.map((user) => [user.username, user]));
  const server = createServer();
  await new Promise<void>((listening) => server.listen(options.port ?? 0, host, listening));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  // A fresh key per start: the provider's tokens are only good for as long as it runs.
  const signingKey = {
    ...(options.signingKey ??
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })),
    alg: 'RS256',
    use: 'sig',
    kid: 'demo-1',
  };
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    adapter: memoryAdapterFactory(),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Seconds. Short-lived codes and tokens (the console keeps its own session); a provider session
    // as long as a working day, so signing in again after sign-out of the console is single sign-on.
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Grant: 12 * 3600,
      Session: 12 * 3600,
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // The relying party reads the groups from the ID token, as most providers can be set up to send.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign out · Wheelhouse demo identity provider',
            `<main><h1>Sign out of the identity provider too?</h1>
<p>You signed out of Wheelhouse. Signing out here as well means the next sign-in asks for your password again.</p>
${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = page(
            'Signed out · Wheelhouse demo identity provider',
            '<main><h1>Signed out</h1><p>You are signed out of the identity provider.</p></main>',
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          preferred_username: user.username,
          name: user.username,
          ...(user.email ? { email: user.email, email_verified: true } : {}),
          groups: user.groups,
        }),
      };
    },
    // Every client here is first-party: the user is not asked to consent to what it requested.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<main><h1>Sign-in error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p></main>`,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  const handleOidc = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string[]) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== path[1]) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      return res.end(loginForm(details.uid));
    }
    if (req.method === 'POST' && path[2] === 'login') {
      const form = await formBody(req);
      const username = form.get('username') ?? '';
      const user = users.get(username);
      if (!user || !samePassword(form.get('password') ?? '', user.password)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(loginForm(details.uid, 'Wrong username or password.', username));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.username } },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(405).end();
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean);
    if (path[0] !== 'interaction') return void handleOidc(req, res);
    interaction(req, res, path).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Sign-in error', `<p>${escapeHtml((error as Error).message)}</p>`));
    });
  });

  return {
    issuer,
    provider,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
