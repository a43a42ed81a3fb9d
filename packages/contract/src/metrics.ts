import { z } from 'zod';

/** The longest window the console keeps samples for (the BFF's ring buffer holds one hour). */
export const METRICS_MAX_WINDOW_MS = 60 * 60 * 1000;
/** How often the BFF samples a cluster's metrics while someone looks at it. */
export const METRICS_SAMPLE_INTERVAL_MS = 15_000;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A window such as `90s`, `5m`, `15m` or `1h` in milliseconds; undefined when it is not one, or is
 * shorter than one sample or longer than the hour the console keeps.
 */
export function parseMetricsWindow(text: string): number | undefined {
  const match = /^(\d{1,4})(s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  return ms >= METRICS_SAMPLE_INTERVAL_MS && ms <= METRICS_MAX_WINDOW_MS ? ms : undefined;
}

const MetricsWindow = z
  .string()
  .default('15m')
  .transform((value, ctx) => {
    const ms = parseMetricsWindow(value);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a duration such as 5m, 15m or 1h, from 15s up to 1h',
      });
      return z.NEVER;
    }
    return ms;
  });

export const NodeMetricsQuery = z.object({ window: MetricsWindow });
export type NodeMetricsQuery = z.infer<typeof NodeMetricsQuery>;

export const PodMetricsQuery = z.object({
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name')
    .optional(),
  window: MetricsWindow,
});
export type PodMetricsQuery = z.infer<typeof PodMetricsQuery>;

/** One reading: when (epoch ms), CPU in millicores, memory in bytes. */
export const MetricsPoint = z.object({
  t: z.number(),
  cpuMillicores: z.number(),
  memoryBytes: z.number(),
});
export type MetricsPoint = z.infer<typeof MetricsPoint>;

const CpuMemory = z.object({ cpuMillicores: z.number(), memoryBytes: z.number() });
export type CpuMemory = z.infer<typeof CpuMemory>;

export const NodeMetrics = z.object({
  name: z.string(),
  /** The managed node group (eks.amazonaws.com/nodegroup) or Karpenter NodePool (karpenter.sh/nodepool). */
  nodegroup: z.string().optional(),
  allocatable: CpuMemory,
  /** Oldest first; the last point is the reading taken for this answer. */
  series: z.array(MetricsPoint),
});
export type NodeMetrics = z.infer<typeof NodeMetrics>;

export const PodMetrics = z.object({
  namespace: z.string(),
  name: z.string(),
  node: z.string().optional(),
  /** Sum over the pod's containers; a resource no container requests is 0. */
  requests: CpuMemory,
  /** Sum over the containers; absent when some container has no limit for it (unbounded). */
  limits: z.object({ cpuMillicores: z.number().optional(), memoryBytes: z.number().optional() }),
  series: z.array(MetricsPoint),
});
export type PodMetrics = z.infer<typeof PodMetrics>;

const MetricsAnswer = z.object({
  /** False when the cluster serves no metrics.k8s.io (metrics-server not installed or not ready). */
  available: z.boolean(),
  /** Why there are no metrics, in words a user can act on. */
  reason: z.string().optional(),
  windowMs: z.number(),
  intervalMs: z.number(),
  /** When the answer's last reading was taken (epoch ms). */
  sampledAt: z.number(),
  /** Series the console stopped keeping for this cluster because it already keeps its maximum. */
  truncated: z.boolean().optional(),
});

export const ClusterNodeMetrics = MetricsAnswer.extend({ nodes: z.array(NodeMetrics) });
export type ClusterNodeMetrics = z.infer<typeof ClusterNodeMetrics>;

export const ClusterPodMetrics = MetricsAnswer.extend({ pods: z.array(PodMetrics) });
export type ClusterPodMetrics = z.infer<typeof ClusterPodMetrics>;
