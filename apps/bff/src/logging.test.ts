import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createAuditLog } from './audit/auditLog.ts';
import { createDashboardTokens } from './auth/dashboardTokens.ts';
import { createSessionStore } from './auth/sessions.ts';
import { openDatabase } from './db/database.ts';
import { createLogger, logFormatOf, type LogFormat } from './logging.ts';
import { readyBanner } from './readyBanner.ts';

const db = openDatabase(':memory:');
const sessions = createSessionStore(db);
let closeServer = () => {};
afterEach(() => closeServer());

/** Serves one route with the given log format and answers the lines the request wrote. */
async function requestLogOf(format: LogFormat): Promise<string[]> {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const app = createApp({
    logger: createLogger({ level: 'info', format, destination: sink, colorize: false }),
    sessions,
    audit: createAuditLog(db),
    dashboardTokens: createDashboardTokens(db),
    routes: [
      { method: 'get', path: '/api/things', access: 'read', handler: (_q, r) => r.json({}) },
    ],
  });
  const server = app.listen(0, '127.0.0.1');
  closeServer = () => void server.close();
  await new Promise((resolve) => server.once('listening', resolve));
  const { id } = await sessions.create('operator-user', 'operator');
  const response = await fetch(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/things?cluster=a`,
    { headers: { cookie: `wh_session=${id}`, 'user-agent': 'Mozilla/5.0 (X11; Linux) probe' } },
  );
  expect(response.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return output.split('\n').filter(Boolean);
}

describe('request logs', () => {
  it('are one readable line per request in pretty format, without headers', async () => {
    const lines = await requestLogOf('pretty');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/things\?cluster=a 200 \d+ ms$/);
  });

  it('stay JSON for collectors, still without the headers (and so without the cookie)', async () => {
    const lines = await requestLogOf('json');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^GET \/api\/things\?cluster=a 200 \d+ ms$/),
      req: { method: 'GET', url: '/api/things?cluster=a' },
      res: { statusCode: 200 },
    });
    expect(lines[0]).not.toMatch(/wh_session|Mozilla|headers/);
    expect(lines[0]!.length).toBeLessThan(400);
  });

  it('are pretty on a terminal unless WHEELHOUSE_LOG_FORMAT says otherwise, JSON elsewhere', () => {
    expect(logFormatOf(undefined, true)).toBe('pretty');
    expect(logFormatOf(undefined, false)).toBe('json');
    expect(logFormatOf('json', true)).toBe('json');
    expect(logFormatOf('pretty', false)).toBe('pretty');
  });
});

describe('ready banner', () => {
  it('repeats where to open the console and the demo sign-in', () => {
    const banner = readyBanner({
      url: 'http://127.0.0.1:8080',
      backend: 'sandbox',
      demoPassword: 'pw-123',
    });
    const lines = banner.split('\n');
    expect(lines[0]).toMatch(/^┌─ Wheelhouse is ready ─+┐$/);
    expect(lines[1]).toMatch(/^│ Open {5}http:\/\/127\.0\.0\.1:8080 +│$/);
    expect(lines[2]).toMatch(/^│ Sign in {2}admin, operator or auditor; password: pw-123 +│$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('points an aws-mode console, which has no demo users, at the users command', () => {
    expect(readyBanner({ url: 'http://127.0.0.1:8080', backend: 'aws' })).toContain(
      'Sign in  a console user (npm run wheelhouse -- users add NAME',
    );
  });
});
