import type { ObjectStore } from '../objects/objectStore.ts';
import { matchesLabels, requirementsOf } from '../objects/selectors.ts';
import type { KubeObject, LabelSelector, Pod } from '../objects/types.ts';

interface Budget extends KubeObject {
  spec: { selector?: LabelSelector };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number };
}

/** Why a voluntary disruption of a pod is refused. */
export type DisruptionRefusal =
  | { reason: 'DisruptionBudget'; budget: string; message: string }
  | { reason: 'MultipleBudgets'; message: string };

/**
 * Takes one disruption from the PodDisruptionBudget covering the pod, as the eviction REST does
 * before it deletes (the allowance is spent at once, so evictions in a row cannot overshoot it
 * before the disruption controller recounts); answers why not when the budget allows none.
 * Evictions through the API and the VPA updater's both come here.
 */
export function spendDisruption(store: ObjectStore, pod: Pod): DisruptionRefusal | undefined {
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  // Terminal, unscheduled or already terminating pods disrupt nothing: the API server lets them go.
  if (terminal || !pod.spec.nodeName || pod.metadata.deletionTimestamp) return undefined;
  const budgets = store
    .all<Budget>('poddisruptionbudgets', pod.metadata.namespace)
    // policy/v1: a budget without a selector selects no pod.
    .filter(
      (budget) =>
        budget.spec.selector !== undefined &&
        matchesLabels(requirementsOf(budget.spec.selector), pod.metadata.labels ?? {}),
    );
  if (budgets.length > 1) {
    return { reason: 'MultipleBudgets', message: 'the pod has more than one PodDisruptionBudget' };
  }
  const budget = budgets[0];
  if (!budget) return undefined;
  const allowed = budget.status?.disruptionsAllowed ?? 0;
  if (allowed <= 0) {
    return {
      reason: 'DisruptionBudget',
      budget: budget.metadata.name,
      message: `The disruption budget ${budget.metadata.name} needs ${budget.status?.desiredHealthy ?? 0} healthy pods and has ${budget.status?.currentHealthy ?? 0} currently`,
    };
  }
  store.update('poddisruptionbudgets', budget, (draft) => {
    draft.status = { ...draft.status, disruptionsAllowed: allowed - 1 };
  });
  return undefined;
}
