import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  ChangeResult,
  ClusterRef,
  ClusterUpdates,
  ConfirmDeleteRequest,
  CreateClusterRequest,
  KubernetesVersionOption,
  UpdateClusterVersionRequest,
  UpdateEndpointAccessRequest,
  UpdateLoggingRequest,
  UpdateTagsRequest,
  VersionUpgradePlan,
} from '@wheelhouse/contract';
import { apiFetch } from './client.ts';
import { CLUSTERS_REFRESH_MS, clusterPath } from './clusters.ts';
import { queryKeys } from './queryKeys.ts';

/** While an update runs, the Updates tab asks this often, so progress shows as it happens. */
export const UPDATES_BUSY_POLL_MS = 2_500;

const clusterApi = (ref: ClusterRef) => `/api/clusters/${clusterPath(ref)}`;

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
    queryFn: ({ signal }) =>
      apiFetch<KubernetesVersionOption[]>(
        `/api/versions?${new URLSearchParams({ accountId, region })}`,
        { signal },
      ),
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
    queryFn: ({ signal }) =>
      apiFetch<VersionUpgradePlan>(`${clusterApi(ref)}/upgrade-plan`, {
        signal,
        schema: 'VersionUpgradePlan',
      }),
    // Always read it fresh when the dialog opens: node groups may have moved since.
    staleTime: 0,
  });

export function useUpgradePlan(ref: ClusterRef) {
  return useQuery(upgradePlanQueryOptions(ref));
}

export const clusterUpdatesQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.clusters.updates(ref),
    queryFn: ({ signal }) =>
      apiFetch<ClusterUpdates>(`${clusterApi(ref)}/updates`, { signal, schema: 'ClusterUpdates' }),
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

/** One change of one cluster: `POST|DELETE /api/clusters/…/<action>` with `body`. */
function useClusterChange<TBody>(ref: ClusterRef, method: 'POST' | 'DELETE', suffix: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      apiFetch<ChangeResult>(`${clusterApi(ref)}${suffix}`, {
        method,
        body,
        schema: 'ChangeResult',
      }),
    onSuccess: () => afterClusterChange(queryClient),
  });
}

/** POST /api/clusters: EKS answers at once and the cluster shows CREATING. */
export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClusterRequest) =>
      apiFetch<ChangeResult>('/api/clusters', { method: 'POST', body, schema: 'ChangeResult' }),
    onSuccess: () => afterClusterChange(queryClient),
  });
}

/** One minor version up (EKS allows no more). */
export const useUpdateClusterVersion = (ref: ClusterRef) =>
  useClusterChange<UpdateClusterVersionRequest>(ref, 'POST', '/version');

export const useUpdateLogging = (ref: ClusterRef) =>
  useClusterChange<UpdateLoggingRequest>(ref, 'POST', '/logging');

export const useUpdateEndpointAccess = (ref: ClusterRef) =>
  useClusterChange<UpdateEndpointAccessRequest>(ref, 'POST', '/endpoint-access');

export const useUpdateClusterTags = (ref: ClusterRef) =>
  useClusterChange<UpdateTagsRequest>(ref, 'POST', '/tags');

/** EKS refuses while node groups or Fargate profiles remain (ResourceInUseException). */
export const useDeleteCluster = (ref: ClusterRef) =>
  useClusterChange<ConfirmDeleteRequest>(ref, 'DELETE', '');
