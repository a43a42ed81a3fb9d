import type {
  AutoscalingView,
  ContainerDetail,
  PodDetail,
  ResourceNumbers,
  Vpa,
} from '@wheelhouse/contract';
import { KubeApiError, type KubeClient } from '../../upstream/kubeClient.ts';
import type { KubeList, Pod, VpaObject, VpaResources } from './kubeTypes.ts';
import { cpuMillis, parseQuantity } from './quantity.ts';

/** Where VerticalPodAutoscalers are listed (all namespaces); `scoped()` narrows it to one. */
export const VPA_PATH = '/apis/autoscaling.k8s.io/v1/verticalpodautoscalers';

/** The VPAs of a cluster as far as it would tell: none installed, or refused, is not a failure. */
export type VpaListing = Pick<
  AutoscalingView,
  'verticalAutoscalers' | 'vpaInstalled' | 'verticalAutoscalersHidden'
> & { objects: VpaObject[] };

/**
 * Lists VPAs, answering 404 (no VPA CRD on the cluster, which EKS does not install) as "not
 * installed" and any other refusal (403: the person's RBAC, or the console's access policy, leaves
 * CRDs out) as hidden with the cluster's reason, so none takes the HPAs or the pod down with it.
 */
export async function listVpas(
  list: () => Promise<KubeList<VpaObject>>,
  explainRefusal: (error: KubeApiError) => string = (error) => error.message,
): Promise<VpaListing> {
  try {
    const objects = (await list()).items;
    return { objects, verticalAutoscalers: objects.map(toVpa), vpaInstalled: true };
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    if (error.status === 404) return { objects: [], verticalAutoscalers: [], vpaInstalled: false };
    return {
      objects: [],
      verticalAutoscalers: [],
      vpaInstalled: true,
      verticalAutoscalersHidden: explainRefusal(error),
    };
  }
}

const numbers = (resources: VpaResources | undefined): ResourceNumbers => {
  const cpu = resources?.cpu !== undefined ? cpuMillis(resources.cpu) : Number.NaN;
  const memory = resources?.memory !== undefined ? parseQuantity(resources.memory) : Number.NaN;
  return {
    ...(Number.isFinite(cpu) ? { cpuMillis: cpu } : {}),
    ...(Number.isFinite(memory) ? { memoryBytes: Math.round(memory) } : {}),
  };
};

// The recommender's default mode when a VPA names none.
const updateModeOf = (vpa: VpaObject) => vpa.spec?.updatePolicy?.updateMode ?? 'Auto';

export function toVpa(vpa: VpaObject): Vpa {
  const ref = vpa.spec?.targetRef;
  return {
    namespace: vpa.metadata.namespace ?? 'default',
    name: vpa.metadata.name,
    target: { kind: ref?.kind ?? '', name: ref?.name ?? '' },
    updateMode: updateModeOf(vpa),
    provided:
      vpa.status?.conditions?.some(
        (c) => c.type === 'RecommendationProvided' && c.status === 'True',
      ) ?? false,
    containers: (vpa.status?.recommendation?.containerRecommendations ?? []).map((r) => ({
      container: r.containerName ?? '',
      target: numbers(r.target),
      lowerBound: numbers(r.lowerBound),
      upperBound: numbers(r.upperBound),
      // Older recommenders leave it out when nothing capped the target.
      uncappedTarget: numbers(r.uncappedTarget ?? r.target),
    })),
    ...(vpa.metadata.creationTimestamp ? { createdAt: vpa.metadata.creationTimestamp } : {}),
  };
}

/**
 * The workload a pod belongs to, as a VPA's targetRef names it: its controller owner, or the
 * Deployment that owns its ReplicaSet. When the ReplicaSet may not be read, its name less the
 * pod-template-hash is the Deployment's, as the Deployment controller names ReplicaSets.
 */
export async function workloadOfPod(
  client: KubeClient,
  pod: Pod,
): Promise<{ kind: string; name: string } | undefined> {
  const owner =
    pod.metadata.ownerReferences?.find((reference) => reference.controller) ??
    pod.metadata.ownerReferences?.[0];
  if (!owner) return undefined;
  if (owner.kind !== 'ReplicaSet') return { kind: owner.kind, name: owner.name };
  const namespace = encodeURIComponent(pod.metadata.namespace ?? 'default');
  try {
    const replicaSet = await client.get<{ metadata: Pod['metadata'] }>(
      `/apis/apps/v1/namespaces/${namespace}/replicasets/${encodeURIComponent(owner.name)}`,
    );
    const parent = replicaSet.metadata.ownerReferences?.find((reference) => reference.controller);
    return parent
      ? { kind: parent.kind, name: parent.name }
      : { kind: 'ReplicaSet', name: owner.name };
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    const hash = pod.metadata.labels?.['pod-template-hash'];
    return hash && owner.name.endsWith(`-${hash}`)
      ? { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) }
      : undefined;
  }
}

/** The pod's containers with the recommendation of the VPA over its workload, where it made one. */
export function withRecommendations(
  detail: PodDetail,
  vpas: VpaObject[],
  workload: { kind: string; name: string } | undefined,
): PodDetail {
  if (!workload) return detail;
  const vpa = vpas.find(
    (candidate) =>
      candidate.spec?.targetRef?.kind === workload.kind &&
      candidate.spec.targetRef.name === workload.name,
  );
  if (!vpa) return detail;
  const mapped = toVpa(vpa);
  const recommend = (container: ContainerDetail): ContainerDetail => {
    const found = mapped.containers.find((entry) => entry.container === container.name);
    if (container.init || !found) return container;
    return {
      ...container,
      recommendation: {
        vpa: mapped.name,
        updateMode: mapped.updateMode,
        target: found.target,
        lowerBound: found.lowerBound,
        upperBound: found.upperBound,
        uncappedTarget: found.uncappedTarget,
        requested: numbers(container.requests),
      },
    };
  };
  return { ...detail, containerDetails: detail.containerDetails.map(recommend) };
}
