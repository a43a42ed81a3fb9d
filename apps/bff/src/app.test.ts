import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type AppDeps } from './app.ts';
import { createAuditLog } from './audit/auditLog.ts';
import { createDashboardTokens } from './auth/dashboardTokens.ts';
import { createSessionStore } from './auth/sessions.ts';
import { openDatabase } from './db/database.ts';
import { registerRoutes, type RouteDef } from './http/routing.ts';
import { parseInput } from './http/validate.ts';

const db = openDatabase(':memory:');
const sessions = createSessionStore(db);
const audit = createAuditLog(db);
const routes: RouteDef[] = [
  {
    method: 'get',
    path: '/api/things',
    access: 'read',
    handler: (_req, res) => res.json({ ok: true }),
  },
  {
    method: 'post',
    path: '/api/things',
    access: 'change',
    action: 'thing.create',
    handler: (req, res) => {
      const body = parseInput(z.object({ size: z.number().int().min(1) }), req.body);
      res.status(201).json(body);
    },
  },
  {
    method: 'get',
    path: '/api/things/:id',
    access: 'read',
    handler: (req, res) => res.json({ id: req.params.id }),
  },
  {
    method: 'delete',
    path: '/api/things',
    access: 'admin',
    action: 'thing.delete',
    handler: (_req, res) => res.status(204).end(),
  },
];

let server: Server;
let base: string;
beforeAll(async () => {
  const app = createApp({
    logger: pino({ level: 'silent' }),
    sessions,
    audit,
    dashboardTokens: createDashboardTokens(db),
    routes,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function as(role: 'admin' | 'operator' | 'auditor') {
  const { id, session } = await sessions.create(`${role}-user`, role);
  return { cookie: `wh_session=${id}`, csrf: session.csrfToken };
}

async function call(
  method: string,
  path: string,
  options: { cookie?: string; csrf?: string; body?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  const response = await fetch(base + path, {
    method,
    headers,
    ...(options.body ? { body: options.body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type')?.split(';')[0],
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('the access guard', () => {
  it('answers 401 problem+json without a session', async () => {
    const response = await call('GET', '/api/things');
    expect(response.status).toBe(401);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('answers 401 for an unknown session cookie', async () => {
    expect((await call('GET', '/api/things', { cookie: 'wh_session=forged' })).status).toBe(401);
  });

  it('lets every role read', async () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      expect((await call('GET', '/api/things', await as(role))).status).toBe(200);
    }
  });

  it('refuses a change to an auditor with 403 and records the attempt', async () => {
    const response = await call('POST', '/api/things', {
      ...(await as('auditor')),
      body: '{"size":1}',
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('The auditor role may not do this.');
    const entry = await db.kysely
      .selectFrom('audit')
      .select(['user', 'role', 'action', 'outcome'])
      .where('action', '=', 'thing.create')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(entry).toEqual({
      user: 'auditor-user',
      role: 'auditor',
      action: 'thing.create',
      outcome: 'denied',
    });
  });

  it('refuses a change without the CSRF token, or with a wrong one', async () => {
    const operator = await as('operator');
    expect(
      (await call('POST', '/api/things', { cookie: operator.cookie, body: '{"size":1}' })).status,
    ).toBe(403);
    const wrong = await call('POST', '/api/things', {
      cookie: operator.cookie,
      csrf: 'nope',
      body: '{"size":1}',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toContain('x-csrf-token');
  });

  it('accepts a change from an operator with the CSRF token', async () => {
    const response = await call('POST', '/api/things', {
      ...(await as('operator')),
      body: '{"size":3}',
    });
    expect(response).toMatchObject({ status: 201, body: { size: 3 } });
  });

  it('keeps admin routes to admins', async () => {
    expect((await call('DELETE', '/api/things', await as('operator'))).status).toBe(403);
    expect((await call('DELETE', '/api/things', await as('admin'))).status).toBe(204);
  });
});

describe('bad input', () => {
  it('names the field that failed validation', async () => {
    const response = await call('POST', '/api/things', {
      ...(await as('operator')),
      body: '{"size":0}',
    });
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(response.body.errors).toEqual([{ field: 'size', message: 'must be at least 1' }]);
  });

  it('says so when the body is not JSON', async () => {
    const response = await call('POST', '/api/things', {
      ...(await as('operator')),
      body: '{size',
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('The request body is not valid JSON.');
  });

  it('answers unknown API routes with 404 problem+json', async () => {
    const response = await call('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe('No such API route: GET /api/nothing-here');
  });
});

describe('registerRoutes', () => {
  it('refuses a mutating route declared as a read', () => {
    const bad: RouteDef = { method: 'post', path: '/x', access: 'read', handler: () => undefined };
    expect(() => registerRoutes(express.Router(), [bad], () => [])).toThrow("cannot be 'read'");
  });

  it('refuses a change route without an audit action', () => {
    const bad: RouteDef = {
      method: 'post',
      path: '/x',
      access: 'change',
      handler: () => undefined,
    };
    expect(() => registerRoutes(express.Router(), [bad], () => [])).toThrow('audit action');
  });
});

/** A built SPA of two files, enough for the shell and the hashed-asset paths. */
const webDist = mkdtempSync(join(tmpdir(), 'wheelhouse-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Wheelhouse</title>');
writeFileSync(join(webDist, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

/** The app with the SPA on a free port; `deps` replaces the logger or sets secureCookies. */
async function listen(deps: Partial<AppDeps> = {}): Promise<{ url: string; close: () => void }> {
  const app = createApp({
    logger: pino({ level: 'silent' }),
    sessions,
    audit,
    dashboardTokens: createDashboardTokens(db),
    routes,
    webDist,
    ...deps,
  });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  const port = (listening.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => void listening.close() };
}

describe('caching and transport headers', () => {
  it('caches hashed assets for a year, revalidates the shell and never stores API answers', async () => {
    const app = await listen();
    try {
      const asset = await fetch(`${app.url}/assets/index-3f9a1c.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const shell = await fetch(`${app.url}/clusters`);
      expect(shell.headers.get('cache-control')).toBe('no-cache');
      const api = await fetch(`${app.url}/api/things`, {
        headers: { cookie: (await as('auditor')).cookie },
      });
      expect(api.headers.get('cache-control')).toBe('no-store');
      // Over plain HTTP no HSTS: it would be ignored, or pin a loopback name to HTTPS.
      expect(shell.headers.get('strict-transport-security')).toBeNull();
    } finally {
      app.close();
    }
  });

  it('sends Strict-Transport-Security when the console is served over HTTPS', async () => {
    const app = await listen({ secureCookies: true });
    try {
      const shell = await fetch(`${app.url}/clusters`);
      expect(shell.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      app.close();
    }
  });
});

describe("a caller's malformed request", () => {
  const lines: { level: number; msg: string; err?: unknown }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let url = '';
  let close = () => undefined as void;
  beforeAll(async () => {
    ({ url, close } = await listen({ logger: pino({ level: 'info' }, sink) }));
  });
  afterAll(() => close());

  async function problemOf(path: string, init: RequestInit = {}) {
    const response = await fetch(url + path, init);
    return {
      status: response.status,
      type: response.headers.get('content-type')?.split(';')[0],
      body: (await response.json()) as { detail: string },
    };
  }

  it('answers bad percent-encoding, missing assets and traversal attempts with 4xx, logged without a stack', async () => {
    const operator = await as('operator');
    const badParam = await problemOf('/api/things/%zz', { headers: { cookie: operator.cookie } });
    expect(badParam).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(badParam.body.detail).toBe('The URL is not valid percent-encoding.');
    for (const path of [
      '/assets/nope.js',
      '/assets/..%2fpackage.json',
      '/assets/....//x',
      '/assets/%5c..%5cpackage.json',
      '/assets/..%252f',
    ]) {
      const missing = await problemOf(path);
      expect(missing.status, path).toBeGreaterThanOrEqual(400);
      expect(missing.status, path).toBeLessThan(500);
      expect(missing.type, path).toBe('application/problem+json');
    }
    expect((await problemOf('/assets/nope.js')).status).toBe(404);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines.some((line) => line.err !== undefined)).toBe(false);
  });

  it('refuses an unknown Content-Encoding with 415 and a corrupt gzip body with 400', async () => {
    const operator = await as('operator');
    const headers = {
      cookie: operator.cookie,
      'x-csrf-token': operator.csrf,
      'content-type': 'application/json',
    };
    const unknown = await problemOf('/api/things', {
      method: 'POST',
      headers: { ...headers, 'content-encoding': 'zstdx' },
      body: '{"size":1}',
    });
    expect(unknown).toMatchObject({ status: 415, type: 'application/problem+json' });
    const corrupt = gzipSync('{"size":1}').subarray(0, 12);
    const broken = await problemOf('/api/things', {
      method: 'POST',
      headers: { ...headers, 'content-encoding': 'gzip' },
      body: corrupt,
    });
    expect(broken).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});

describe('request logs of the SSO callback', () => {
  it('leave out the authorization code and state', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await listen({ logger: pino({ level: 'info' }, sink) });
    try {
      await fetch(`${app.url}/api/auth/oidc/callback?code=the-auth-code&state=the-state`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const logged = lines.join('');
      expect(logged).toContain('/api/auth/oidc/callback');
      expect(logged).not.toContain('the-auth-code');
      expect(logged).not.toContain('the-state');
    } finally {
      app.close();
    }
  });
});
