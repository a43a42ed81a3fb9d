import type { ClusterRef, CpuMemory } from '@wheelhouse/contract';
import { SeriesRing } from './seriesRing.ts';

/** One reading of a cluster: each node's and each pod's usage at `t`. */
export interface ClusterReading {
  t: number;
  nodes: ReadonlyMap<string, CpuMemory>;
  pods: ReadonlyMap<string, CpuMemory>;
}

export interface SamplerOptions {
  /** Reads the cluster's usage now (as the console); a failure skips the sample. */
  read: (ref: ClusterRef) => Promise<ClusterReading>;
  intervalMs: number;
  /** Samples kept per cluster (intervalMs × capacity is the longest window). */
  capacity: number;
  /** A cluster nobody asked about for this long stops being sampled and its samples are dropped. */
  idleMs: number;
  /** Clusters sampled at once; a new one beyond this replaces the one asked about least recently. */
  maxClusters: number;
  maxNodeSeries: number;
  maxPodSeries: number;
  now?: () => number;
  /** Told about failed samples (they are skipped, the sampler keeps going). */
  onError?: (ref: ClusterRef, error: unknown) => void;
}

export interface ClusterSamples {
  nodes: SeriesRing;
  pods: SeriesRing;
}

interface Sampled extends ClusterSamples {
  ref: ClusterRef;
  lastAsked: number;
  timer: NodeJS.Timeout;
  inFlight: boolean;
}

const keyOf = (ref: ClusterRef) => `${ref.accountId}|${ref.region}|${ref.name}`;

/**
 * Samples the resource metrics of the clusters someone is looking at, into a bounded ring buffer
 * each: memory is bounded by maxClusters × capacity × (maxNodeSeries + maxPodSeries) × 16 bytes,
 * and a cluster's sampling stops once nobody has asked for it for idleMs. Nothing is stored
 * elsewhere: a restart (or another replica) starts from an empty buffer.
 */
export function createMetricsSampler(options: SamplerOptions) {
  const now = options.now ?? Date.now;
  const clusters = new Map<string, Sampled>();

  function stop(key: string): void {
    const sampled = clusters.get(key);
    if (!sampled) return;
    clearInterval(sampled.timer);
    clusters.delete(key);
  }

  async function sample(key: string): Promise<void> {
    const sampled = clusters.get(key);
    if (!sampled) return;
    if (now() - sampled.lastAsked > options.idleMs) return stop(key);
    // A slow cluster is not asked again before its last answer came.
    if (sampled.inFlight) return;
    sampled.inFlight = true;
    try {
      const reading = await options.read(sampled.ref);
      // Stopped (idle, evicted or closed) while the read was out: nothing to keep it for.
      if (clusters.get(key) !== sampled) return;
      sampled.nodes.push(reading.t, reading.nodes);
      sampled.pods.push(reading.t, reading.pods);
    } catch (error) {
      options.onError?.(sampled.ref, error);
    } finally {
      sampled.inFlight = false;
    }
  }

  return {
    /** The cluster's samples so far, starting its sampling when it is not sampled yet. */
    touch(ref: ClusterRef): ClusterSamples {
      const key = keyOf(ref);
      const existing = clusters.get(key);
      if (existing) {
        existing.lastAsked = now();
        return existing;
      }
      if (clusters.size >= options.maxClusters) {
        let oldest: Sampled | undefined;
        for (const candidate of clusters.values()) {
          if (!oldest || candidate.lastAsked < oldest.lastAsked) oldest = candidate;
        }
        if (oldest) stop(keyOf(oldest.ref));
      }
      const timer = setInterval(() => void sample(key), options.intervalMs);
      // Sampling never keeps the process alive on its own.
      timer.unref();
      const sampled: Sampled = {
        ref,
        lastAsked: now(),
        timer,
        inFlight: false,
        nodes: new SeriesRing(options.capacity, options.maxNodeSeries),
        pods: new SeriesRing(options.capacity, options.maxPodSeries),
      };
      clusters.set(key, sampled);
      void sample(key);
      return sampled;
    },
    /** How many clusters are being sampled. */
    get sampling(): number {
      return clusters.size;
    },
    close(): void {
      for (const key of [...clusters.keys()]) stop(key);
    },
  };
}
export type MetricsSampler = ReturnType<typeof createMetricsSampler>;
