// Fleet search over 2 accounts x 6 regions x 40 clusters, 50 ms per AWS and per Kubernetes call
// (the sandbox's latency fault, in its own process), through the BFF's HTTP API as an auditor.
// `npm run bench -- search --pods 100000` first adds that many pods, spread over every cluster.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterList, SearchResult } from '@wheelhouse/contract';
import type { SandboxAccount } from '@wheelhouse/sandbox';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import { addUser, peakRssMiB, startBff, startTs, stop, waitForLine } from './support/processes.ts';
import { podsOption } from './support/options.ts';

const ACCOUNTS = 2;
const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
];
const CLUSTERS_PER_REGION = Number(process.env.BENCH_SEARCH_CLUSTERS_PER_REGION ?? 40);
const LATENCY_MS = 50;
const RUNS = 20;
/** Label queries: matching every cluster (capped), a few, none; the API server filters each. */
const LABEL_QUERIES = ['app=web', 'k8s-app=kube-dns', 'app in (web,api)', 'app=nothing-has-this'];
/** Name pieces: of pods, of clusters, of nothing. */
const NAME_QUERIES = ['web', 'cluster-00', 'coredns', 'no-such-name'];
/** Clusters seeded with extra pods at a time (each seeding is one call to the sandbox). */
const SEED_CONCURRENCY = 8;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function searchBenchmark(): Promise<void> {
  const clusters = ACCOUNTS * REGIONS.length * CLUSTERS_PER_REGION;
  const sandbox = startTs(
    'bench/support/sandboxProcess.ts',
    [
      JSON.stringify({
        world: { accounts: ACCOUNTS, regions: REGIONS, clustersPerRegion: CLUSTERS_PER_REGION },
        // The first rule slows every AWS call; Kubernetes APIs only take rules naming them.
        faults: [{ latencyMs: LATENCY_MS }, { service: 'kubernetes', latencyMs: LATENCY_MS }],
      }),
    ],
    {},
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-search-'));
  try {
    const ready = await waitForLine(sandbox, /^\{.*"endpoint".*\}$/);
    const { endpoint, accounts } = JSON.parse(ready[0]) as {
      endpoint: string;
      accounts: SandboxAccount[];
    };
    const configFile = join(dataDir, 'config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        regions: REGIONS,
        accounts: accounts.map((account, index) =>
          index === 0
            ? { name: account.name, id: account.id }
            : { name: account.name, roleArn: account.readOnlyRoleArn },
        ),
      }),
    );
    const password = 'benchmark-password';
    addUser(dataDir, 'bench', 'auditor', password);
    const home = accounts[0]!;
    const bff = startBff({
      WHEELHOUSE_BACKEND: 'aws',
      WHEELHOUSE_CONFIG: configFile,
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_LOG_LEVEL: 'warn',
      WHEELHOUSE_EXIT_ON_STDIN_END: '1',
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: home.accessKeyId,
      AWS_SECRET_ACCESS_KEY: home.secretAccessKey,
      AWS_REGION: 'us-east-1',
    });
    try {
      const url = (await waitForLine(bff, /Wheelhouse is running at (\S+)/))[1]!;
      const client = new ConsoleClient(url);
      await client.signIn('bench', password);
      console.log(
        `search: ${ACCOUNTS} accounts x ${REGIONS.length} regions x ${CLUSTERS_PER_REGION} clusters = ${clusters}, ` +
          `${LATENCY_MS} ms per AWS and per Kubernetes call (sandbox in its own process), as an auditor`,
      );
      // Every cluster's API server starts (and is seeded) on its first DescribeCluster; AWS has them
      // running already, so a first pass warms the simulator up and is not counted.
      const warmStart = performance.now();
      const list = await client.json<ClusterList>('/api/clusters');
      const warmup = await client.json<SearchResult>(
        `/api/search?q=${encodeURIComponent('app=web')}`,
      );
      console.log(
        `  warm-up (inventory of ${list.items.length} clusters, then every API server started and seeded): ` +
          `${(performance.now() - warmStart).toFixed(0)} ms; ${warmup.clustersSearched} clusters searched, ` +
          `${warmup.errors.length} errors${warmup.errors[0] ? ` (first: ${warmup.errors[0].code} ${warmup.errors[0].message.slice(0, 120)})` : ''}`,
      );

      const extraPods = podsOption(undefined);
      const labelQueries = [...LABEL_QUERIES];
      if (extraPods !== undefined) {
        // Spread over every cluster the inventory lists (their API servers started in the warm-up).
        const perCluster = Math.ceil(extraPods / list.items.length);
        const seedStart = performance.now();
        const queue = [...list.items];
        let seeded = 0;
        await Promise.all(
          Array.from({ length: SEED_CONCURRENCY }, async () => {
            for (let cluster = queue.shift(); cluster; cluster = queue.shift()) {
              const path = `/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}`;
              const response = await fetch(`${endpoint}/_sandbox${path}/seed-pods`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ count: perCluster }),
              });
              if (!response.ok) throw new Error(`seed-pods ${path}: ${await response.text()}`);
              seeded += ((await response.json()) as { created: number }).created;
            }
          }),
        );
        labelQueries.push('app=bench-app-3');
        console.log(
          `  seeded ${seeded.toLocaleString('en-US')} more pods (${perCluster} in each of ${list.items.length} clusters) ` +
            `in ${(performance.now() - seedStart).toFixed(0)} ms; sandbox RSS ${peakRssMiB(sandbox.pid!).toFixed(0)} MiB`,
        );
      }

      const timed = async (q: string) => {
        const started = performance.now();
        const result = await client.json<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`);
        return { ms: performance.now() - started, result };
      };
      const report = (label: string, times: number[], last: SearchResult) =>
        console.log(
          `  ${label}: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms over ${times.length} queries ` +
            `(last: ${last.items.length} hits, capped ${last.capped.join(',') || 'none'}, ${last.errors.length} errors)`,
        );

      const label: number[] = [];
      let lastLabel: SearchResult | undefined;
      for (let run = 0; run < RUNS; run++) {
        const { ms, result } = await timed(labelQueries[run % labelQueries.length]!);
        label.push(ms);
        lastLabel = result;
      }
      report(`label selector (live fan-out, ${labelQueries.join(' | ')})`, label, lastLabel!);

      // The name index (per cluster and user, 30 s) is cold for the first name query.
      const cold = await timed(NAME_QUERIES[0]!);
      console.log(
        `  name, cold index (lists every namespace, workload and pod of ${cold.result.clustersSearched} clusters): ${cold.ms.toFixed(0)} ms`,
      );
      const names: number[] = [];
      let lastName: SearchResult | undefined;
      for (let run = 0; run < RUNS; run++) {
        const { ms, result } = await timed(NAME_QUERIES[run % NAME_QUERIES.length]!);
        names.push(ms);
        lastName = result;
      }
      report(`name piece, warm index (${NAME_QUERIES.join(' | ')})`, names, lastName!);
      console.log(`  BFF peak RSS: ${peakRssMiB(bff.pid!).toFixed(0)} MiB`);
    } finally {
      await stop(bff);
    }
  } finally {
    await stop(sandbox);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
