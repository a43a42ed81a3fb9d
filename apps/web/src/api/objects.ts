import { useQuery } from '@tanstack/react-query';
import type { ClusterRef, EventsQuery, ObjectResource } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** How often an open object or the events view reads again: events and owners change as pods roll. */
export const OBJECT_POLL_MS = 5_000;

/** One object's YAML, events, owners and children; `namespace` undefined for nodes. */
export function useObjectDetail(
  ref: ClusterRef,
  resource: ObjectResource,
  namespace: string | undefined,
  name: string,
) {
  const { accountId, region, name: cluster } = ref;
  return useQuery({
    queryKey: queryKeys.k8s.object(ref, resource, namespace ?? '', name),
    queryFn: ({ signal }) =>
      namespace
        ? apiCall(e.namespacedObject, {
            params: { accountId, region, name: cluster, resource, namespace, object: name },
            signal,
          })
        : apiCall(e.clusterObject, {
            params: { accountId, region, name: cluster, resource, object: name },
            signal,
          }),
    refetchInterval: OBJECT_POLL_MS,
  });
}

export interface EventFilters {
  namespace: string;
  kind: string;
  reason: string;
  type: EventsQuery['type'];
}

/** The cluster's events (Warning by default), read again every few seconds while the view is open. */
export function useClusterEvents(ref: ClusterRef, filters: EventFilters) {
  const { accountId, region, name } = ref;
  return useQuery({
    queryKey: queryKeys.k8s.events(ref, filters),
    queryFn: ({ signal }) =>
      apiCall(e.clusterEvents, {
        params: { accountId, region, name },
        query: {
          type: filters.type,
          ...(filters.namespace ? { namespace: filters.namespace } : {}),
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.reason ? { reason: filters.reason } : {}),
        },
        signal,
      }),
    refetchInterval: OBJECT_POLL_MS,
    placeholderData: (previous) => previous,
  });
}
