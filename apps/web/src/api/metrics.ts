import { useQuery } from '@tanstack/react-query';
import type { ClusterRef } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** The BFF samples every 15 s; asking more often would only repeat its last sample. */
export const METRICS_POLL_MS = 15_000;

const params = (ref: ClusterRef) => ({
  accountId: ref.accountId,
  region: ref.region,
  name: ref.name,
});

/**
 * Each node's CPU and memory over `window`, refreshed every 15 s while the page is visible
 * (TanStack pauses the interval in a background tab); the last answer stays while the next loads.
 */
export function useNodeMetrics(ref: ClusterRef, window: string) {
  return useQuery({
    queryKey: queryKeys.k8s.nodeMetrics(ref, window),
    queryFn: ({ signal }) =>
      apiCall(e.nodeMetrics, { params: params(ref), query: { window }, signal }),
    refetchInterval: METRICS_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

/** Each pod's CPU and memory over `window` (in `namespace`, '' for all), refreshed like the nodes'. */
export function usePodMetrics(ref: ClusterRef, namespace: string, window: string) {
  return useQuery({
    queryKey: queryKeys.k8s.podMetrics(ref, namespace, window),
    queryFn: ({ signal }) =>
      apiCall(e.podMetrics, {
        params: params(ref),
        query: { window, ...(namespace ? { namespace } : {}) },
        signal,
      }),
    refetchInterval: METRICS_POLL_MS,
    placeholderData: (previous) => previous,
  });
}
