// `npm run bench -- replicas`: two BFF replicas on one PostgreSQL against one on SQLite, same machine,
// one run: signed-in cached GET /api/clusters at fixed rates, RSS, and audit writes per second for
// refused changes.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { ClusterList } from '@wheelhouse/contract';
import type { SandboxAccount } from '@wheelhouse/sandbox';
import { createUserStore } from '../apps/bff/src/auth/users.ts';
import { connectDatabase, type DatabaseTarget } from '../apps/bff/src/db/database.ts';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import { startTestPostgres } from '../apps/bff/src/testing/postgres.ts';
import { peakRssMiB, rssMiB, startBff, startTs, stop, waitForLine } from './support/processes.ts';

const RATES = [200, 1_000];
const DURATION_S = 20;
const CONNECTIONS = 50;
const REFUSED_ATTEMPTS = 1_000;
const PASSWORD = 'benchmark-password';

interface Replica {
  name: string;
  process: ChildProcess;
  url: string;
  client: ConsoleClient;
}

/** Audit writes a replica has made so far, from its own /metrics. */
async function auditWrites(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^wheelhouse_audit_writes_total\{[^}]*\} (\d+)/gm)) {
    total += Number(match[1]);
  }
  return total;
}

/** One fixed-rate autocannon run against one replica. */
function load(replica: Replica, rate: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${replica.url}/api/clusters`,
    headers: { cookie: replica.client.cookieHeader() },
    connections: CONNECTIONS,
    overallRate: rate,
    duration: DURATION_S,
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Replicas sharing one database; the load is split evenly over them, as a load balancer would. */
async function measure(label: string, replicas: Replica[], otherPids: [string, number][]) {
  // The machine is shared: a figure means little without how busy it was.
  console.log(
    `  ${label} load average before: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  for (const rate of RATES) {
    const peaks = new Map<string, number>();
    const sample = setInterval(() => {
      for (const [name, pid] of [
        ...replicas.map((r): [string, number] => [r.name, r.process.pid!]),
        ...otherPids,
      ]) {
        peaks.set(name, Math.max(peaks.get(name) ?? 0, rssMiB(pid)));
      }
    }, 500);
    const results = await Promise.all(replicas.map((r) => load(r, rate / replicas.length)));
    clearInterval(sample);
    for (const [index, result] of results.entries()) {
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `  ${label} ${rate} req/s${replicas.length > 1 ? ` (${rate / replicas.length} to ${replicas[index]!.name})` : ''}: ` +
          `${result.requests.total} requests, p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, ` +
          `max ${ms(result.latency.max)}, errors ${errors} (${result.non2xx} non-2xx, ${result.timeouts} timeouts)`,
      );
    }
    console.log(
      `    RSS during the run (peak of 0.5 s samples): ${[...peaks].map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`,
    );
  }
  // Refused changes: an auditor's scale attempts, each answered 403 and written to the audit log.
  const list = await replicas[0]!.client.json<ClusterList>('/api/clusters');
  const cluster = list.items.find((item) => !item.connected)!;
  const path = `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/nodegroups/bench-workers/scaling`;
  const before = await Promise.all(replicas.map((r) => auditWrites(r.url)));
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: REFUSED_ATTEMPTS }, (_, index) =>
      replicas[index % replicas.length]!.client.request('POST', path, {
        minSize: 1,
        desiredSize: 2,
        maxSize: 3,
        clientRequestToken: randomUUID(),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await Promise.all(replicas.map((r) => auditWrites(r.url)));
  const writes = after.reduce((sum, n, index) => sum + n - before[index]!, 0);
  const refused = statuses.filter((status) => status === 403).length;
  console.log(
    `  ${label} ${REFUSED_ATTEMPTS} concurrent scale attempts as auditor: ${refused} answered 403 in ${seconds.toFixed(2)} s, ` +
      `${writes} audit writes = ${(writes / seconds).toFixed(0)} writes/s` +
      (refused === REFUSED_ATTEMPTS
        ? ''
        : ` (other statuses: ${[...new Set(statuses)].join(', ')})`),
  );
  console.log(
    `    peak RSS of the whole run: ${replicas.map((r) => `${r.name} ${peakRssMiB(r.process.pid!).toFixed(0)} MiB`).join(', ')}`,
  );
}

export async function replicasBenchmark(): Promise<void> {
  const sandbox = startTs('bench/support/sandboxProcess.ts', [JSON.stringify({ faults: [] })], {});
  const postgres = await startTestPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-replicas-'));
  const started: ChildProcess[] = [];
  try {
    const ready = await waitForLine(sandbox, /^\{.*"endpoint".*\}$/);
    const { endpoint, accounts } = JSON.parse(ready[0]) as {
      endpoint: string;
      accounts: SandboxAccount[];
    };
    const home = accounts[0]!;
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ regions: ['us-east-1'], accounts: [{ name: home.name, id: home.id }] }),
    );
    const addAuditor = async (target: DatabaseTarget) => {
      const db = await connectDatabase(target);
      await createUserStore(db).add('bench', 'auditor', PASSWORD);
      await db.close();
    };
    const pgUrl = await postgres.freshDatabase();
    const sqliteDir = join(dir, 'sqlite');
    await addAuditor({ kind: 'postgres', url: pgUrl });
    await addAuditor({ kind: 'sqlite', dataDir: sqliteDir });

    const replica = async (name: string, database: Record<string, string>): Promise<Replica> => {
      const child = startBff({
        WHEELHOUSE_BACKEND: 'aws',
        WHEELHOUSE_CONFIG: join(dir, 'config.json'),
        WHEELHOUSE_PORT: '0',
        WHEELHOUSE_DATA_DIR: sqliteDir,
        WHEELHOUSE_INSTANCE_ID: name,
        WHEELHOUSE_LOG_LEVEL: 'warn',
        // Long enough that every measured GET is answered from the cache.
        WHEELHOUSE_CACHE_TTL: '600',
        WHEELHOUSE_EXIT_ON_STDIN_END: '1',
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: home.accessKeyId,
        AWS_SECRET_ACCESS_KEY: home.secretAccessKey,
        AWS_REGION: 'us-east-1',
        ...database,
      });
      started.push(child);
      const url = (await waitForLine(child, /Wheelhouse is running at (\S+)/))[1]!;
      const client = new ConsoleClient(url);
      await client.signIn('bench', PASSWORD);
      await client.json<ClusterList>('/api/clusters'); // fills the cache
      return { name, process: child, url, client };
    };

    console.log(
      `replicas: signed-in cached GET /api/clusters, ${DURATION_S} s per rate with autocannon (${CONNECTIONS} connections per replica), ` +
        `load generator, sandbox and PostgreSQL on the same 2 cores`,
    );
    const sqlite = await replica('sqlite', {});
    await measure('SQLite, 1 replica:', [sqlite], [['sandbox', sandbox.pid!]]);
    await stop(sqlite.process);

    const a = await replica('pg-a', { WHEELHOUSE_DATABASE_URL: pgUrl });
    const b = await replica('pg-b', { WHEELHOUSE_DATABASE_URL: pgUrl });
    await measure('PostgreSQL, 2 replicas:', [a, b], [['sandbox', sandbox.pid!]]);
  } finally {
    await Promise.all(started.map((child) => stop(child)));
    await stop(sandbox);
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
