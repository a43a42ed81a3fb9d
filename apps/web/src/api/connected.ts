import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterList, ClusterRef, ConfirmDeleteRequest } from '@wheelhouse/contract';
import { endpoints as e, type BodyOf } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { clustersQueryOptions } from './clusters.ts';
import { queryKeys } from './queryKeys.ts';

/** Only the clusters registered through EKS Connector, with the list's per-source errors. */
export function selectConnected(list: ClusterList): ClusterList {
  return { items: list.items.filter((cluster) => cluster.connected), errors: list.errors };
}

/** The connected clusters, read from the same (cached) cluster list as the clusters page. */
export function useConnectedClusters() {
  return useQuery({ ...clustersQueryOptions(), select: selectConnected });
}

/**
 * Registers an outside cluster. The answer holds the activation code, which EKS never returns again:
 * the caller shows it from the mutation's data and nowhere else (it is not put in the query cache).
 */
export function useRegisterCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof e.registerCluster>) => apiCall(e.registerCluster, { body }),
    // Drop the code from the mutation cache soon after the page that shows it goes away.
    gcTime: 0,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.clusters.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.fleet() });
    },
  });
}

export function useDeregisterCluster(ref: ClusterRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmDeleteRequest) => apiCall(e.deregisterCluster, { params: ref, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.clusters.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.fleet() });
    },
  });
}
