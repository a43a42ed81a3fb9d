import type { ClusterRef } from '@wheelhouse/contract';

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
};
