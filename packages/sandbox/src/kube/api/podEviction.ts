import { matchesLabels, requirementsOf } from '../objects/selectors.ts';
import type { KubeObject, LabelSelector, Pod } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { readJsonBody, sendJson, type KubeExchange } from './httpExchange.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { KubeStatusError, kubeErrors } from './status.ts';

interface Budget extends KubeObject {
  spec: { selector?: LabelSelector };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number };
}

/**
 * POST pods/<name>/eviction (policy/v1 Eviction), as the API server's eviction REST does: a pod
 * covered by a PodDisruptionBudget that allows no disruption is refused with 429 and the budget's
 * terms; otherwise the budget's allowance is spent at once (so a drain evicting several pods in a
 * row cannot overshoot it before the disruption controller recounts) and the pod is deleted.
 */
export async function serveEviction(
  kube: KubeCluster,
  exchange: KubeExchange,
  request: ResourceRequest,
): Promise<void> {
  if (exchange.method !== 'POST') throw kubeErrors.methodNotAllowed(exchange.method);
  const body = (await readJsonBody(exchange)) as {
    metadata?: { name?: string };
    deleteOptions?: { gracePeriodSeconds?: number };
  };
  const pod = kube.store.get<Pod>('pods', request.namespace, request.name!);
  if (!pod) throw kubeErrors.notFound('pods', request.name!);
  if (body.metadata?.name !== undefined && body.metadata.name !== pod.metadata.name)
    throw kubeErrors.badRequest(
      `name in URL does not match name in Eviction object: ${pod.metadata.name} != ${body.metadata.name}`,
    );
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  const budgets = kube.store
    .all<Budget>('poddisruptionbudgets', pod.metadata.namespace)
    // policy/v1: a budget without a selector selects no pod.
    .filter(
      (budget) =>
        budget.spec.selector !== undefined &&
        matchesLabels(requirementsOf(budget.spec.selector), pod.metadata.labels ?? {}),
    );
  // Terminal, unscheduled or already terminating pods disrupt nothing: the API server lets them go.
  if (!terminal && pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
    if (budgets.length > 1)
      throw new KubeStatusError(
        500,
        'InternalError',
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      );
    const budget = budgets[0];
    if (budget) {
      const allowed = budget.status?.disruptionsAllowed ?? 0;
      if (allowed <= 0) {
        throw new KubeStatusError(
          429,
          'TooManyRequests',
          "Cannot evict pod as it would violate the pod's disruption budget.",
          {
            causes: [
              {
                reason: 'DisruptionBudget',
                message: `The disruption budget ${budget.metadata.name} needs ${budget.status?.desiredHealthy ?? 0} healthy pods and has ${budget.status?.currentHealthy ?? 0} currently`,
              },
            ],
          },
        );
      }
      kube.store.update('poddisruptionbudgets', budget, (draft) => {
        draft.status = { ...draft.status, disruptionsAllowed: allowed - 1 };
      });
    }
  }
  kube.deleteObject('pods', pod, body.deleteOptions?.gracePeriodSeconds);
  sendJson(exchange, 201, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    code: 201,
  });
}
