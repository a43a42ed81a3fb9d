import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';
import type { ClusterRef, PodList } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { ApiError, apiCall, readProblem } from './client.ts';
import { clusterPath } from './clusters.ts';
import { EMPTY_POD_LIST, appendPodPage } from './podList.ts';
import { queryKeys, type PodKeyFilters } from './queryKeys.ts';

/**
 * Pods per page. The first page is small so the first rows show after one quick response (the
 * BFF maps and the browser parses 100 pods, not 500); the pages after it double, up to the 2,000
 * (a page the BFF maps in one go stays small in its memory), because each page costs a round trip
 * and a render of the whole table: 30,000 pods come in 17 pages instead of 60. Kubernetes lets each page of a continued list ask for its own limit.
 */
export const FIRST_PODS_PAGE_SIZE = 100;
export const PODS_PAGE_SIZE = 500;
export const LARGEST_PODS_PAGE_SIZE = 2_000;

/** The limit of the list's `index`th page (from 0). */
export function podsPageSize(index: number): number {
  if (index === 0) return FIRST_PODS_PAGE_SIZE;
  return Math.min(PODS_PAGE_SIZE * 2 ** (index - 1), LARGEST_PODS_PAGE_SIZE);
}
export const WORKLOADS_POLL_MS = 5_000;
export const NODES_POLL_MS = 10_000;
export const POD_POLL_MS = 5_000;
const CALM_POLL_MS = 30_000;

/** The BFF's Kubernetes routes of one cluster. */
export const k8sApi = (ref: ClusterRef) => `/api/clusters/${clusterPath(ref)}/k8s`;

/** `?a=1&b=x` from the defined, non-empty values. */
function search(params: Record<string, string | number | boolean | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The web path of a pod page. */
export function podPagePath(ref: ClusterRef, namespace: string, pod: string): string {
  return `/clusters/${clusterPath(ref)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}`;
}

export const namespacesQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.k8s.namespaces(ref),
    queryFn: ({ signal }) => apiCall(e.listNamespaces, { params: ref, signal }),
    refetchInterval: CALM_POLL_MS,
  });

export const workloadsQueryOptions = (ref: ClusterRef, namespace: string) =>
  queryOptions({
    queryKey: queryKeys.k8s.workloads(ref, namespace),
    queryFn: ({ signal }) =>
      apiCall(e.listWorkloads, { params: ref, query: { namespace }, signal }),
    refetchInterval: WORKLOADS_POLL_MS,
  });

export const servicesQueryOptions = (ref: ClusterRef, namespace: string) =>
  queryOptions({
    queryKey: queryKeys.k8s.services(ref, namespace),
    queryFn: ({ signal }) => apiCall(e.listServices, { params: ref, query: { namespace }, signal }),
    refetchInterval: CALM_POLL_MS,
  });

export const nodesQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.k8s.nodes(ref),
    queryFn: ({ signal }) => apiCall(e.listNodes, { params: ref, signal }),
    refetchInterval: NODES_POLL_MS,
  });

/** What scaling a node group down drains: its pods and the PodDisruptionBudgets over them. */
export const nodegroupDisruptionQueryOptions = (ref: ClusterRef, nodegroup: string) =>
  queryOptions({
    queryKey: queryKeys.k8s.disruption(ref, nodegroup),
    queryFn: ({ signal }) =>
      apiCall(e.nodegroupDisruption, { params: { ...ref, nodegroup }, signal }),
    refetchInterval: NODES_POLL_MS,
  });

export const autoscalingQueryOptions = (ref: ClusterRef) =>
  queryOptions({
    queryKey: queryKeys.k8s.autoscaling(ref),
    queryFn: ({ signal }) => apiCall(e.autoscaling, { params: ref, signal }),
    refetchInterval: WORKLOADS_POLL_MS,
  });

const podApi = (ref: ClusterRef, namespace: string, pod: string) =>
  `${k8sApi(ref)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}`;

export const podQueryOptions = (ref: ClusterRef, namespace: string, pod: string) =>
  queryOptions({
    queryKey: queryKeys.k8s.pod(ref, namespace, pod),
    queryFn: ({ signal }) => apiCall(e.getPod, { params: { ...ref, namespace, pod }, signal }),
    refetchInterval: POD_POLL_MS,
  });

/** The pages of a pods list, one response at a time (Kubernetes limit/continue). */
export async function* podPages(
  ref: ClusterRef,
  filters: PodKeyFilters,
  signal: AbortSignal,
): AsyncGenerator<PodList> {
  let token: string | undefined;
  let index = 0;
  do {
    const limit = podsPageSize(index++);
    const page: PodList = await apiCall(e.listPods, {
      params: ref,
      // The filters' own encoding (empty values left out), as the pods key holds them.
      query: search({ ...filters, limit, continue: token }).slice(1),
      signal,
    });
    yield page;
    token = page.continue;
  } while (token && !signal.aborted);
}

/**
 * A pods list loaded page by page. The first load shows each page as it arrives (rows appear
 * after one response) and merges with watch events already written to the cache; a refetch
 * (after a watch `reset`) builds the new list aside and swaps it in whole, so rows never vanish
 * halfway. The watch keeps it current, so it never goes stale by time.
 */
export const podsQueryOptions = (ref: ClusterRef, filters: PodKeyFilters) =>
  queryOptions({
    queryKey: queryKeys.k8s.pods(ref, filters),
    queryFn: streamedQuery({
      streamFn: ({ signal }) => podPages(ref, filters, signal),
      reducer: appendPodPage,
      initialValue: EMPTY_POD_LIST,
      refetchMode: 'replace',
    }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // Thousands of rows: comparing them deeply on every watch batch costs more than it saves;
    // unchanged rows keep their identity anyway.
    structuralSharing: false,
  });

/** The SSE URL of a watch on the cluster's pods (optionally one namespace, from a list's version). */
export function podWatchUrl(ref: ClusterRef, namespace: string, resourceVersion: string): string {
  return `${k8sApi(ref)}/watch${search({ kind: 'pods', namespace, resourceVersion })}`;
}

export function nodeWatchUrl(ref: ClusterRef): string {
  return `${k8sApi(ref)}/watch${search({ kind: 'nodes' })}`;
}

/** What to read of a container's log. */
export interface PodLogRequest {
  container: string;
  tailLines: number;
  previous: boolean;
  follow: boolean;
  /** Lines prefixed with Kubernetes' RFC 3339 timestamps. */
  timestamps?: boolean;
}

export function podLogUrl(
  ref: ClusterRef,
  namespace: string,
  pod: string,
  request: PodLogRequest,
): string {
  return `${podApi(ref, namespace, pod)}/log${search({
    container: request.container,
    tailLines: request.tailLines,
    previous: request.previous,
    follow: request.follow,
    // Only when asked: the plain log's URL stays what it was.
    timestamps: request.timestamps || undefined,
  })}`;
}

/**
 * Reads a container's log and hands over the text as it arrives; with `follow` the response
 * stays open and this resolves only when the server ends it or `signal` aborts it. Throws
 * ApiError for a refused request (the problem+json body included).
 */
export async function streamPodLog(
  url: string,
  onText: (text: string) => void,
  signal: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'text/plain' },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, undefined, 'Cannot reach the Wheelhouse server. Check your connection.');
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (!response.body) {
    onText(await response.text());
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onText(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

export function useNamespaces(ref: ClusterRef) {
  return useQuery(namespacesQueryOptions(ref));
}

/** Deployments, StatefulSets, DaemonSets, Jobs and CronJobs; polls every 5 s. */
export function useWorkloads(ref: ClusterRef, namespace: string) {
  return useQuery(workloadsQueryOptions(ref, namespace));
}

export function useServices(ref: ClusterRef, namespace: string) {
  return useQuery(servicesQueryOptions(ref, namespace));
}

/** Nodes with allocatable vs requested resources; polls every 10 s (node watch events refetch sooner). */
export function useNodes(ref: ClusterRef) {
  return useQuery(nodesQueryOptions(ref));
}

export function useNodegroupDisruption(ref: ClusterRef, nodegroup: string) {
  return useQuery(nodegroupDisruptionQueryOptions(ref, nodegroup));
}

export function useAutoscaling(ref: ClusterRef) {
  return useQuery(autoscalingQueryOptions(ref));
}

/** One pod with containers, conditions and events; polls every 5 s. */
export function usePod(ref: ClusterRef, namespace: string, pod: string) {
  return useQuery(podQueryOptions(ref, namespace, pod));
}
