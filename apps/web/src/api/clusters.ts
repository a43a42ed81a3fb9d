import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** How often cluster data refreshes in the background while the page is visible. */
export const CLUSTERS_REFRESH_MS = 30_000;
/** While a cluster is changing state (creating, updating, waiting for its connector agent) it is watched closely. */
export const CLUSTER_CHANGING_REFRESH_MS = 5_000;
const SETTLED = new Set(['ACTIVE', 'FAILED']);

export const clustersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.clusters.list(),
    queryFn: ({ signal }) => apiCall(e.listClusters, { signal }),
    refetchInterval: CLUSTERS_REFRESH_MS,
  });

/** The path of one cluster, with each segment escaped. */
export function clusterPath(ref: ClusterRef): string {
  return [ref.accountId, ref.region, ref.name].map(encodeURIComponent).join('/');
}

export const clusterQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.clusters.detail(ref),
    queryFn: ({ signal }) => apiCall(e.getCluster, { params: ref, signal }),
    refetchInterval: (query) =>
      query.state.data && !SETTLED.has(query.state.data.status)
        ? CLUSTER_CHANGING_REFRESH_MS
        : CLUSTERS_REFRESH_MS,
  });

/** Every cluster across accounts and regions, plus the sources that could not be read. */
export function useClusters() {
  return useQuery(clustersQueryOptions());
}

export function useCluster(ref: ClusterRef) {
  return useQuery(clusterQueryOptions(ref));
}
