import type { ResourceNumbers } from '@wheelhouse/contract';
import { formatCpu, formatMemory } from './units.ts';

/** "250m · 300 MiB": the parts a VPA controls, "—" when it gives neither. */
export function formatResources(value: ResourceNumbers): string {
  const parts = [
    value.cpuMillis !== undefined ? formatCpu(value.cpuMillis) : undefined,
    value.memoryBytes !== undefined ? formatMemory(value.memoryBytes) : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

/** Whether two recommendations differ in any resource (the policy capped the target). */
export function sameResources(a: ResourceNumbers, b: ResourceNumbers): boolean {
  return a.cpuMillis === b.cpuMillis && a.memoryBytes === b.memoryBytes;
}
