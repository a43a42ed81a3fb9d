import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeResult,
  ClusterAddons,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateAddonRequest,
  UpdateAddonRequest,
} from '@wheelhouse/contract';
import type { z } from 'zod';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

const TRANSITIONS = new Set(['CREATING', 'UPDATING', 'DELETING']);
const params = (ref: ClusterRef) => ({
  accountId: ref.accountId,
  region: ref.region,
  name: ref.name,
});

/** Whether any add-on of the answer is moving: then the tab polls until it settles. */
export const addonsInTransition = (data: ClusterAddons | undefined) =>
  data?.items.some((item) => TRANSITIONS.has(item.status)) ?? false;

/** A cluster's installed add-ons (polled every 3 s while one is CREATING, UPDATING or DELETING). */
export function useClusterAddons(ref: ClusterRef) {
  return useQuery({
    queryKey: queryKeys.addons.cluster(ref),
    queryFn: ({ signal }) => apiCall(e.clusterAddons, { params: params(ref), signal }),
    refetchInterval: (query) => (addonsInTransition(query.state.data) ? 3_000 : false),
  });
}

/** Every cluster's add-ons and the fleet's version drift. */
export function useFleetAddons() {
  return useQuery({
    queryKey: queryKeys.addons.fleet(),
    queryFn: ({ signal }) => apiCall(e.fleetAddons, { signal }),
    staleTime: 30_000,
  });
}

function useAddonChange<TBody>(send: (body: TBody) => Promise<ChangeResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.addons.all() }),
  });
}

export function useCreateAddon(ref: ClusterRef) {
  return useAddonChange((body: z.input<typeof CreateAddonRequest>) =>
    apiCall(e.createAddon, { params: params(ref), body }),
  );
}

export function useUpdateAddon(ref: ClusterRef, addon: string) {
  return useAddonChange((body: z.input<typeof UpdateAddonRequest>) =>
    apiCall(e.updateAddon, { params: { ...params(ref), addon }, body }),
  );
}

/** Removes an add-on; `preserve` keeps its Kubernetes objects running on the cluster. */
export function useDeleteAddon(ref: ClusterRef, addon: string, preserve: boolean) {
  return useAddonChange((body: ConfirmDeleteRequest) =>
    apiCall(e.deleteAddon, {
      params: { ...params(ref), addon },
      body: { ...body, preserve },
    }),
  );
}

/**
 * The configuration schema of one add-on build (the cluster's default build without `version`);
 * a build's schema never changes, so it is read once.
 */
export function useAddonConfiguration(
  ref: ClusterRef,
  addon: string | undefined,
  version: string | undefined,
) {
  return useQuery({
    queryKey: queryKeys.addons.configuration(ref, addon, version),
    queryFn: ({ signal }) =>
      apiCall(e.addonConfiguration, {
        params: { ...params(ref), addon: addon! },
        query: version ? { version } : {},
        signal,
      }),
    enabled: addon !== undefined && addon !== '',
    staleTime: Infinity,
  });
}
