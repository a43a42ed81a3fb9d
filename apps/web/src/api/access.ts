import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssociateAccessPolicyRequest,
  AssociateIdentityProviderRequest,
  ChangeResult,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateAccessEntryRequest,
  CreatePodIdentityRequest,
  UpdatePodIdentityRequest,
  WhoCanQuery,
} from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

export const clusterAccessQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.access.cluster(ref),
    queryFn: ({ signal }) => apiCall(e.clusterAccess, { params: ref, signal }),
  });

/** Access entries with their policies, OIDC providers and Pod Identity associations of one cluster. */
export function useClusterAccess(ref: ClusterRef) {
  return useQuery(clusterAccessQueryOptions(ref));
}

/** "Who can <verb> <resource> in <namespace>?"; asks only once a question is set. */
export function useWhoCan(ref: ClusterRef, query: WhoCanQuery | undefined) {
  return useQuery({
    queryKey: queryKeys.access.whoCan(ref, query ?? { verb: '', resource: '' }),
    queryFn: ({ signal }) => apiCall(e.whoCan, { params: ref, query: query!, signal }),
    enabled: query !== undefined,
  });
}

/** One Access change; afterwards everything the tab read of this cluster is stale. */
function useAccessChange<TBody>(ref: ClusterRef, send: (body: TBody) => Promise<ChangeResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.access.cluster(ref) }),
  });
}

export const useCreateAccessEntry = (ref: ClusterRef) =>
  useAccessChange(ref, (body: CreateAccessEntryRequest) =>
    apiCall(e.createAccessEntry, { params: ref, body }),
  );

export const useDeleteAccessEntry = (ref: ClusterRef, principalArn: string) =>
  useAccessChange(ref, (body: ConfirmDeleteRequest) =>
    apiCall(e.deleteAccessEntry, { params: { ...ref, principalArn }, body }),
  );

export const useAssociateAccessPolicy = (ref: ClusterRef, principalArn: string) =>
  useAccessChange(ref, (body: AssociateAccessPolicyRequest) =>
    apiCall(e.associateAccessPolicy, { params: { ...ref, principalArn }, body }),
  );

export const useDisassociateAccessPolicy = (ref: ClusterRef) =>
  useAccessChange(ref, ({ principalArn, policyArn }: { principalArn: string; policyArn: string }) =>
    apiCall(e.disassociateAccessPolicy, { params: { ...ref, principalArn, policyArn } }),
  );

export const useAssociateIdentityProvider = (ref: ClusterRef) =>
  useAccessChange(ref, (body: AssociateIdentityProviderRequest) =>
    apiCall(e.associateIdentityProvider, { params: ref, body }),
  );

export const useDisassociateIdentityProvider = (ref: ClusterRef, name: string) =>
  useAccessChange(ref, (body: ConfirmDeleteRequest) =>
    apiCall(e.disassociateIdentityProvider, { params: { ...ref, config: name }, body }),
  );

export const useCreatePodIdentity = (ref: ClusterRef) =>
  useAccessChange(ref, (body: CreatePodIdentityRequest) =>
    apiCall(e.createPodIdentity, { params: ref, body }),
  );

export const useDeletePodIdentity = (ref: ClusterRef, associationId: string) =>
  useAccessChange(ref, (body: ConfirmDeleteRequest) =>
    apiCall(e.deletePodIdentity, { params: { ...ref, associationId }, body }),
  );

export const useUpdatePodIdentity = (ref: ClusterRef, associationId: string) =>
  useAccessChange(ref, (body: UpdatePodIdentityRequest) =>
    apiCall(e.updatePodIdentity, { params: { ...ref, associationId }, body }),
  );
