import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeResult,
  ClusterCompute,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateFargateProfileRequest,
  CreateNodegroupRequest,
  NodegroupDetail,
  ScaleNodegroupRequest,
  UpdateLabelsTaintsRequest,
  UpdateNodegroupVersionRequest,
} from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { clusterPath } from './clusters.ts';
import { queryKeys } from './queryKeys.ts';

/** Poll this often while something is changing, so progress shows as it happens. */
export const COMPUTE_BUSY_POLL_MS = 2_500;
/** Otherwise refresh calmly in the background. */
export const COMPUTE_IDLE_POLL_MS = 30_000;
export const NODEGROUP_IDLE_POLL_MS = 15_000;

const CHANGING = new Set(['CREATING', 'UPDATING', 'DELETING']);

/** True while a node group or Fargate profile of the cluster is being created, updated or deleted. */
export function computeIsChanging(compute: ClusterCompute): boolean {
  return (
    compute.nodegroups.some((ng) => CHANGING.has(ng.status)) ||
    compute.fargateProfiles.some((profile) => CHANGING.has(profile.status))
  );
}

/** True while the node group changes state or one of its EKS updates is in progress. */
export function nodegroupIsChanging(detail: NodegroupDetail): boolean {
  return (
    CHANGING.has(detail.nodegroup.status) ||
    detail.updates.some((update) => update.status === 'InProgress')
  );
}

/** The web path of a node group page. */
export function nodegroupPagePath(ref: ClusterRef, nodegroup: string): string {
  return `/clusters/${clusterPath(ref)}/nodegroups/${encodeURIComponent(nodegroup)}`;
}

export const computeQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.compute.overview(ref),
    queryFn: ({ signal }) => apiCall(e.getCompute, { params: ref, signal }),
    refetchInterval: (query) =>
      query.state.data && computeIsChanging(query.state.data)
        ? COMPUTE_BUSY_POLL_MS
        : COMPUTE_IDLE_POLL_MS,
  });

export const nodegroupQueryOptions = (ref: ClusterRef, nodegroup: string) =>
  queryOptions({
    queryKey: queryKeys.compute.nodegroup(ref, nodegroup),
    queryFn: ({ signal }) => apiCall(e.getNodegroup, { params: { ...ref, nodegroup }, signal }),
    refetchInterval: (query) =>
      query.state.data && nodegroupIsChanging(query.state.data)
        ? COMPUTE_BUSY_POLL_MS
        : NODEGROUP_IDLE_POLL_MS,
  });

/** `?namespace=ns&label=k=v&label=k2=v2`, as the BFF reads it. */
export function fargateMatchSearch(namespace: string, labels: Record<string, string>): string {
  const params = new URLSearchParams({ namespace });
  for (const [key, value] of Object.entries(labels)) params.append('label', `${key}=${value}`);
  return params.toString();
}

export const fargateMatchQueryOptions = (
  ref: ClusterRef,
  namespace: string,
  labels: Record<string, string>,
) =>
  queryOptions({
    queryKey: queryKeys.compute.fargateMatch(ref, namespace, labels),
    queryFn: ({ signal }) =>
      apiCall(e.fargateMatch, {
        params: ref,
        query: fargateMatchSearch(namespace, labels),
        signal,
      }),
  });

/** Node groups, self-managed groups and Fargate profiles of one cluster, plus what could not be read. */
export function useCompute(ref: ClusterRef) {
  return useQuery(computeQueryOptions(ref));
}

/** One node group with its instances and update history; polls fast while it changes. */
export function useNodegroup(ref: ClusterRef, nodegroup: string) {
  return useQuery(nodegroupQueryOptions(ref, nodegroup));
}

/** Which Fargate profile(s) a pod would get; `query` undefined until the user asks. */
export function useFargateMatch(
  ref: ClusterRef,
  query: { namespace: string; labels: Record<string, string> } | undefined,
) {
  return useQuery({
    ...fargateMatchQueryOptions(ref, query?.namespace ?? '', query?.labels ?? {}),
    enabled: query !== undefined,
  });
}

/**
 * A change to the cluster's compute: answers 202 with the EKS update (if any) and the audit id.
 * On success every compute query of the cluster is refetched, so the new state shows.
 */
function useComputeChange<TBody>(ref: ClusterRef, send: (body: TBody) => Promise<ChangeResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.compute.cluster(ref) }),
  });
}

export function useScaleNodegroup(ref: ClusterRef, nodegroup: string) {
  return useComputeChange(ref, (body: ScaleNodegroupRequest) =>
    apiCall(e.scaleNodegroup, { params: { ...ref, nodegroup }, body }),
  );
}

export function useUpdateLabelsTaints(ref: ClusterRef, nodegroup: string) {
  return useComputeChange(ref, (body: UpdateLabelsTaintsRequest) =>
    apiCall(e.updateLabelsTaints, { params: { ...ref, nodegroup }, body }),
  );
}

export function useUpdateNodegroupVersion(ref: ClusterRef, nodegroup: string) {
  return useComputeChange(ref, (body: UpdateNodegroupVersionRequest) =>
    apiCall(e.updateNodegroupVersion, { params: { ...ref, nodegroup }, body }),
  );
}

export function useDeleteNodegroup(ref: ClusterRef, nodegroup: string) {
  return useComputeChange(ref, (body: ConfirmDeleteRequest) =>
    apiCall(e.deleteNodegroup, { params: { ...ref, nodegroup }, body }),
  );
}

export function useCreateNodegroup(ref: ClusterRef) {
  return useComputeChange(ref, (body: CreateNodegroupRequest) =>
    apiCall(e.createNodegroup, { params: ref, body }),
  );
}

export function useCreateFargateProfile(ref: ClusterRef) {
  return useComputeChange(ref, (body: CreateFargateProfileRequest) =>
    apiCall(e.createFargateProfile, { params: ref, body }),
  );
}

export function useDeleteFargateProfile(ref: ClusterRef, profile: string) {
  return useComputeChange(ref, (body: ConfirmDeleteRequest) =>
    apiCall(e.deleteFargateProfile, { params: { ...ref, profile }, body }),
  );
}
