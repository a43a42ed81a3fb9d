import {
  METRICS_MAX_WINDOW_MS,
  METRICS_SAMPLE_INTERVAL_MS,
  type ClusterNodeMetrics,
  type ClusterPodMetrics,
  type ClusterRef,
  type CpuMemory,
  type MetricsPoint,
} from '@wheelhouse/contract';
import { UpstreamError } from '../../errors.ts';
import type { KubeAccess } from '../../upstream/kubeAccess.ts';
import { KubeApiError, type KubeIdentity } from '../../upstream/kubeClient.ts';
import { metricsAbsence } from '../../upstream/resourceMetrics.ts';
import {
  podKey,
  readMeteredNodes,
  readMeteredPods,
  readNodeUsage,
  readPodUsage,
} from './meteredObjects.ts';
import { createMetricsSampler, type ClusterSamples } from './metricsSampler.ts';
import type { SeriesRing } from './seriesRing.ts';

export interface MetricsServiceOptions {
  intervalMs?: number;
  idleMs?: number;
  maxClusters?: number;
  maxNodeSeries?: number;
  maxPodSeries?: number;
  now?: () => number;
  onSampleError?: (ref: ClusterRef, error: unknown) => void;
}

const IDLE_MS = 5 * 60_000;
// Worst case 8 × 240 × (500 + 2000) × 16 B ≈ 77 MB; a cluster is sampled only while it is looked at.
const MAX_CLUSTERS = 8;
const MAX_NODE_SERIES = 500;
const MAX_POD_SERIES = 2000;

/** A Kubernetes refusal or failure in the console's words (the page says Kubernetes answered it). */
function explain(error: unknown): never {
  if (error instanceof KubeApiError) {
    throw new UpstreamError(
      error.status >= 500 ? 502 : error.status,
      error.reason,
      `Kubernetes answered ${error.status} ${error.reason}: ${error.message}`,
      undefined,
      'kubernetes',
    );
  }
  throw error;
}

/**
 * CPU and memory use of a cluster's nodes and pods over a recent window: the sampler's buffer (read
 * as the console every interval while someone looks) plus a reading taken for the answer as the
 * person asking. Only the nodes and pods that person's own reads returned are answered (and only
 * once their read of metrics.k8s.io succeeded), so the cluster's RBAC decides what each one sees of
 * the buffer.
 */
export function createMetricsService(kube: KubeAccess, options: MetricsServiceOptions = {}) {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? METRICS_SAMPLE_INTERVAL_MS;
  const sampler = createMetricsSampler({
    intervalMs,
    capacity: Math.ceil(METRICS_MAX_WINDOW_MS / intervalMs),
    idleMs: options.idleMs ?? IDLE_MS,
    maxClusters: options.maxClusters ?? MAX_CLUSTERS,
    maxNodeSeries: options.maxNodeSeries ?? MAX_NODE_SERIES,
    maxPodSeries: options.maxPodSeries ?? MAX_POD_SERIES,
    now,
    ...(options.onSampleError ? { onError: options.onSampleError } : {}),
    async read(ref) {
      const client = await kube.clientFor(ref);
      const [nodes, pods] = await Promise.all([readNodeUsage(client), readPodUsage(client)]);
      return { t: now(), nodes, pods };
    },
  });

  /**
   * The window's buffered points of a series (thinned to MAX_POINTS), then the reading taken now
   * (when there is one).
   */
  function seriesOf(
    ring: SeriesRing,
    key: string,
    since: number,
    t: number,
    current: CpuMemory | undefined,
  ): MetricsPoint[] {
    const points = thin(ring.points(key, since));
    return current ? [...points, { t, ...current }] : points;
  }

  /** Reads usage as the person; a cluster without metrics-server gives its reason instead. */
  async function usageNow<T>(read: () => Promise<T>): Promise<T | { absent: string }> {
    try {
      return await read();
    } catch (error) {
      const absent = metricsAbsence(error);
      if (absent) return { absent };
      return explain(error);
    }
  }

  const base = (windowMs: number, t: number, ring: SeriesRing | undefined) => ({
    windowMs,
    intervalMs,
    sampledAt: t,
    ...(ring?.truncated ? { truncated: true } : {}),
  });

  /**
   * The cluster's samples, its sampling (re)started: only once the person's own reading succeeded,
   * so that someone the cluster refuses does not set the console sampling it.
   */
  const samplesOf = (ref: ClusterRef): ClusterSamples => sampler.touch(ref);

  return {
    async nodes(ref: ClusterRef, as: KubeIdentity, windowMs: number): Promise<ClusterNodeMetrics> {
      const client = await kube.clientFor(ref, as);
      // Usage first: without metrics-server there is nothing to measure the nodes against.
      const usage = await usageNow(() => readNodeUsage(client));
      const t = now();
      if ('absent' in usage) {
        return {
          available: false,
          reason: usage.absent,
          ...base(windowMs, t, undefined),
          nodes: [],
        };
      }
      const nodes = await readMeteredNodes(client).catch(explain);
      const samples = samplesOf(ref);
      const since = t - windowMs;
      return {
        available: true,
        ...base(windowMs, t, samples.nodes),
        nodes: nodes.map((node) => ({
          ...node,
          series: seriesOf(samples.nodes, node.name, since, t, usage.get(node.name)),
        })),
      };
    },

    async pods(
      ref: ClusterRef,
      as: KubeIdentity,
      query: { namespace?: string | undefined; windowMs: number },
    ): Promise<ClusterPodMetrics> {
      const { namespace, windowMs } = query;
      const client = await kube.clientFor(ref, as);
      const usage = await usageNow(() => readPodUsage(client, namespace));
      const t = now();
      if ('absent' in usage) {
        return {
          available: false,
          reason: usage.absent,
          ...base(windowMs, t, undefined),
          pods: [],
        };
      }
      const pods = await readMeteredPods(client, namespace).catch(explain);
      const samples = samplesOf(ref);
      const since = t - windowMs;
      return {
        available: true,
        ...base(windowMs, t, samples.pods),
        pods: pods.map((pod) => {
          const key = podKey(pod.namespace, pod.name);
          return { ...pod, series: seriesOf(samples.pods, key, since, t, usage.get(key)) };
        }),
      };
    },

    /** Clusters being sampled now. */
    get sampling(): number {
      return sampler.sampling;
    },
    /** Stops every cluster's sampling (server close). */
    close(): void {
      sampler.close();
    },
  };
}
export type MetricsService = ReturnType<typeof createMetricsService>;

/**
 * Points per series in an answer: an hour at one sample per 15 s is 240, and a cluster of 2,000
 * pods refetched every 15 s would carry half a million; a chart a few hundred pixels wide shows
 * 60 as well.
 */
export const MAX_POINTS = 60;

/** Averages neighbouring points so a series holds at most MAX_POINTS (each at its bucket's last time). */
export function thin(points: readonly MetricsPoint[]): MetricsPoint[] {
  if (points.length <= MAX_POINTS) return [...points];
  const size = points.length / MAX_POINTS;
  const thinned: MetricsPoint[] = [];
  for (let bucket = 0; bucket < MAX_POINTS; bucket++) {
    const slice = points.slice(Math.floor(bucket * size), Math.floor((bucket + 1) * size));
    if (slice.length === 0) continue;
    const sum = (pick: (point: MetricsPoint) => number) =>
      slice.reduce((total, point) => total + pick(point), 0);
    thinned.push({
      t: slice[slice.length - 1]!.t,
      cpuMillicores: Math.round(sum((point) => point.cpuMillicores) / slice.length),
      memoryBytes: Math.round(sum((point) => point.memoryBytes) / slice.length),
    });
  }
  return thinned;
}
