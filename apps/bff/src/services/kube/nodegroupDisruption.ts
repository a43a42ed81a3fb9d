import type { DisruptionBudget, NodegroupDisruption } from '@wheelhouse/contract';
import type { KubeList, LabelSelector, Node, Pod, PodDisruptionBudgetObject } from './kubeTypes.ts';
import { NODEGROUP_LABEL } from './kubeMapping.ts';

/** Whether a label selector selects these labels; an empty selector selects everything (policy/v1). */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector?.matchExpressions ?? []) {
    const has = key in labels;
    const ok =
      operator === 'In'
        ? has && values.includes(labels[key]!)
        : operator === 'NotIn'
          ? !has || !values.includes(labels[key]!)
          : operator === 'Exists'
            ? has
            : operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/**
 * The pods on a managed node group's nodes and the PodDisruptionBudgets over them: what a scale
 * down drains and what the drain must respect. Terminated pods are left out (nothing evicts them).
 */
export function nodegroupDisruption(
  nodegroup: string,
  nodes: KubeList<Node>,
  pods: KubeList<Pod>,
  budgets: KubeList<PodDisruptionBudgetObject>,
): NodegroupDisruption {
  const own = new Set(
    nodes.items
      .filter((node) => node.metadata.labels?.[NODEGROUP_LABEL] === nodegroup)
      .map((node) => node.metadata.name),
  );
  const onGroup = pods.items.filter((pod) => pod.spec.nodeName && own.has(pod.spec.nodeName));
  const covering: DisruptionBudget[] = budgets.items.flatMap((budget) => {
    const covered = onGroup.filter(
      (pod) =>
        pod.metadata.namespace === budget.metadata.namespace &&
        selectorMatches(budget.spec?.selector, pod.metadata.labels ?? {}),
    ).length;
    if (covered === 0) return [];
    const { minAvailable, maxUnavailable } = budget.spec ?? {};
    const allowed = budget.status?.disruptionsAllowed;
    return [
      {
        namespace: budget.metadata.namespace ?? '',
        name: budget.metadata.name,
        ...(minAvailable !== undefined ? { minAvailable } : {}),
        ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
        ...(allowed !== undefined ? { disruptionsAllowed: allowed } : {}),
        podsOnNodegroup: covered,
      },
    ];
  });
  return {
    nodes: own.size,
    pods: onGroup.length,
    budgets: covering.sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
    ),
  };
}
