import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ClusterList,
  CreatedDashboardToken,
  PodList,
  WatchEvent,
} from '@wheelhouse/contract';
import { startSandbox, waitFor, type Sandbox } from '@wheelhouse/sandbox';
import { createUserStore } from './auth/users.ts';
import { connectDatabase } from './db/database.ts';
import { startWheelhouse, type Wheelhouse } from './server.ts';
import { ConsoleClient } from './testing/consoleClient.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './testing/postgres.ts';

const PASSWORD = 'replicas-on-one-postgres';

/** One SSE watch stream as a browser reads it: each event with its `id:` line. */
class SseReader {
  readonly events: { id?: string; event: WatchEvent }[] = [];
  readonly status: number;
  private readonly done: Promise<void>;

  private constructor(
    private readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.status = response.status;
    this.done = this.read();
  }

  static async open(baseUrl: string, path: string, headers: Record<string, string>) {
    const abort = new AbortController();
    const response = await fetch(new URL(path, baseUrl), { headers, signal: abort.signal });
    return new SseReader(response, abort);
  }

  private async read(): Promise<void> {
    const reader = this.response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const frames = buffer.split('\n\n');
        buffer = frames.pop()!;
        for (const frame of frames) {
          const lines = frame.split('\n');
          const data = lines.find((line) => line.startsWith('data: '));
          const id = lines.find((line) => line.startsWith('id: '))?.slice(4);
          if (data) this.events.push({ ...(id ? { id } : {}), event: JSON.parse(data.slice(6)) });
        }
      }
    } catch {
      // Aborted by close(): the browser went away.
    }
  }

  /** Names of the pods this stream saw ADDED, in order. */
  added(): string[] {
    return this.events.flatMap(({ event }) =>
      event.kind === 'pod' && event.type === 'ADDED' ? [event.object.name] : [],
    );
  }

  lastId(): string {
    return this.events.at(-1)!.id!;
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.done;
  }
}
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

  it('resumes a watch stream on the other replica after its last event: nothing lost, nothing twice', async () => {
    const onA = new ConsoleClient(a.url);
    await onA.signIn('ana', PASSWORD);
    const clusters = await onA.json<ClusterList>('/api/clusters');
    const cluster = clusters.items.find((item) => item.name === 'checkout-prod')!;
    const ref = `${cluster.accountId}/${cluster.region}/${cluster.name}`;
    // The sandbox's seed puts new pods in bench-00..bench-09, round robin: 20 gives bench-00 two.
    const seed = async () => {
      const seeded = await fetch(`${sandbox.endpoint}/_sandbox/clusters/${ref}/seed-pods`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 20 }),
      });
      expect(seeded.status).toBe(200);
    };
    const list = await onA.json<PodList>(`/api/clusters/${ref}/k8s/pods?namespace=bench-00`);
    const watchPath = `/api/clusters/${ref}/k8s/watch?kind=pods&namespace=bench-00&resourceVersion=${list.resourceVersion}`;
    const cookie = { cookie: onA.cookieHeader() };

    const first = await SseReader.open(a.url, watchPath, cookie);
    expect(first.status).toBe(200);
    await seed();
    await waitFor(() => first.added().length === 2, { description: 'two pods on replica A' });
    await first.close();

    // Made while no stream is open anywhere: the reconnect must bring them.
    await seed();
    // What EventSource does by itself: the same URL again, with the last id it received.
    const second = await SseReader.open(b.url, watchPath, {
      ...cookie,
      'last-event-id': first.lastId(),
    });
    expect(second.status).toBe(200);
    await waitFor(() => second.added().length === 2, { description: 'the missed pods on B' });
    await seed();
    await waitFor(() => second.added().length === 4, { description: 'live pods on B' });
    await second.close();

    // What the console's own client does (a new EventSource): resourceVersion set to the last id.
    await seed();
    const third = await SseReader.open(
      a.url,
      watchPath.replace(/resourceVersion=[^&]*/, `resourceVersion=${second.lastId()}`),
      cookie,
    );
    await waitFor(() => third.added().length === 2, { description: 'the missed pods on A' });
    // A moment more: anything replayed twice would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await third.close();

    const streams = [first, second, third];
    const names = streams.flatMap((stream) => stream.added());
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
    const ids = streams.flatMap((stream) => stream.events.map((e) => BigInt(e.id!)));
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
    expect(
      streams.every((stream) => stream.events.every(({ event }) => event.kind === 'pod')),
    ).toBe(true);
  }, 60_000);
});
