import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

// Posture reads every cluster's configuration: worth a minute of cache, not a refresh per focus.
const POSTURE_STALE_MS = 60_000;

export const fleetPostureQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.posture.fleet(),
    queryFn: ({ signal }) => apiCall(e.fleetPosture, { signal }),
    staleTime: POSTURE_STALE_MS,
  });

/** Findings and scores of every EKS cluster in the fleet. */
export function useFleetPosture() {
  return useQuery(fleetPostureQueryOptions());
}

/** Findings and the score of one cluster. */
export function useClusterPosture(ref: ClusterRef) {
  return useQuery({
    queryKey: queryKeys.posture.cluster(ref),
    queryFn: ({ signal }) =>
      apiCall(e.clusterPosture, {
        params: { accountId: ref.accountId, region: ref.region, name: ref.name },
        signal,
      }),
    staleTime: POSTURE_STALE_MS,
  });
}
