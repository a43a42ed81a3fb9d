import { useQuery } from '@tanstack/react-query';
import type { AccessReview, AccessReviewQuery, ClusterRef } from '@wheelhouse/contract';
import { apiFetch } from './client.ts';
import { queryKeys } from './queryKeys.ts';
import { k8sApi } from './workloads.ts';

/**
 * The Kubernetes actions pages offer, as the RBAC attributes the BFF's request needs (what
 * `kubectl auth can-i` would be asked). Namespaced ones are asked in the page's namespace.
 */
export const KUBE_ACTIONS = {
  'scale deployments': {
    verb: 'patch',
    resource: 'deployments',
    subresource: 'scale',
    group: 'apps',
  },
  'scale statefulsets': {
    verb: 'patch',
    resource: 'statefulsets',
    subresource: 'scale',
    group: 'apps',
  },
  'restart deployments': { verb: 'patch', resource: 'deployments', group: 'apps' },
  'restart statefulsets': { verb: 'patch', resource: 'statefulsets', group: 'apps' },
  'restart daemonsets': { verb: 'patch', resource: 'daemonsets', group: 'apps' },
  'delete pods': { verb: 'delete', resource: 'pods' },
  'exec pods': { verb: 'create', resource: 'pods', subresource: 'exec' },
  'read logs': { verb: 'get', resource: 'pods', subresource: 'log' },
  'read secrets': { verb: 'list', resource: 'secrets' },
  'cordon nodes': { verb: 'patch', resource: 'nodes', cluster: true },
  // Drain evicts every pod of the node, wherever it runs.
  'evict pods': { verb: 'create', resource: 'pods', subresource: 'eviction', cluster: true },
} as const satisfies Record<string, Omit<AccessReviewQuery, 'namespace'> & { cluster?: true }>;
export type KubeAction = keyof typeof KUBE_ACTIONS;

/** What the cluster said of one action: unknown while asking (or when asking failed). */
export interface ActionDecision {
  allowed: boolean | undefined;
  /** "your groups (…) may not delete pods in training", when refused. */
  reason?: string;
}

async function reviewAll(
  ref: ClusterRef,
  namespace: string,
): Promise<Record<string, AccessReview>> {
  const entries = await Promise.all(
    Object.entries(KUBE_ACTIONS).map(async ([action, attributes]) => {
      const { cluster, ...rest } = attributes as Omit<AccessReviewQuery, 'namespace'> & {
        cluster?: true;
      };
      const params = new URLSearchParams(
        Object.entries({ ...rest, ...(cluster || !namespace ? {} : { namespace }) }).filter(
          (pair): pair is [string, string] => typeof pair[1] === 'string',
        ),
      );
      return [
        action,
        await apiFetch<AccessReview>(`${k8sApi(ref)}/access-review?${params.toString()}`),
      ] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Asks the cluster, as the signed-in person, which of the page's Kubernetes actions they may do:
 * one cached query per cluster and namespace ('' for all namespaces), the reviews of every action
 * made together, so each control below it reads a decision instead of asking again. The server
 * still decides every change; this only lets the page say no before the user tries.
 */
export function useAccessReview(ref: ClusterRef, namespace: string) {
  const query = useQuery({
    queryKey: queryKeys.k8s.accessReview(ref, namespace),
    queryFn: () => reviewAll(ref, namespace),
    // RBAC changes rarely; a minute keeps pages from asking on every render or navigation.
    staleTime: 60_000,
    retry: false,
  });
  return {
    isPending: query.isPending,
    decide(action: KubeAction): ActionDecision {
      const review = query.data?.[action];
      if (!review) return { allowed: undefined };
      return review.allowed
        ? { allowed: true }
        : { allowed: false, reason: review.reason ?? `may not ${review.verb} ${review.resource}` };
    },
  };
}
