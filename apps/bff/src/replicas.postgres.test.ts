import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ClusterList, CreatedDashboardToken } from '@wheelhouse/contract';
import { startSandbox, type Sandbox } from '@wheelhouse/sandbox';
import { createUserStore } from './auth/users.ts';
import { connectDatabase } from './db/database.ts';
import { startWheelhouse, type Wheelhouse } from './server.ts';
import { ConsoleClient } from './testing/consoleClient.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './testing/postgres.ts';

const PASSWORD = 'replicas-on-one-postgres';
const missing = postgresUnavailable();
if (missing && process.env.CI !== 'true') console.warn(`\n!!! two replicas: ${missing}\n`);

// Two consoles on one PostgreSQL and one AWS (the sandbox, reached in aws mode as real AWS would
// be), sharing nothing but the database: they must behave as one console.
describe.runIf(!missing || process.env.CI === 'true')('two replicas on one PostgreSQL', () => {
  let sandbox: Sandbox;
  let server: TestPostgres;
  let dir: string;
  let a: Wheelhouse;
  let b: Wheelhouse;
  let url: string;

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    sandbox = await startSandbox({ faults: [] });
    server = await startTestPostgres();
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-replicas-'));
    url = await server.freshDatabase();
    const db = await connectDatabase({ kind: 'postgres', url });
    await createUserStore(db).add('ana', 'admin', PASSWORD);
    await db.close();
    const home = sandbox.accounts[0]!;
    // Changes go through the account's console role, as a real installation's do.
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        regions: ['us-east-1'],
        accounts: [{ name: home.name, id: home.id, changeRoleArn: home.consoleRoleArn }],
      }),
    );
    const replica = (id: string) =>
      startWheelhouse({
        env: {
          WHEELHOUSE_BACKEND: 'aws',
          AWS_ENDPOINT_URL: sandbox.endpoint,
          AWS_ACCESS_KEY_ID: home.accessKeyId,
          AWS_SECRET_ACCESS_KEY: home.secretAccessKey,
          AWS_REGION: 'us-east-1',
          WHEELHOUSE_CONFIG: join(dir, 'config.json'),
          WHEELHOUSE_PORT: '0',
          WHEELHOUSE_DATA_DIR: dir,
          WHEELHOUSE_DATABASE_URL: url,
          WHEELHOUSE_INSTANCE_ID: id,
          WHEELHOUSE_LOG_LEVEL: 'silent',
          // Long enough that only an invalidation, never the clock, can empty the cache here.
          WHEELHOUSE_CACHE_TTL: '600',
        },
      });
    [a, b] = await Promise.all([replica('replica-a'), replica('replica-b')]);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sandbox?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A client of replica `to` holding the cookies `from` holds. */
  const sameBrowser = (from: ConsoleClient, to: Wheelhouse) => {
    const other = new ConsoleClient(to.url);
    (other as unknown as { cookies: Map<string, string> }).cookies = (
      from as unknown as { cookies: Map<string, string> }
    ).cookies;
    other.session = from.session;
    return other;
  };

  it('takes a session made on one replica on the other, and a sign-out on one ends it on both', async () => {
    const onA = new ConsoleClient(a.url);
    await onA.signIn('ana', PASSWORD);
    const cookie = onA.cookieHeader();
    const onB = sameBrowser(onA, b);
    expect((await onB.request('GET', '/api/session')).status).toBe(200);
    expect((await onB.request('DELETE', '/api/session')).status).toBe(204);
    const onAAgain = await fetch(new URL('/api/session', a.url), { headers: { cookie } });
    expect(onAAgain.status).toBe(401);
  });

  it('lets a user added to the database sign in on every replica at once', async () => {
    const db = await connectDatabase({ kind: 'postgres', url });
    await createUserStore(db).add('bo', 'operator', PASSWORD);
    await db.close();
    await new ConsoleClient(a.url).signIn('bo', PASSWORD);
    await new ConsoleClient(b.url).signIn('bo', PASSWORD);
  });

  it('refuses on one replica a dashboard token revoked on the other', async () => {
    const admin = new ConsoleClient(a.url);
    await admin.signIn('ana', PASSWORD);
    const created = (await (
      await admin.request('POST', '/api/dashboard-tokens', { name: 'wall', expiresInDays: 1 })
    ).json()) as CreatedDashboardToken;
    const wall = new ConsoleClient(b.url);
    expect(
      (await wall.request('POST', '/api/dashboard/session', { token: created.token })).status,
    ).toBe(204);
    expect((await wall.request('GET', '/api/dashboard/session')).status).toBe(200);
    // The wall screen's cookie is a session id, not the secret the admin was shown.
    expect(wall.cookieHeader()).not.toContain(created.token);
    expect((await admin.request('DELETE', `/api/dashboard-tokens/${created.id}`)).status).toBe(204);
    expect((await wall.request('GET', '/api/dashboard/session')).status).toBe(401);
  });

  it('counts failed sign-ins across replicas: the sixth, wherever it lands, waits', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const replica = i % 2 ? b : a;
      const response = await new ConsoleClient(replica.url).request('POST', '/api/session', {
        username: 'mallory',
        password: `guess-number-${i}`,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("empties the other replica's cache with a change: its next read shows it", async () => {
    const onA = new ConsoleClient(a.url);
    await onA.signIn('ana', PASSWORD);
    const onB = new ConsoleClient(b.url);
    await onB.signIn('ana', PASSWORD);
    const before = await onB.json<ClusterList>('/api/clusters');
    const cluster = before.items.find((item) => !item.connected)!;
    expect(cluster).toBeDefined();
    expect(cluster.tags['replica-test']).toBeUndefined();
    const path = `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/tags`;
    const changed = await onA.request('POST', path, { add: { 'replica-test': 'from-a' } });
    expect(changed.status).toBe(200);
    // NOTIFY is asynchronous: B's cache empties when the notification arrives, within moments.
    let tags: Record<string, string> | undefined;
    for (let attempt = 0; attempt < 50 && tags?.['replica-test'] !== 'from-a'; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      const list = await onB.json<ClusterList>('/api/clusters');
      tags = list.items.find((item) => item.arn === cluster.arn)?.tags;
    }
    expect(tags?.['replica-test']).toBe('from-a');
  });

  it('keeps one audit trail: entries of both replicas in one export, each naming its replica', async () => {
    const auditor = new ConsoleClient(b.url);
    await auditor.signIn('ana', PASSWORD);
    const response = await auditor.request('GET', '/api/audit?format=json');
    const entries = (await response.json()) as AuditEntry[];
    const signIns = entries.filter((entry) => entry.action === 'session.signin');
    expect(new Set(signIns.map((entry) => entry.instance))).toEqual(
      new Set(['replica-a', 'replica-b']),
    );
    expect(entries.find((entry) => entry.action === 'cluster.tags')).toMatchObject({
      instance: 'replica-a',
      outcome: 'success',
    });
  });
});
