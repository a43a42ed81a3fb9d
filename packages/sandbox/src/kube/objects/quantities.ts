import type { Container, PodSpec } from './types.ts';

/** Kubernetes resource quantities ("250m", "1.5", "512Mi", "2G") as numbers. */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, m: 1e-3 };

/** The quantity as a plain number (cores for cpu, bytes for memory); NaN when malformed. */
export function parseQuantity(quantity: string | undefined): number {
  if (quantity === undefined || quantity === '') return 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  const suffix = match[2]!;
  if (suffix === '') return value;
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? Number.NaN : value * factor;
}

export function cpuMillis(quantity: string | undefined): number {
  return Math.round(parseQuantity(quantity) * 1000) || 0;
}

export function memoryBytes(quantity: string | undefined): number {
  return Math.round(parseQuantity(quantity)) || 0;
}

export function formatMillis(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatKi(bytes: number): string {
  return `${Math.floor(bytes / 1024)}Ki`;
}

/** What the scheduler counts for a pod: the sum of its containers' requests (init containers: the max). */
export function podRequests(spec: PodSpec): { cpu: number; memory: number } {
  const sum = (containers: Container[] | undefined) =>
    (containers ?? []).reduce(
      (total, container) => ({
        cpu: total.cpu + cpuMillis(container.resources?.requests?.cpu),
        memory: total.memory + memoryBytes(container.resources?.requests?.memory),
      }),
      { cpu: 0, memory: 0 },
    );
  const main = sum(spec.containers);
  const init = (spec.initContainers ?? []).map((container) => sum([container]));
  return {
    cpu: Math.max(main.cpu, ...init.map((entry) => entry.cpu)),
    memory: Math.max(main.memory, ...init.map((entry) => entry.memory)),
  };
}
