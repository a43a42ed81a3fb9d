import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ChangeResult, ClusterRef, ClusterUpdates } from '@wheelhouse/contract';
import { endpoints as e, type BodyOf } from '@wheelhouse/contract/endpoints';
import { apiCall, type CallInput } from './client.ts';
import { CLUSTERS_REFRESH_MS } from './clusters.ts';
import { queryKeys } from './queryKeys.ts';

/** While an update runs, the Updates tab asks this often, so progress shows as it happens. */
export const UPDATES_BUSY_POLL_MS = 2_500;

/** True while at least one of the updates is still running. */
export function hasUpdateInProgress(updates: ClusterUpdates | undefined): boolean {
  return updates?.items.some((update) => update.status === 'InProgress') ?? false;
}

/** Poll fast while an update runs, calmly otherwise. */
export function updatesRefetchInterval(updates: ClusterUpdates | undefined): number {
  return hasUpdateInProgress(updates) ? UPDATES_BUSY_POLL_MS : CLUSTERS_REFRESH_MS;
}

export const versionsQueryOptions = (accountId: string, region: string) =>
  queryOptions({
    queryKey: queryKeys.versions(accountId, region),
    queryFn: ({ signal }) => apiCall(e.listVersions, { query: { accountId, region }, signal }),
    // EKS adds versions a few times a year.
    staleTime: 10 * 60_000,
  });

/** The Kubernetes versions EKS offers for new clusters, newest first; waits for account and region. */
export function useKubernetesVersions(accountId: string, region: string) {
  return useQuery({ ...versionsQueryOptions(accountId, region), enabled: !!accountId && !!region });
}

export const upgradePlanQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.clusters.upgradePlan(ref),
    queryFn: ({ signal }) => apiCall(e.upgradePlan, { params: ref, signal }),
    // Always read it fresh when the dialog opens: node groups may have moved since.
    staleTime: 0,
  });

export function useUpgradePlan(ref: ClusterRef) {
  return useQuery(upgradePlanQueryOptions(ref));
}

export const clusterUpdatesQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.clusters.updates(ref),
    queryFn: ({ signal }) => apiCall(e.clusterUpdates, { params: ref, signal }),
    refetchInterval: (query) => updatesRefetchInterval(query.state.data),
  });

/** The EKS updates of a cluster (version, logging, endpoint access…), polled while one runs. */
export function useClusterUpdates(ref: ClusterRef) {
  return useQuery(clusterUpdatesQueryOptions(ref));
}

/** After a change, everything read about clusters (list, detail, updates) and the dashboard is stale. */
function afterClusterChange(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.clusters.all() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.fleet() });
}

/** The declared change endpoints of one cluster (each answers a ChangeResult). */
type ClusterChange =
  | typeof e.updateClusterVersion
  | typeof e.updateLogging
  | typeof e.updateEndpointAccess
  | typeof e.updateClusterTags
  | typeof e.deleteCluster;

/** One change of one cluster, with `body`; afterwards everything read about clusters is refetched. */
function useClusterChange<E extends ClusterChange>(ref: ClusterRef, endpoint: E) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<E>): Promise<ChangeResult> =>
      apiCall(endpoint, { params: ref, body } as unknown as CallInput<E>) as Promise<ChangeResult>,
    onSuccess: () => afterClusterChange(queryClient),
  });
}

/** POST /api/clusters: EKS answers at once and the cluster shows CREATING. */
export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof e.createCluster>) => apiCall(e.createCluster, { body }),
    onSuccess: () => afterClusterChange(queryClient),
  });
}

/** One minor version up (EKS allows no more). */
export const useUpdateClusterVersion = (ref: ClusterRef) =>
  useClusterChange(ref, e.updateClusterVersion);

export const useUpdateLogging = (ref: ClusterRef) => useClusterChange(ref, e.updateLogging);

export const useUpdateEndpointAccess = (ref: ClusterRef) =>
  useClusterChange(ref, e.updateEndpointAccess);

export const useUpdateClusterTags = (ref: ClusterRef) => useClusterChange(ref, e.updateClusterTags);

/** EKS refuses while node groups or Fargate profiles remain (ResourceInUseException). */
export const useDeleteCluster = (ref: ClusterRef) => useClusterChange(ref, e.deleteCluster);
