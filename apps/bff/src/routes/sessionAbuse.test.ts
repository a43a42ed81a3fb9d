import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox, TEST_PASSWORD } from '../testing/consoleOnSandbox.ts';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  contentType: string | undefined;
  body: string;
}

/**
 * One HTTP exchange from a chosen loopback address (all of 127/8 is loopback on Linux), so a test can
 * play many clients as a distributed attacker would.
 */
function send(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; from?: string } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        localAddress: options.from ?? '127.0.0.1',
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const signIn = (base: string, username: string, password: string, from?: string) =>
  send(base, 'POST', '/api/session', { body: { username, password }, ...(from ? { from } : {}) });

const count = (answers: Answer[], status: number) =>
  answers.filter((answer) => answer.status === status).length;

/** A 429 as the console must send it: problem+json with a Retry-After of whole seconds. */
function expectRefusal(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.retryAfter).toMatch(/^[1-9]\d*$/);
  expect((JSON.parse(answer.body) as Problem).status).toBe(429);
}

// Every test here waits for scrypt hashes (two at a time, about 1 s each on an idle 2-core machine,
// several times that on a busy one): a ceiling against hangs, not a timing goal.
const CEILING_MS = 180_000;

const webDist = mkdtempSync(join(tmpdir(), 'wheelhouse-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Wheelhouse</title>');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describe('parallel guesses', { timeout: CEILING_MS }, () => {
  let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
  beforeAll(async () => {
    c = await startConsoleOnSandbox({ world: 'empty' });
  });
  afterAll(() => c.close());

  it('checks at most five of 30 parallel wrong passwords for one user; the rest get 429', async () => {
    // The operator's own browser, where they signed in before the attack.
    const ownBrowser = new ConsoleClient(c.url);
    await ownBrowser.signIn('operator', TEST_PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(c.url, 'operator', `guess-${i}`)),
    );
    expect(count(answers, 401)).toBeLessThanOrEqual(5);
    expect(count(answers, 429)).toBe(30 - count(answers, 401));
    for (const answer of answers.filter(({ status }) => status === 429)) expectRefusal(answer);
    // The right password from a new browser now waits too: the guesses were counted, not just checked.
    expectRefusal(await signIn(c.url, 'operator', TEST_PASSWORD));
    // The operator's own browser is counted apart, so the attack does not lock them out.
    const again = await ownBrowser.request('POST', '/api/session', {
      username: 'operator',
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(200);
  });

  it('remembers a browser a user signed in from with a cookie only the sign-in route gets', async () => {
    const answer = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: 'auditor',
      password: TEST_PASSWORD,
    });
    const device = answer.headers.getSetCookie().find((line) => line.startsWith('wh_device='));
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Strict/i);
    expect(device).toMatch(/Path=\/api\/session(;|$)/);
  });

  it('counts guesses per address, unknown user names included', async () => {
    const from = '127.0.0.42';
    // Two rounds of ten, each small enough for the hashing queue to take whole.
    const answers: Answer[] = [];
    for (const round of [0, 10]) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            signIn(c.url, `nosuchuser${round + i}`, 'wrong', from),
          ),
        )),
      );
    }
    expect(count(answers, 401)).toBe(20);
    // A real user with the right password, from that address: refused before any hashing.
    expectRefusal(await signIn(c.url, 'admin', TEST_PASSWORD, from));
    // The same user from elsewhere signs in.
    expect((await signIn(c.url, 'admin', TEST_PASSWORD, '127.0.0.43')).status).toBe(200);
  });
});

describe('a storm of sign-ins with unknown user names', { timeout: CEILING_MS }, () => {
  const concurrency = 2;
  const queueLength = 16;
  let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
  beforeAll(async () => {
    c = await startConsoleOnSandbox(
      { world: 'empty' },
      {
        WHEELHOUSE_WEB_DIST: webDist,
        WHEELHOUSE_LOGIN_CONCURRENCY: String(concurrency),
        WHEELHOUSE_LOGIN_QUEUE: String(queueLength),
      },
    );
  });
  afterAll(() => c.close());

  it('refuses what the queue cannot hold at once, while the page and real sign-ins are served', async () => {
    const returningBrowser = new ConsoleClient(c.url);
    await returningBrowser.signIn('auditor', TEST_PASSWORD);
    let stormDone = false;
    // 100 attackers, each from its own address, so the per-address throttle does not stop them.
    const storm = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signIn(
          c.url,
          `nosuchuser${i}`,
          'wrong',
          `127.0.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`,
        ),
      ),
    ).finally(() => (stormDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const page = await send(c.url, 'GET', '/');
    const pageServedDuringStorm = !stormDone;
    // A user back in the browser they signed in from before goes first: in on the first try.
    const returning = await returningBrowser.request('POST', '/api/session', {
      username: 'auditor',
      password: TEST_PASSWORD,
    });
    const returningServedDuringStorm = !stormDone;
    // A user in a new browser, following Retry-After as the sign-in page tells its user to.
    const user = new ConsoleClient(c.url);
    let signedIn = await user.request('POST', '/api/session', {
      username: 'admin',
      password: TEST_PASSWORD,
    });
    while (signedIn.status === 429) {
      const wait = Number(signedIn.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      signedIn = await user.request('POST', '/api/session', {
        username: 'admin',
        password: TEST_PASSWORD,
      });
    }
    const clusters = await user.request('GET', '/api/clusters');
    const answers = await storm;

    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Wheelhouse</title>');
    expect(pageServedDuringStorm).toBe(true);
    expect(returning.status).toBe(200);
    expect(returningServedDuringStorm).toBe(true);
    expect(signedIn.status).toBe(200);
    expect(clusters.status).toBe(200);
    // Only what fits in the hashing slots and the queue was checked; the rest was refused at once.
    expect(count(answers, 401)).toBeLessThanOrEqual(concurrency + queueLength);
    expect(count(answers, 429)).toBe(100 - count(answers, 401));
    expect(count(answers, 429)).toBeGreaterThanOrEqual(100 - concurrency - queueLength);
    for (const answer of answers.filter(({ status }) => status === 429)) expectRefusal(answer);
  });
});

describe('the throttle across a restart', { timeout: CEILING_MS }, () => {
  it('still refuses the sixth guess after the console restarts on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-data-'));
    try {
      const first = await startConsoleOnSandbox(
        { world: 'empty' },
        { WHEELHOUSE_DATA_DIR: dataDir },
      );
      const guesses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => signIn(first.url, 'admin', `guess-${i}`)),
      );
      expect(guesses.map(({ status }) => status)).toEqual([401, 401, 401, 401, 401]);
      await first.close();

      const second = await startConsoleOnSandbox(
        { world: 'empty' },
        { WHEELHOUSE_DATA_DIR: dataDir },
      );
      try {
        expectRefusal(await signIn(second.url, 'admin', 'guess-5'));
        expectRefusal(await signIn(second.url, 'admin', TEST_PASSWORD));
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
