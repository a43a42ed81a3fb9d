import type { FaultInjector } from '../../faults/faultController.ts';
import type { ClusterRecord } from '../../world/eks/types.ts';
import type { createKubeApi } from './kubeApi.ts';
import { statusBody, KubeStatusError } from './status.ts';

type KubeApi = ReturnType<typeof createKubeApi>;

/**
 * The cluster's API server behind the sandbox's fault rules for service "kubernetes": latency
 * before the answer, throttling as 429 TooManyRequests, errors as a Status with the rule's status
 * (default 500) and code as its reason, as an overloaded or broken API server would answer.
 */
export function withKubeFaults(
  api: KubeApi,
  faults: FaultInjector,
  cluster: ClusterRecord,
): KubeApi {
  return {
    ...api,
    handle(req, res) {
      const decision = faults.decide({
        service: 'kubernetes',
        operation: (req.method ?? 'GET').toUpperCase(),
        region: cluster.region,
        accountId: cluster.accountId,
        cluster: cluster.name,
      });
      const answer = () => {
        const failure = decision.throttle
          ? new KubeStatusError(429, 'TooManyRequests', 'the server has received too many requests')
          : decision.error
            ? new KubeStatusError(
                decision.error.status ?? 500,
                decision.error.code ?? 'InternalError',
                decision.error.message ??
                  'an error on the server has prevented the request from succeeding',
              )
            : undefined;
        if (!failure) return api.handle(req, res);
        req.resume();
        res.writeHead(failure.code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(statusBody(failure)));
      };
      if (decision.latencyMs > 0) setTimeout(answer, decision.latencyMs);
      else answer();
    },
  };
}
