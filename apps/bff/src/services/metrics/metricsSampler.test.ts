import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterRef } from '@wheelhouse/contract';
import { createMetricsSampler } from './metricsSampler.ts';

const ref = (name: string): ClusterRef => ({
  accountId: '123456789012',
  region: 'us-east-1',
  name,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function sampler(reads: string[], overrides: { maxClusters?: number } = {}) {
  return createMetricsSampler({
    intervalMs: 15_000,
    capacity: 4,
    idleMs: 60_000,
    maxClusters: overrides.maxClusters ?? 4,
    maxNodeSeries: 10,
    maxPodSeries: 10,
    now: Date.now,
    read: async (cluster) => {
      reads.push(cluster.name);
      await Promise.resolve();
      return {
        t: Date.now(),
        nodes: new Map([['node-1', { cpuMillicores: reads.length, memoryBytes: 1 }]]),
        pods: new Map(),
      };
    },
  });
}

describe('the metrics sampler', () => {
  it('samples a cluster at once and then every interval into its ring, up to its capacity', async () => {
    const reads: string[] = [];
    const s = sampler(reads);
    const samples = s.touch(ref('a'));
    await vi.advanceTimersByTimeAsync(15_000 * 4);
    expect(reads).toHaveLength(5);
    expect(samples.nodes.size).toBe(4);
    expect(samples.nodes.points('node-1', 0).map((p) => p.cpuMillicores)).toEqual([2, 3, 4, 5]);
    s.close();
  });

  it('stops sampling a cluster nobody asked about for idleMs, and drops its samples', async () => {
    const reads: string[] = [];
    const s = sampler(reads);
    s.touch(ref('a'));
    await vi.advanceTimersByTimeAsync(45_000);
    s.touch(ref('a'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.sampling).toBe(0);
    const count = reads.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads).toHaveLength(count);
    expect(s.touch(ref('a')).nodes.size).toBe(0);
    s.close();
  });

  it('samples at most maxClusters, replacing the one asked about least recently', async () => {
    const reads: string[] = [];
    const s = sampler(reads, { maxClusters: 2 });
    s.touch(ref('a'));
    await vi.advanceTimersByTimeAsync(1000);
    s.touch(ref('b'));
    await vi.advanceTimersByTimeAsync(1000);
    s.touch(ref('c'));
    expect(s.sampling).toBe(2);
    reads.length = 0;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(new Set(reads)).toEqual(new Set(['b', 'c']));
    s.close();
    expect(s.sampling).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
