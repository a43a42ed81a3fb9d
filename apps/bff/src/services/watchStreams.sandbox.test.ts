import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodList, Problem, WatchEvent, WorkloadList } from '@wheelhouse/contract';
import { waitFor } from '@wheelhouse/sandbox';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox, TEST_PASSWORD } from '../testing/consoleOnSandbox.ts';

const HOME = '123456789012';
const CLUSTER = `${HOME}/us-east-1/checkout-prod`;
const K8S = `/api/clusters/${CLUSTER}/k8s`;
const STREAMS = 300;
const PER_SESSION = 30;

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
const sessions: ConsoleClient[] = [];

beforeAll(async () => {
  c = await startConsoleOnSandbox(
    { speed: 20 },
    { WHEELHOUSE_WATCH_STREAMS_PER_SESSION: String(PER_SESSION) },
  );
  // One at a time: each sign-in hashes with scrypt (about 128 MiB).
  for (let i = 0; i < STREAMS / PER_SESSION; i++) sessions.push(await c.signIn('auditor'));
}, 120_000);
afterAll(() => c?.close());

/** One browser's SSE stream, read in the background into the events it carried. */
class WatchStreamReader {
  readonly events: WatchEvent[] = [];
  readonly ended: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.ended = this.read();
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
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) this.events.push(JSON.parse(data.slice(6)) as WatchEvent);
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.ended;
  }
}

async function openWatch(session: ConsoleClient, query: string) {
  const abort = new AbortController();
  const response = await session.request(
    'GET',
    `${K8S}/watch?${query}`,
    undefined,
    {},
    abort.signal,
  );
  return new WatchStreamReader(response, abort);
}

/** Watch streams open on the cluster's Kubernetes API server, as the sandbox counts them. */
async function upstreamWatches(cluster = CLUSTER): Promise<number> {
  const response = await fetch(`${c.sandbox!.endpoint}/_sandbox/clusters/${cluster}/kube`);
  return ((await response.json()) as { openWatches: number }).openWatches;
}

describe('many browsers following one cluster', () => {
  it('serves 300 watch streams from one upstream watch, keeps the cluster readable, and caps each session', async () => {
    const auditor = sessions[0]!;
    const list = await auditor.json<PodList>(`${K8S}/pods?namespace=web&limit=500`);
    const query = `kind=pods&namespace=web&resourceVersion=${list.resourceVersion}`;
    const streams = (
      await Promise.all(
        sessions.map((session) =>
          Promise.all(Array.from({ length: PER_SESSION }, () => openWatch(session, query))),
        ),
      )
    ).flat();
    expect(streams).toHaveLength(STREAMS);
    expect(streams.every((stream) => stream.response.status === 200)).toBe(true);

    // One more on a full session is refused, in words that say why, before any stream starts.
    const refused = await auditor.request('GET', `${K8S}/watch?kind=nodes`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as Problem).detail).toContain(
      `already has ${PER_SESSION} open watch streams (WHEELHOUSE_WATCH_STREAMS_PER_SESSION)`,
    );

    // Every browser stream shares one upstream watch.
    expect(await waitFor(async () => (await upstreamWatches()) > 0 && upstreamWatches())).toBe(1);

    // Lists and the dashboard still answer while the 300 streams are open.
    const pods = await auditor.request('GET', `${K8S}/pods?limit=50`);
    expect(pods.status).toBe(200);
    expect(((await pods.json()) as PodList).items.length).toBeGreaterThan(0);
    const nodes = await auditor.request('GET', `${K8S}/nodes`);
    expect(nodes.status).toBe(200);
    expect(((await nodes.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await auditor.request('GET', '/api/dashboard')).status).toBe(200);

    // A change in the cluster reaches every one of the 300 streams.
    const deployment = (
      await auditor.json<WorkloadList>(`${K8S}/workloads?namespace=web`)
    ).items.find((w) => w.kind === 'Deployment')!;
    const scaled = await fetch(
      `${c.sandbox!.endpoint}/_sandbox/clusters/${CLUSTER}/deployments/web/${deployment.name}/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: deployment.desired + 1 }),
      },
    );
    expect(scaled.status).toBe(200);
    const gotNewPod = (stream: WatchStreamReader) =>
      stream.events.some(
        (e) => e.kind === 'pod' && e.type === 'ADDED' && e.object.owner?.name === deployment.name,
      );
    await waitFor(() => streams.every(gotNewPod), {
      timeoutMs: 60_000,
      description: 'every stream to receive the new pod',
    });
    expect(streams.filter(gotNewPod)).toHaveLength(STREAMS);

    // When the last browser leaves, the upstream watch stops and the sessions' slots are free again.
    await Promise.all(streams.map((stream) => stream.close()));
    expect(await waitFor(async () => (await upstreamWatches()) === 0)).toBe(true);
    const again = await openWatch(auditor, 'kind=nodes');
    expect(again.response.status).toBe(200);
    await again.close();
  }, 180_000);

  it('drops a stream whose browser stopped reading instead of holding every change for it', async () => {
    const cluster = `${HOME}/us-east-1/platform-tools`;
    const signIn = await fetch(new URL('/api/session', c.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditor', password: TEST_PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    // A client that sends the request and then never reads a byte of the answer.
    const { hostname, port } = new URL(c.url);
    const socket = connect(Number(port), hostname);
    socket.pause();
    socket.write(
      `GET /api/clusters/${cluster}/k8s/watch?kind=pods HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\n\r\n`,
    );
    try {
      await waitFor(async () => (await upstreamWatches(cluster)) === 1);
      // Far more changes than the socket buffers hold: 30,000 new pods, one ADDED event each.
      const seeded = await fetch(`${c.sandbox!.endpoint}/_sandbox/clusters/${cluster}/seed-pods`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 30_000 }),
      });
      expect(seeded.status).toBe(200);
      await waitFor(async () => (await upstreamWatches(cluster)) === 0, {
        timeoutMs: 60_000,
        description: 'the stalled stream to be dropped and its upstream watch stopped',
      });
    } finally {
      socket.destroy();
    }
  }, 120_000);
});
