// `npm run bench -- fleet`: posture and add-on drift of a large fleet over HTTP, against a sandbox with
// per-call latency, each set against the critical path the fan-out cannot beat.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetAddons, PostureReport } from '@wheelhouse/contract';
import type { SandboxAccount } from '@wheelhouse/sandbox';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import {
  addUser,
  cpuMs,
  median,
  peakRssMiB,
  startBff,
  startTs,
  stop,
  waitForLine,
} from './support/processes.ts';

const ACCOUNTS = 2;
const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
];
const CLUSTERS_PER_REGION = 40;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const CACHE_TTL_S = 1;
const RUNS = 6;

/** AWS calls the BFF has made so far, by operation, from its own /metrics. */
async function awsCalls(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const calls = new Map<string, number>();
  for (const match of text.matchAll(
    /^wheelhouse_aws_call_duration_seconds_count\{([^}]*)\} (\d+)/gm,
  )) {
    const operation = /operation="([^"]+)"/.exec(match[1]!)?.[1] ?? '?';
    calls.set(operation, (calls.get(operation) ?? 0) + Number(match[2]));
  }
  return calls;
}

/** One timed GET; the figure and what it found. */
async function timed<T = PostureReport>(client: ConsoleClient, path: string) {
  const started = performance.now();
  const report = await client.json<T>(path);
  return { ms: performance.now() - started, report };
}

/** AWS calls by operation made between two readings of /metrics. */
function callsBetween(before: Map<string, number>, after: Map<string, number>) {
  const perOperation = [...after]
    .map(([operation, count]): [string, number] => [
      operation,
      count - (before.get(operation) ?? 0),
    ])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = perOperation.reduce((sum, [, count]) => sum + count, 0);
  return `${total} (${perOperation.map(([op, n]) => `${op} ${n}`).join(', ')})`;
}

export async function fleetBenchmark(): Promise<void> {
  const sandbox = startTs(
    'bench/support/sandboxProcess.ts',
    [
      JSON.stringify({
        world: { accounts: ACCOUNTS, regions: REGIONS, clustersPerRegion: CLUSTERS_PER_REGION },
        faults: [{ latencyMs: LATENCY_MS }],
      }),
    ],
    {},
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-fleet-'));
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
      WHEELHOUSE_REGION_CONCURRENCY: String(CONCURRENCY),
      WHEELHOUSE_CACHE_TTL: String(CACHE_TTL_S),
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
      const expected = ACCOUNTS * REGIONS.length * CLUSTERS_PER_REGION;
      console.log(
        `fleet: posture of ${ACCOUNTS} accounts x ${REGIONS.length} regions x ${CLUSTERS_PER_REGION} clusters = ` +
          `${expected}, ${LATENCY_MS} ms per AWS call (sandbox in its own process), ${CONCURRENCY} clusters in flight per account+region`,
      );
      const callsBefore = await awsCalls(url);
      const first = await timed(client, '/api/posture');
      const callsAfter = await awsCalls(url);
      const colds: number[] = [];
      const warms: number[] = [];
      const cpu: number[] = [];
      const sandboxCpu: number[] = [];
      let report = first.report;
      for (let run = 0; run < RUNS; run++) {
        await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_S * 1000 + 200));
        const before = cpuMs(bff.pid!);
        const sandboxBefore = cpuMs(sandbox.pid!);
        const cold = await timed(client, '/api/posture');
        colds.push(cold.ms);
        cpu.push(cpuMs(bff.pid!) - before);
        sandboxCpu.push(cpuMs(sandbox.pid!) - sandboxBefore);
        report = cold.report;
        warms.push((await timed(client, '/api/posture')).ms);
      }
      if (report.scores.length !== expected || report.errors.length > 0) {
        throw new Error(
          `posture: ${report.scores.length} of ${expected} clusters scored, errors ${JSON.stringify(report.errors.slice(0, 3))}`,
        );
      }
      // Critical path: the inventory (ListClusters, then DescribeCluster waves), then per region the
      // clusters in waves of the concurrency; each cluster's chain is DescribeCluster, then in parallel
      // (ListNodegroups -> DescribeNodegroup | DescribeAutoScalingGroups -> DescribeLaunchTemplateVersions
      // | ListAccessEntries -> DescribeAccessEntry + ListAssociatedAccessPolicies), then DescribeSubnets.
      const waves = Math.ceil(CLUSTERS_PER_REGION / CONCURRENCY);
      const inventoryMs = (1 + waves) * LATENCY_MS;
      const chainMs = (1 + 2 + 1) * LATENCY_MS;
      const criticalMs = inventoryMs + waves * chainMs;
      const coldMs = median(colds);
      console.log(
        `  cold GET /api/posture (caches expired): median ${coldMs.toFixed(0)} ms over ${RUNS}; critical path ${criticalMs} ms ` +
          `(inventory ${inventoryMs} ms + ${waves} waves x ${chainMs} ms per cluster); ratio ${(coldMs / criticalMs).toFixed(2)}`,
      );
      console.log(
        `  CPU per cold GET: BFF median ${median(cpu).toFixed(0)} ms, sandbox ${median(sandboxCpu).toFixed(0)} ms (2 cores here)`,
      );
      console.log(`  every cold GET: ${colds.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      console.log(`  first GET of a fresh BFF process: ${first.ms.toFixed(0)} ms`);
      console.log(`  AWS calls of one pass: ${callsBetween(callsBefore, callsAfter)}`);
      console.log(`  warm GET /api/posture (cached): median ${median(warms).toFixed(1)} ms`);
      console.log(
        `  ${report.items.length} findings over ${report.scores.length} clusters; BFF peak RSS ${peakRssMiB(bff.pid!).toFixed(0)} MiB`,
      );

      // Add-on drift: the same inventory, then per cluster ListAddons and DescribeAddon (4 in flight);
      // the per-version catalogue (DescribeAddonVersions) is cached for a minute, so cold runs skip it.
      const addonCallsBefore = await awsCalls(url);
      const firstAddons = await timed<FleetAddons>(client, '/api/addons');
      const addonCallsAfter = await awsCalls(url);
      const addonColds: number[] = [];
      const addonWarms: number[] = [];
      let addons = firstAddons.report;
      for (let run = 0; run < RUNS; run++) {
        await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_S * 1000 + 200));
        const cold = await timed<FleetAddons>(client, '/api/addons');
        addonColds.push(cold.ms);
        addons = cold.report;
        addonWarms.push((await timed<FleetAddons>(client, '/api/addons')).ms);
      }
      if (addons.errors.length > 0) {
        throw new Error(`add-ons: errors ${JSON.stringify(addons.errors.slice(0, 3))}`);
      }
      const perCluster = new Map<string, number>();
      for (const item of addons.items) {
        const key = `${item.accountId}|${item.region}|${item.cluster}`;
        perCluster.set(key, (perCluster.get(key) ?? 0) + 1);
      }
      const mostAddons = Math.max(0, ...perCluster.values());
      const addonChainMs = (1 + Math.ceil(mostAddons / 4)) * LATENCY_MS;
      const addonCriticalMs = inventoryMs + waves * addonChainMs;
      const addonColdMs = median(addonColds);
      console.log(
        `  cold GET /api/addons (caches expired): median ${addonColdMs.toFixed(0)} ms over ${RUNS}; critical path ${addonCriticalMs} ms ` +
          `(inventory ${inventoryMs} ms + ${waves} waves x ${addonChainMs} ms per cluster, up to ${mostAddons} add-ons each); ratio ${(addonColdMs / addonCriticalMs).toFixed(2)}`,
      );
      console.log(`  every cold GET: ${addonColds.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      console.log(
        `  first GET /api/addons (catalogue not yet cached): ${firstAddons.ms.toFixed(0)} ms; AWS calls ${callsBetween(addonCallsBefore, addonCallsAfter)}`,
      );
      console.log(`  warm GET /api/addons (cached): median ${median(addonWarms).toFixed(1)} ms`);
      const behind = addons.drift.reduce((sum, row) => sum + row.behindDefault, 0);
      console.log(
        `  ${addons.items.length} add-ons over ${perCluster.size} clusters, ${addons.drift.length} kinds, ${behind} behind the default`,
      );
    } finally {
      await stop(bff);
    }
  } finally {
    await stop(sandbox);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
