import { useQuery } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** A cluster's EKS insights and whether it can move to the next Kubernetes version. */
export function useClusterInsights(ref: ClusterRef) {
  return useQuery({
    queryKey: queryKeys.insights.cluster(ref),
    queryFn: ({ signal }) =>
      apiCall(e.clusterInsights, {
        params: { accountId: ref.accountId, region: ref.region, name: ref.name },
        signal,
      }),
    // EKS refreshes insights about once a day: a minute old is fresh enough.
    staleTime: 60_000,
  });
}

/** Every EKS cluster's upgrade readiness. */
export function useFleetInsights() {
  return useQuery({
    queryKey: queryKeys.insights.fleet(),
    queryFn: ({ signal }) => apiCall(e.fleetInsights, { signal }),
    staleTime: 60_000,
  });
}
