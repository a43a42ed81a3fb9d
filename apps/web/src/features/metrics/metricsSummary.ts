import type { MetricsPoint, NodeMetrics } from '@wheelhouse/contract';

export type Resource = 'cpuMillicores' | 'memoryBytes';

/** One line of a chart: [time, value] pairs, oldest first. */
export interface Line {
  t: number[];
  v: number[];
}

export const lineOf = (series: MetricsPoint[], resource: Resource): Line => ({
  t: series.map((p) => p.t),
  v: series.map((p) => p[resource]),
});

/** The newest value and the highest over the window (undefined without points). */
export function currentAndMax(line: Line): { current: number; max: number } | undefined {
  if (line.v.length === 0) return undefined;
  return { current: line.v.at(-1)!, max: Math.max(...line.v) };
}

/** The nodes of one node group (or NodePool), their usage summed per sample. */
export interface NodeGroupMetrics {
  name: string;
  nodes: NodeMetrics[];
  allocatable: { cpuMillicores: number; memoryBytes: number };
  series: MetricsPoint[];
}

export const UNGROUPED = 'Not in a node group';

/**
 * Node groups with their nodes' usage summed at each sample time. A sample counts only the nodes
 * that had a reading then (one that joins later adds from its first sample on).
 */
export function groupNodes(nodes: NodeMetrics[]): NodeGroupMetrics[] {
  const groups = new Map<string, NodeGroupMetrics>();
  for (const node of nodes) {
    const name = node.nodegroup ?? UNGROUPED;
    const group = groups.get(name) ?? {
      name,
      nodes: [],
      allocatable: { cpuMillicores: 0, memoryBytes: 0 },
      series: [],
    };
    group.nodes.push(node);
    group.allocatable.cpuMillicores += node.allocatable.cpuMillicores;
    group.allocatable.memoryBytes += node.allocatable.memoryBytes;
    groups.set(name, group);
  }
  for (const group of groups.values()) {
    const byTime = new Map<number, MetricsPoint>();
    for (const node of group.nodes) {
      for (const point of node.series) {
        const sum = byTime.get(point.t) ?? { t: point.t, cpuMillicores: 0, memoryBytes: 0 };
        sum.cpuMillicores += point.cpuMillicores;
        sum.memoryBytes += point.memoryBytes;
        byTime.set(point.t, sum);
      }
    }
    group.series = [...byTime.values()].sort((a, b) => a.t - b.t);
  }
  return [...groups.values()].sort((a, b) =>
    a.name === UNGROUPED ? 1 : b.name === UNGROUPED ? -1 : a.name.localeCompare(b.name),
  );
}

/** The windows the tab offers (the BFF accepts any from 15s to 1h). */
export const WINDOWS = [
  { value: '5m', label: 'Last 5 minutes', ms: 5 * 60_000 },
  { value: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { value: '1h', label: 'Last hour', ms: 60 * 60_000 },
] as const;
export type MetricsWindowValue = (typeof WINDOWS)[number]['value'];

export function windowLabel(value: string): string {
  return (WINDOWS.find((w) => w.value === value)?.label ?? value).toLowerCase();
}

export function windowMs(value: string): number {
  return WINDOWS.find((w) => w.value === value)?.ms ?? 15 * 60_000;
}
