import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  ClusterNodeMetrics,
  ClusterPodMetrics,
  NodeSummary,
  Problem,
} from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const CLUSTER = '/api/clusters/123456789012/us-east-1/checkout-prod/k8s';
const MiB = 2 ** 20;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 20 });
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

describe("a cluster's CPU and memory through the console", () => {
  it('gives each node its node group, allocatable and usage in millicores and bytes', async () => {
    const metrics = await auditor.json<ClusterNodeMetrics>(`${CLUSTER}/metrics/nodes?window=5m`);
    const nodes = await auditor.json<{ items: NodeSummary[] }>(`${CLUSTER}/nodes`);
    expect(metrics.available).toBe(true);
    expect(metrics.windowMs).toBe(300_000);
    expect(metrics.nodes.map((n) => n.name).sort()).toEqual(nodes.items.map((n) => n.name).sort());
    for (const node of metrics.nodes) {
      const summary = nodes.items.find((n) => n.name === node.name)!;
      expect(node.allocatable).toEqual({
        cpuMillicores: summary.allocatable.cpuMillis,
        memoryBytes: summary.allocatable.memoryBytes,
      });
      if (summary.runsOn.kind === 'managed') expect(node.nodegroup).toBe(summary.runsOn.name);
      if (!summary.ready) continue;
      const now = node.series.at(-1)!;
      expect(now.t).toBe(metrics.sampledAt);
      // The sandbox's kubelet and system use 60m and 420Mi on every node, on top of the pods.
      expect(now.cpuMillicores).toBeGreaterThanOrEqual(60);
      expect(now.cpuMillicores).toBeLessThan(node.allocatable.cpuMillicores * 3);
      expect(now.memoryBytes).toBeGreaterThanOrEqual(420 * MiB);
      expect(now.memoryBytes).toBeLessThanOrEqual(node.allocatable.memoryBytes);
    }
    expect(metrics.nodes.some((n) => n.nodegroup === 'general-od')).toBe(true);
  });

  it('gives each running pod its requests, limits and usage against them', async () => {
    const metrics = await auditor.json<ClusterPodMetrics>(
      `${CLUSTER}/metrics/pods?namespace=payments&window=15m`,
    );
    expect(metrics.available).toBe(true);
    expect(metrics.pods.length).toBeGreaterThan(0);
    expect(metrics.pods.every((p) => p.namespace === 'payments')).toBe(true);
    const measured = metrics.pods.filter((p) => p.series.length > 0);
    expect(measured.length).toBeGreaterThan(0);
    for (const pod of measured) {
      const now = pod.series.at(-1)!;
      expect(pod.node).toBeTruthy();
      expect(now.cpuMillicores).toBeGreaterThanOrEqual(1);
      // The sandbox models memory at 45-84% of the request: bytes against bytes.
      if (pod.requests.memoryBytes > 0) {
        expect(now.memoryBytes / pod.requests.memoryBytes).toBeGreaterThanOrEqual(0.44);
        expect(now.memoryBytes / pod.requests.memoryBytes).toBeLessThanOrEqual(0.85);
      }
    }
  });

  it('answers the samples it keeps while someone looks, plus a reading taken for the answer', async () => {
    await vi.waitFor(
      async () => {
        const metrics = await auditor.json<ClusterNodeMetrics>(`${CLUSTER}/metrics/nodes`);
        const node = metrics.nodes.find((n) => n.series.length > 0)!;
        expect(node.series.length).toBeGreaterThanOrEqual(2);
        const times = node.series.map((p) => p.t);
        expect([...times].sort((a, b) => a - b)).toEqual(times);
      },
      { timeout: 10_000, interval: 200 },
    );
  });

  it('refuses a window longer than the hour it keeps, naming `window`', async () => {
    const response = await auditor.request('GET', `${CLUSTER}/metrics/pods?window=2h`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((e) => e.field)).toContain('window');
  });

  it('says so, with a 200, when the cluster serves no metrics.k8s.io', async () => {
    c.sandbox!.faults.add({
      service: 'kubernetes',
      cluster: 'platform-tools',
      errorStatus: 404,
      errorCode: 'NotFound',
      errorMessage: 'the server could not find the requested resource',
      times: 1,
    });
    try {
      const metrics = await auditor.json<ClusterNodeMetrics>(
        '/api/clusters/123456789012/us-east-1/platform-tools/k8s/metrics/nodes',
      );
      expect(metrics.available).toBe(false);
      expect(metrics.reason).toMatch(/metrics-server/);
      expect(metrics.nodes).toEqual([]);
    } finally {
      c.sandbox!.faults.clear();
    }
  });
});
