import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssociateAccessPolicyRequest,
  AssociateIdentityProviderRequest,
  ChangeResult,
  ClusterAccess,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateAccessEntryRequest,
  CreatePodIdentityRequest,
  UpdatePodIdentityRequest,
  WhoCanAnswer,
  WhoCanQuery,
} from '@wheelhouse/contract';
import { apiFetch } from './client.ts';
import { clusterPath } from './clusters.ts';
import { queryKeys } from './queryKeys.ts';

const clusterApi = (ref: ClusterRef) => `/api/clusters/${clusterPath(ref)}`;
const entryApi = (ref: ClusterRef, principalArn: string) =>
  `${clusterApi(ref)}/access-entries/${encodeURIComponent(principalArn)}`;

export const clusterAccessQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.access.cluster(ref),
    queryFn: ({ signal }) =>
      apiFetch<ClusterAccess>(`${clusterApi(ref)}/access`, { signal, schema: 'ClusterAccess' }),
  });

/** Access entries with their policies, OIDC providers and Pod Identity associations of one cluster. */
export function useClusterAccess(ref: ClusterRef) {
  return useQuery(clusterAccessQueryOptions(ref));
}

/** "Who can <verb> <resource> in <namespace>?"; asks only once a question is set. */
export function useWhoCan(ref: ClusterRef, query: WhoCanQuery | undefined) {
  return useQuery({
    queryKey: queryKeys.access.whoCan(ref, query ?? { verb: '', resource: '' }),
    queryFn: ({ signal }) =>
      apiFetch<WhoCanAnswer>(
        `${clusterApi(ref)}/access/who-can?${new URLSearchParams(
          Object.entries(query!).filter((pair): pair is [string, string] => pair[1] !== undefined),
        )}`,
        { signal, schema: 'WhoCanAnswer' },
      ),
    enabled: query !== undefined,
  });
}

/** One Access change; afterwards everything the tab read of this cluster is stale. */
function useAccessChange<TBody>(
  ref: ClusterRef,
  method: 'POST' | 'DELETE',
  pathOf: (body: TBody) => string,
  bodyOf: (body: TBody) => unknown = (body) => body,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      apiFetch<ChangeResult>(pathOf(body), { method, body: bodyOf(body), schema: 'ChangeResult' }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.access.cluster(ref) }),
  });
}

export const useCreateAccessEntry = (ref: ClusterRef) =>
  useAccessChange<CreateAccessEntryRequest>(ref, 'POST', () => `${clusterApi(ref)}/access-entries`);

export const useDeleteAccessEntry = (ref: ClusterRef, principalArn: string) =>
  useAccessChange<ConfirmDeleteRequest>(ref, 'DELETE', () => entryApi(ref, principalArn));

export const useAssociateAccessPolicy = (ref: ClusterRef, principalArn: string) =>
  useAccessChange<AssociateAccessPolicyRequest>(
    ref,
    'POST',
    () => `${entryApi(ref, principalArn)}/policies`,
  );

export const useDisassociateAccessPolicy = (ref: ClusterRef) =>
  useAccessChange<{ principalArn: string; policyArn: string }>(
    ref,
    'DELETE',
    ({ principalArn, policyArn }) =>
      `${entryApi(ref, principalArn)}/policies/${encodeURIComponent(policyArn)}`,
    () => ({}),
  );

export const useAssociateIdentityProvider = (ref: ClusterRef) =>
  useAccessChange<AssociateIdentityProviderRequest>(
    ref,
    'POST',
    () => `${clusterApi(ref)}/identity-providers`,
  );

export const useDisassociateIdentityProvider = (ref: ClusterRef, name: string) =>
  useAccessChange<ConfirmDeleteRequest>(
    ref,
    'DELETE',
    () => `${clusterApi(ref)}/identity-providers/${encodeURIComponent(name)}`,
  );

export const useCreatePodIdentity = (ref: ClusterRef) =>
  useAccessChange<CreatePodIdentityRequest>(
    ref,
    'POST',
    () => `${clusterApi(ref)}/pod-identity-associations`,
  );

export const useDeletePodIdentity = (ref: ClusterRef, associationId: string) =>
  useAccessChange<ConfirmDeleteRequest>(
    ref,
    'DELETE',
    () => `${clusterApi(ref)}/pod-identity-associations/${encodeURIComponent(associationId)}`,
  );

export const useUpdatePodIdentity = (ref: ClusterRef, associationId: string) =>
  useAccessChange<UpdatePodIdentityRequest>(
    ref,
    'POST',
    () => `${clusterApi(ref)}/pod-identity-associations/${encodeURIComponent(associationId)}`,
  );
