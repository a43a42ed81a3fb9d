import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Problem, SessionInfo } from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox, TEST_PASSWORD } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

describe('sign-in', () => {
  it('signs a demo user in with an httpOnly SameSite cookie and answers who they are', async () => {
    const response = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: 'operator',
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('wh_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = (await response.json()) as SessionInfo;
    expect(body).toMatchObject({ user: 'operator', role: 'operator', backend: 'sandbox' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('answers 401 for a wrong password and records the failed attempt', async () => {
    const response = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: 'operator',
      password: 'nope',
    });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    const admin = await c.signIn('admin');
    const audit = await admin.json<AuditPage>('/api/audit?action=session.signin&outcome=failure');
    expect(audit.items[0]).toMatchObject({ user: 'operator', outcome: 'failure' });
  });

  it('ends the session a browser had when it signs in again', async () => {
    const browser = await c.signIn('operator');
    const first = browser.cookieHeader();
    await browser.signIn('operator', TEST_PASSWORD);
    expect(browser.cookieHeader()).not.toBe(first);
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
    const old = await fetch(new URL('/api/session', c.url), { headers: { cookie: first } });
    expect(old.status).toBe(401);
  });

  it('answers 400 naming the missing field', async () => {
    const response = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: 'admin',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors).toEqual([
      { field: 'password', message: 'is required' },
    ]);
  });

  it('slows down guessing: the sixth failure in a row answers 429', async () => {
    const guesser = new ConsoleClient(c.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(
        (
          await guesser.request('POST', '/api/session', {
            username: 'auditor',
            password: `guess-${attempt}`,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('the session', () => {
  it('is answered by GET /api/session and ended by DELETE with the CSRF token', async () => {
    const user = await c.signIn('admin');
    expect((await user.json<SessionInfo>('/api/session')).user).toBe('admin');
    expect((await user.request('DELETE', '/api/session', undefined, { csrf: null })).status).toBe(
      403,
    );
    expect((await user.request('DELETE', '/api/session')).status).toBe(204);
    expect((await user.request('GET', '/api/session')).status).toBe(401);
  });

  it('never sends AWS credentials or secrets to the browser', async () => {
    const user = await c.signIn('admin');
    const texts = await Promise.all(
      ['/api/session', '/api/sources', '/api/clusters'].map(async (path) =>
        (await user.request('GET', path)).text(),
      ),
    );
    const home = c.sandbox!.accounts[0]!;
    for (const text of texts) {
      expect(text).not.toContain(home.secretAccessKey);
      expect(text).not.toContain(home.accessKeyId);
      expect(text).not.toContain(TEST_PASSWORD);
    }
  });
});
