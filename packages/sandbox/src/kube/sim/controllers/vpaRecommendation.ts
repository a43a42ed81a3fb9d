import { cpuMillis, formatMillis, memoryBytes } from '../../objects/quantities.ts';
import type { VerticalPodAutoscaler, VpaResources } from '../../objects/types.ts';

/**
 * The VPA recommender's arithmetic (vertical-pod-autoscaler/pkg/recommender/logic), on the usage
 * samples of one container: the target is the 90th percentile plus a 15% safety margin, the lower
 * and upper bounds the 50th and 95th percentiles with the same margin, widened while the history is
 * short (confidence in days), all at least the pod minimums split over the containers; then the
 * container policy caps them (the uncapped target is what it would be without the policy).
 */

export interface UsageSample {
  cpuMillis: number;
  memoryBytes: number;
}

type ContainerPolicy = NonNullable<
  NonNullable<VerticalPodAutoscaler['spec']['resourcePolicy']>['containerPolicies']
>[number];

export type ContainerRecommendation = NonNullable<
  VerticalPodAutoscaler['status']['recommendation']
>['containerRecommendations'][number];

const SAFETY_MARGIN = 1.15;
const POD_MIN_CPU_MILLIS = 25;
const POD_MIN_MEMORY_BYTES = 250 * 2 ** 20;
const MIB = 2 ** 20;

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], share: number): number {
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Memory as the recommender writes it: whole MiB, in decimal SI form ("262144k" for 250Mi). */
export function formatMemory(bytes: number): string {
  for (const [suffix, factor] of [
    ['G', 1e9],
    ['M', 1e6],
    ['k', 1e3],
  ] as const) {
    if (bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  return String(bytes);
}

/** The policy that applies to a container: the one naming it, else the '*' one. */
export function policyFor(
  vpa: VerticalPodAutoscaler,
  container: string,
): ContainerPolicy | undefined {
  const policies = vpa.spec.resourcePolicy?.containerPolicies ?? [];
  return (
    policies.find((policy) => policy.containerName === container) ??
    policies.find((policy) => policy.containerName === '*')
  );
}

interface Estimate {
  cpu: number;
  memory: number;
}

const clamp = (value: number, min: number | undefined, max: number | undefined) =>
  Math.min(max ?? Infinity, Math.max(min ?? 0, value));

/** A container's recommendation from its samples (undefined without samples). */
export function recommend(
  container: string,
  samples: UsageSample[],
  options: { confidenceDays: number; containers: number; policy?: ContainerPolicy },
): ContainerRecommendation | undefined {
  if (samples.length === 0) return undefined;
  const cpu = samples.map((sample) => sample.cpuMillis).sort((a, b) => a - b);
  const memory = samples.map((sample) => sample.memoryBytes).sort((a, b) => a - b);
  const confidence = Math.max(options.confidenceDays, 1e-6);
  const lowerFactor = (1 + 0.001 / confidence) ** -2;
  const upperFactor = 1 + 1 / confidence;
  const minCpu = POD_MIN_CPU_MILLIS / options.containers;
  const minMemory = POD_MIN_MEMORY_BYTES / options.containers;
  const estimate = (share: number, factor: number): Estimate => ({
    cpu: Math.ceil(Math.max(minCpu, percentile(cpu, share) * SAFETY_MARGIN * factor)),
    memory:
      Math.ceil(Math.max(minMemory, percentile(memory, share) * SAFETY_MARGIN * factor) / MIB) *
      MIB,
  });
  const target = estimate(0.9, 1);
  const lower = estimate(0.5, lowerFactor);
  const upper = estimate(0.95, upperFactor);
  const policy = options.policy;
  const controlled = new Set(policy?.controlledResources ?? ['cpu', 'memory']);
  const capped = (value: Estimate): Estimate => ({
    cpu: clamp(value.cpu, bound(policy?.minAllowed, 'cpu'), bound(policy?.maxAllowed, 'cpu')),
    memory: clamp(
      value.memory,
      bound(policy?.minAllowed, 'memory'),
      bound(policy?.maxAllowed, 'memory'),
    ),
  });
  const write = (value: Estimate): VpaResources => ({
    ...(controlled.has('cpu') ? { cpu: formatMillis(value.cpu) } : {}),
    ...(controlled.has('memory') ? { memory: formatMemory(value.memory) } : {}),
  });
  return {
    containerName: container,
    target: write(capped(target)),
    lowerBound: write(capped(lower)),
    upperBound: write(capped(upper)),
    uncappedTarget: write(target),
  };
}

function bound(resources: VpaResources | undefined, name: 'cpu' | 'memory'): number | undefined {
  const quantity = resources?.[name];
  if (quantity === undefined) return undefined;
  return name === 'cpu' ? cpuMillis(quantity) : memoryBytes(quantity);
}
