import type { Taint } from '@wheelhouse/contract';
import type { Tone } from '../../components/statusTone.ts';

const CAPACITY_LABELS: Record<string, string> = {
  ON_DEMAND: 'On-Demand',
  SPOT: 'Spot',
  CAPACITY_BLOCK: 'Capacity Block',
};

/** "ON_DEMAND" → "On-Demand"; EKS treats a missing capacity type as On-Demand. */
export function capacityTypeLabel(capacityType: string | undefined): string {
  return CAPACITY_LABELS[capacityType ?? 'ON_DEMAND'] ?? capacityType ?? 'On-Demand';
}

export function capacityTypeTone(capacityType: string | undefined): Tone {
  return capacityType === 'SPOT'
    ? 'warning'
    : capacityType === 'CAPACITY_BLOCK'
      ? 'pending'
      : 'info';
}

/** EC2's instance lifecycle ("spot", "on-demand") in the words the console uses elsewhere. */
export function lifecycleLabel(lifecycle: string): string {
  return capacityTypeLabel(lifecycle.toUpperCase().replace('-', '_'));
}

const EFFECT_LABELS: Record<Taint['effect'], string> = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
};

/** The effect as Kubernetes spells it (EKS's API uses NO_SCHEDULE, kubectl shows NoSchedule). */
export function taintEffectLabel(effect: Taint['effect']): string {
  return EFFECT_LABELS[effect];
}

/** "dedicated=gpu:NoSchedule", as `kubectl describe node` prints a taint. */
export function taintText(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taintEffectLabel(taint.effect)}`;
}

/** "key=value" pairs sorted by key. */
export function labelPairs(labels: Record<string, string> | undefined): string[] {
  return Object.entries(labels ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
