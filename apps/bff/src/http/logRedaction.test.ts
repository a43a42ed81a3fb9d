import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedDashboardToken } from '@wheelhouse/contract';
import { createLogger } from '../logging.ts';
import { startWheelhouse, type Wheelhouse } from '../server.ts';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { redactUrl } from './logRedaction.ts';

describe('redactUrl', () => {
  it.each([
    ['/dashboard?token=whd_abc-DEF_123', '/dashboard?token=[redacted]'],
    ['/x?view=wall&token=whd_abc&theme=dark', '/x?view=wall&token=[redacted]&theme=dark'],
    [
      '/x?access_token=a&id_token=b&password=c',
      '/x?access_token=[redacted]&id_token=[redacted]&password=[redacted]',
    ],
    [
      '/x?X-Amz-Signature=ab12&X-Amz-Credential=AKIA',
      '/x?X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]',
    ],
    ['/x?next=%2Fdash%3Ftoken%3Dwhd_secret', '/x?next=%2Fdash%3Ftoken%3D[redacted]'],
    ['/api/auth/oidc/callback?code=c&state=s', '/api/auth/oidc/callback?[redacted]'],
    ['/share/whd_inpath', '/share/[redacted]'],
  ])('redacts %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it.each(['/api/clusters?status=ACTIVE&region=us-east-1', '/api/audit?user=ops&limit=50', '/'])(
    'keeps %s as it is',
    (url) => {
      expect(redactUrl(url)).toBe(url);
    },
  );
});

let console_: Wheelhouse;
let log = '';
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  console_ = await startWheelhouse({
    env: {
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: ':memory:',
      WHEELHOUSE_DEMO_PASSWORD: 'log-test-password',
      WHEELHOUSE_WEB_DIST: '/nonexistent',
    },
    sandbox: { world: 'empty', faults: [] },
    logger: createLogger({ level: 'debug', format: 'json', destination: sink }),
  });
});
afterAll(() => console_.close());

describe('request logs', () => {
  it('never hold a dashboard token, whether in the URL or an Authorization header', async () => {
    const admin = new ConsoleClient(console_.url);
    await admin.signIn('admin', 'log-test-password');
    const created = await admin.request('POST', '/api/dashboard-tokens', {
      name: 'lobby screen',
      expiresInDays: 7,
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as CreatedDashboardToken;
    expect(token).toMatch(/^whd_/);

    const at = (path: string) => new URL(path, console_.url);
    const bearer = { authorization: `Bearer ${token}` };
    await fetch(at(`/dashboard?token=${encodeURIComponent(token)}`));
    await fetch(at(`/api/dashboard?token=${token}&theme=dark`), { headers: bearer });
    await fetch(at('/api/dashboard/session'), { headers: bearer });
    // A malformed body is logged by the error middleware with its URL.
    await fetch(at(`/api/dashboard/session?token=${token}`), {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: '{"token":',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(log).toContain('GET /dashboard?token=[redacted]');
    expect(log).toContain('GET /api/dashboard?token=[redacted]&theme=dark');
    expect(log).toContain('"url":"/api/dashboard/session?token=[redacted]"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.slice(4));
    expect(log).not.toMatch(/Bearer whd_/);
  });
});

describe('the logger', () => {
  it('blanks credential headers in whatever object a line logs', () => {
    let line = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        line += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: 'info', format: 'json', destination: sink });
    logger.info({
      req: { headers: { authorization: 'Bearer whd_header-secret', accept: 'text/html' } },
      err: { headers: { authorization: 'Bearer k8s-aws-v1.abc', cookie: 'wh_session=s1' } },
    });
    expect(line).not.toMatch(/header-secret|k8s-aws-v1|wh_session/);
    expect(JSON.parse(line)).toMatchObject({
      req: { headers: { authorization: '[redacted]', accept: 'text/html' } },
      err: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
    });
  });
});
