// Watch storm: 300 browser watch streams (SSE) on one cluster, as readers on many sessions would open
// them. Prints the pods-list latency before and during the storm, how long every stream takes to get
// the next change, how many upstream watches the cluster's API server holds, and the BFF's peak RSS.
import type { WatchEvent, WorkloadList } from '@wheelhouse/contract';
import { ConsoleClient } from '../apps/bff/src/testing/consoleClient.ts';
import { median, peakRssMiB, startSandboxBff, stop, waitForLines } from './support/processes.ts';

const STREAMS = 300;
const PER_SESSION = 8; // WHEELHOUSE_WATCH_STREAMS_PER_SESSION's default
const RUNS = 5;
const CLUSTER = '123456789012/us-east-1/checkout-prod';
const K8S = `/api/clusters/${CLUSTER}/k8s`;

/** One stream read in the background; `next` resolves when an event passes the test it was given. */
function follow(response: Response) {
  let waiting: { test: (e: WatchEvent) => boolean; done: () => void } | undefined;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const frames = buffer.split('\n\n');
        buffer = frames.pop()!;
        for (const frame of frames) {
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          const event = data && (JSON.parse(data.slice(6)) as WatchEvent);
          if (event && waiting?.test(event)) {
            waiting.done();
            waiting = undefined;
          }
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
  return {
    next: (test: (e: WatchEvent) => boolean) =>
      new Promise<void>((done) => (waiting = { test, done })),
  };
}

async function timed(client: ConsoleClient, path: string): Promise<number> {
  const started = performance.now();
  const response = await client.request('GET', path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return performance.now() - started;
}

async function latencies(client: ConsoleClient, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await timed(client, path));
  return times;
}

const ms = (times: number[]) =>
  `median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`;

export async function watchStormBenchmark(): Promise<void> {
  const { bff, password, cleanUp } = startSandboxBff('watch');
  const abort = new AbortController();
  try {
    const [running, endpoint] = await waitForLines(bff, [
      /Wheelhouse is running at (\S+)/,
      /Sandbox AWS endpoint: (\S+)/,
    ]);
    const url = running![1]!;
    const sandbox = endpoint![1]!;
    const upstreamWatches = async () =>
      (
        (await (await fetch(`${sandbox}/_sandbox/clusters/${CLUSTER}/kube`)).json()) as {
          openWatches?: number;
        }
      ).openWatches;

    const sessions: ConsoleClient[] = [];
    for (let i = 0; i < Math.ceil(STREAMS / PER_SESSION); i++) {
      const client = new ConsoleClient(url);
      await client.signIn('auditor', password);
      sessions.push(client);
    }
    const reader = sessions[0]!;
    const podsPath = `${K8S}/pods?limit=500`;
    await timed(reader, podsPath); // warms the cluster's connection, token and node cache
    const before = await latencies(reader, podsPath);
    await timed(reader, '/api/dashboard'); // its first answer describes every cluster of every account
    const dashboardBefore = await latencies(reader, '/api/dashboard');

    const list = await reader.json<{ resourceVersion?: string }>(podsPath);
    const opened = await Promise.all(
      Array.from({ length: STREAMS }, (_, i) =>
        sessions[Math.floor(i / PER_SESSION)]!.request(
          'GET',
          `${K8S}/watch?kind=pods&resourceVersion=${list.resourceVersion ?? ''}`,
          undefined,
          {},
          abort.signal,
        ),
      ),
    );
    const streams = opened.filter((r) => r.status === 200).map(follow);
    const refused = await reader.request('GET', `${K8S}/watch?kind=pods`);

    const during = await latencies(reader, podsPath);
    const nodes = await latencies(reader, `${K8S}/nodes`);
    const dashboard = await latencies(reader, '/api/dashboard');

    const deployment = (
      await reader.json<WorkloadList>(`${K8S}/workloads?namespace=web`)
    ).items.find((w) => w.kind === 'Deployment')!;
    const newPod = (e: WatchEvent) =>
      e.kind === 'pod' && e.type === 'ADDED' && e.object.owner?.name === deployment.name;
    const received: number[] = [];
    const started = performance.now();
    const all = Promise.all(
      streams.map((s) => s.next(newPod).then(() => received.push(performance.now() - started))),
    );
    await fetch(
      `${sandbox}/_sandbox/clusters/${CLUSTER}/deployments/web/${deployment.name}/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: deployment.desired + 1 }),
      },
    );
    const outcome = await Promise.race([
      all.then(() => 'all'),
      new Promise<string>((done) => setTimeout(() => done('timeout'), 60_000).unref()),
    ]);
    const upstream = await upstreamWatches();
    const rss = peakRssMiB(bff.pid!);

    console.log(
      `abuse / watch storm: ${STREAMS} streams on ${CLUSTER} from ${sessions.length} sessions (${PER_SESSION} each)`,
    );
    console.log(
      `  streams answered 200: ${streams.length}/${STREAMS}; one more on a full session: ${refused.status}; upstream watches on the cluster's API server: ${upstream}`,
    );
    console.log(
      `  before the storm: pods list (limit 500) ${ms(before)}; /api/dashboard ${ms(dashboardBefore)}`,
    );
    console.log(`  pods list during the storm: ${ms(during)}`);
    console.log(`  nodes list during: ${ms(nodes)}; /api/dashboard during: ${ms(dashboard)}`);
    console.log(
      outcome === 'all'
        ? `  next change (scale ${deployment.name} +1) reached all ${received.length} streams after ${Math.max(...received).toFixed(0)} ms (median ${median(received).toFixed(0)} ms)`
        : `  next change reached only ${received.length} of ${streams.length} streams within 60 s`,
    );
    console.log(`  BFF + embedded sandbox peak RSS: ${rss.toFixed(0)} MiB`);
  } finally {
    abort.abort();
    await stop(bff);
    cleanUp();
  }
}
