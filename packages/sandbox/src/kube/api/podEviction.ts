import type { Pod } from '../objects/types.ts';
import { spendDisruption } from '../sim/disruptionBudgets.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { readJsonBody, sendJson, type KubeExchange } from './httpExchange.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { KubeStatusError, kubeErrors } from './status.ts';

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
  const refusal = spendDisruption(kube.store, pod);
  if (refusal) {
    if (refusal.reason === 'MultipleBudgets')
      throw new KubeStatusError(
        500,
        'InternalError',
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      );
    throw new KubeStatusError(
      429,
      'TooManyRequests',
      "Cannot evict pod as it would violate the pod's disruption budget.",
      { causes: [{ reason: 'DisruptionBudget', message: refusal.message }] },
    );
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
