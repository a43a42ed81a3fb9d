import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedDashboardToken, Problem } from '@wheelhouse/contract';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';
import { rawRequest } from '../testing/rawRequest.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox(
    { world: 'empty' },
    {
      WHEELHOUSE_PUBLIC_URL: 'https://eks.example.com',
      WHEELHOUSE_ALLOWED_HOSTS: 'console.internal:8443',
    },
  );
});
afterAll(() => c.close());

const port = () => new URL(c.url).port;

describe('the Host header', () => {
  it('builds a dashboard token link from the public URL, not from a forged Host', async () => {
    const admin = await c.signIn('admin');
    const response = await rawRequest(c.url, {
      method: 'POST',
      path: '/api/dashboard-tokens',
      headers: {
        host: 'eks.example.com',
        cookie: admin.cookieHeader(),
        'x-csrf-token': admin.session!.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'lobby', expiresInDays: 7 }),
    });
    expect(response.status).toBe(201);
    const created = JSON.parse(response.body) as CreatedDashboardToken;
    expect(created.url).toBe(
      `https://eks.example.com/dashboard?token=${encodeURIComponent(created.token)}`,
    );
    // Reaching the console by its loopback address does not change the link either.
    const local = await admin.request('POST', '/api/dashboard-tokens', {
      name: 'wall',
      expiresInDays: 7,
    });
    expect(((await local.json()) as CreatedDashboardToken).url).toMatch(
      /^https:\/\/eks\.example\.com\/dashboard\?token=/,
    );
  });

  it('refuses a foreign Host with 421 problem+json, before any route runs', async () => {
    const admin = await c.signIn('admin');
    for (const host of ['evil.example', `evil.example:${port()}`, `localhost:1`]) {
      const response = await rawRequest(c.url, {
        method: 'POST',
        path: '/api/dashboard-tokens',
        headers: {
          host,
          cookie: admin.cookieHeader(),
          'x-csrf-token': admin.session!.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: 'evil', expiresInDays: 7 }),
      });
      expect(response.status, host).toBe(421);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(response.body) as Problem;
      expect(problem).toMatchObject({ status: 421, title: 'Misdirected request' });
      expect(problem.detail).toContain('WHEELHOUSE_ALLOWED_HOSTS');
    }
    const shell = await rawRequest(c.url, { path: '/', headers: { host: 'evil.example' } });
    expect(shell.status).toBe(421);
    const tokens = await admin.json<{ name: string }[]>('/api/dashboard-tokens');
    expect(tokens.map((token) => token.name)).not.toContain('evil');
  });

  it('answers to the public host, the loopback names of its port and the allow-list', async () => {
    for (const host of [
      'eks.example.com',
      `localhost:${port()}`,
      `127.0.0.1:${port()}`,
      `[::1]:${port()}`,
      'console.internal:8443',
    ]) {
      const response = await rawRequest(c.url, { path: '/api/session', headers: { host } });
      expect(response.status, host).toBe(401);
    }
  });

  it('keeps /healthz open to probes that address the console by IP', async () => {
    const response = await rawRequest(c.url, { path: '/healthz', headers: { host: '10.1.2.3' } });
    expect(response.status).toBe(200);
  });
});
