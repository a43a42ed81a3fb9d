import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClusterRef,
  DeletePodRequest,
  DrainResult,
  KubeActionResult,
  RestartableKind,
  ScalableKind,
} from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';
import { k8sApi } from './workloads.ts';

/** The plural a workload kind has in action URLs; undefined for kinds without these actions. */
export function actionKindOf(kind: string): RestartableKind | undefined {
  switch (kind) {
    case 'Deployment':
      return 'deployments';
    case 'StatefulSet':
      return 'statefulsets';
    case 'DaemonSet':
      return 'daemonsets';
    default:
      return undefined;
  }
}
export const isScalable = (kind: RestartableKind): kind is ScalableKind => kind !== 'daemonsets';

/** A Kubernetes change; on success every read of the cluster's Kubernetes refreshes. */
function useKubeChange<TBody, TResult = KubeActionResult>(
  ref: ClusterRef,
  send: (body: TBody) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.k8s.cluster(ref) }),
  });
}

export function useRestartWorkload(
  ref: ClusterRef,
  kind: RestartableKind,
  ns: string,
  name: string,
) {
  return useKubeChange(ref, () =>
    apiCall(e.restartWorkload, { params: { ...ref, kind, namespace: ns, workload: name } }),
  );
}

export function useScaleWorkload(ref: ClusterRef, kind: ScalableKind, ns: string, name: string) {
  return useKubeChange(ref, (replicas: number) =>
    apiCall(e.scaleWorkload, {
      params: { ...ref, kind, namespace: ns, workload: name },
      body: { replicas },
    }),
  );
}

/** The budgets a scale down to `replicas` would run into (only asked when it is a scale down). */
export function useScalePreview(
  ref: ClusterRef,
  kind: ScalableKind,
  ns: string,
  name: string,
  replicas: number | undefined,
) {
  return useQuery({
    queryKey: [...queryKeys.k8s.cluster(ref), 'scale-preview', kind, ns, name, replicas] as const,
    queryFn: ({ signal }) =>
      apiCall(e.scalePreview, {
        params: { ...ref, kind, namespace: ns, workload: name },
        query: { replicas: replicas ?? 0 },
        signal,
      }),
    enabled: replicas !== undefined,
  });
}

export function useDeletePod(ref: ClusterRef, ns: string, pod: string) {
  return useKubeChange(ref, (body: DeletePodRequest) =>
    apiCall(e.deletePod, { params: { ...ref, namespace: ns, pod }, body }),
  );
}

export type NodeAction = 'cordon' | 'uncordon' | 'drain';

export function useNodeAction(ref: ClusterRef, node: string, action: NodeAction) {
  const endpoint = { cordon: e.cordonNode, uncordon: e.uncordonNode, drain: e.drainNode }[action];
  return useKubeChange(ref, (): Promise<KubeActionResult | DrainResult> =>
    apiCall(endpoint, { params: { ...ref, node } }),
  );
}

export function useDrainPreview(ref: ClusterRef, node: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.k8s.cluster(ref), 'drain-preview', node] as const,
    queryFn: ({ signal }) => apiCall(e.drainPreview, { params: { ...ref, node }, signal }),
    enabled,
  });
}

/** The exec WebSocket's URL on this origin (the BFF checks session, role and Origin). */
export function podExecUrl(
  ref: ClusterRef,
  namespace: string,
  pod: string,
  container: string,
  command: string,
): string {
  const url = new URL(
    `${k8sApi(ref)}/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}/exec`,
    window.location.href,
  );
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('container', container);
  url.searchParams.set('command', command);
  return url.toString();
}
