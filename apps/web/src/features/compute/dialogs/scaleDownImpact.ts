import type { NodeSummary } from '@wheelhouse/contract';
import { plural } from '../computeDisplay.ts';

/** The pods that run on a managed node group's nodes now, from the cluster's node list. */
export function podsOnNodegroup(
  nodes: NodeSummary[],
  nodegroup: string,
): { nodes: number; pods: number } {
  const own = nodes.filter((n) => n.runsOn.kind === 'managed' && n.runsOn.name === nodegroup);
  return { nodes: own.length, pods: own.reduce((sum, n) => sum + n.pods, 0) };
}

/**
 * What scaling down does to the workloads, in words: to zero every pod on the group is evicted;
 * fewer instances evict the pods of the instances EKS picks. The sandbox serves no
 * PodDisruptionBudgets (policy/v1), so only pods are counted.
 */
export function scaleDownWarning(
  from: number,
  to: number,
  running: { nodes: number; pods: number } | undefined,
): string | undefined {
  if (to >= from) return undefined;
  const onNodes = running
    ? `${plural(running.pods, 'pod')} ${running.pods === 1 ? 'runs' : 'run'} on its ${plural(running.nodes, 'node')} now`
    : undefined;
  if (to === 0) {
    return running
      ? `Scaling to 0 terminates every instance: all ${plural(running.pods, 'pod')} on its ${plural(running.nodes, 'node')} are evicted, and those with nowhere else to run stay Pending.`
      : 'Scaling to 0 terminates every instance: every pod on this node group is evicted.';
  }
  const removed = plural(from - to, 'instance');
  return `EKS drains and terminates ${removed}; their pods are evicted and rescheduled elsewhere${onNodes ? ` (${onNodes})` : ''}.`;
}
