import type { ClusterRef } from '@wheelhouse/contract';

/** The audit filters a list query depends on (the URL's `?user=&action=…`, paging aside). */
export interface AuditKeyFilters {
  user?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

const computeOf = (ref: ClusterRef) => ['compute', ref.accountId, ref.region, ref.name] as const;

/**
 * The one query-key factory. Keys are arrays holding every variable their query uses, from broad to
 * narrow, so invalidating a prefix (e.g. `queryKeys.clusters.all()`) refreshes everything below it.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  sources: () => ['sources'] as const,
  clusters: {
    all: () => ['clusters'] as const,
    list: () => ['clusters', 'list'] as const,
    detail: (ref: ClusterRef) =>
      ['clusters', 'detail', ref.accountId, ref.region, ref.name] as const,
  },
  /** Node groups, self-managed groups and Fargate profiles; `cluster(ref)` is the prefix of all. */
  compute: {
    cluster: computeOf,
    overview: (ref: ClusterRef) => [...computeOf(ref), 'overview'] as const,
    nodegroup: (ref: ClusterRef, nodegroup: string) =>
      [...computeOf(ref), 'nodegroup', nodegroup] as const,
    fargateMatch: (ref: ClusterRef, namespace: string, labels: Record<string, string>) =>
      [...computeOf(ref), 'fargate-match', namespace, labels] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    list: (filters: AuditKeyFilters) => ['audit', 'list', filters] as const,
  },
};
