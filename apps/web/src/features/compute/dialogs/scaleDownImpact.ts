import type { DisruptionBudget, NodegroupDisruption } from '@wheelhouse/contract';
import { plural } from '../computeDisplay.ts';

/** "payments/checkout-api (minAvailable 2, 0 disruptions allowed): 3 pods on this group". */
export function budgetText(budget: DisruptionBudget): string {
  const bounds = [
    budget.minAvailable !== undefined ? `minAvailable ${budget.minAvailable}` : undefined,
    budget.maxUnavailable !== undefined ? `maxUnavailable ${budget.maxUnavailable}` : undefined,
    budget.disruptionsAllowed !== undefined
      ? plural(budget.disruptionsAllowed, 'disruption') + ' allowed'
      : undefined,
  ].filter(Boolean);
  return `${budget.namespace}/${budget.name}${bounds.length ? ` (${bounds.join(', ')})` : ''}: ${plural(budget.podsOnNodegroup, 'pod')} on this group`;
}

/**
 * What scaling down does to the workloads, in words: to zero every pod on the group is evicted;
 * fewer instances evict the pods of the instances EKS picks.
 */
export function scaleDownWarning(
  from: number,
  to: number,
  running: Pick<NodegroupDisruption, 'nodes' | 'pods'> | undefined,
): string | undefined {
  if (to >= from) return undefined;
  if (to === 0) {
    return running
      ? `Scaling to 0 terminates every instance: all ${plural(running.pods, 'pod')} on its ${plural(running.nodes, 'node')} are evicted, and those with nowhere else to run stay Pending.`
      : 'Scaling to 0 terminates every instance: every pod on this node group is evicted.';
  }
  const removed = plural(from - to, 'instance');
  const onNodes = running
    ? ` (${plural(running.pods, 'pod')} ${running.pods === 1 ? 'runs' : 'run'} on its ${plural(running.nodes, 'node')} now)`
    : '';
  return `EKS drains and terminates ${removed}; their pods are evicted and rescheduled elsewhere${onNodes}.`;
}
