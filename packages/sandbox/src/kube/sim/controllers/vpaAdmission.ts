import { controllerOf } from '../../objects/meta.ts';
import type { ObjectStore } from '../../objects/objectStore.ts';
import { cpuMillis, formatMillis, memoryBytes } from '../../objects/quantities.ts';
import type {
  Container,
  KubeObject,
  Pod,
  ResourceList,
  VerticalPodAutoscaler,
} from '../../objects/types.ts';
import { formatMemory, policyFor } from './vpaRecommendation.ts';

/**
 * The VPA's admission controller and the updater's test of a pod: a pod created for a workload
 * whose VPA may change requests (any mode but Off) gets each controlled container's requests set
 * to the recommendation's target, its limits scaled in proportion (controlledValues
 * RequestsAndLimits, the default), and the `vpaUpdates` annotation that says so.
 */

const PLURAL = 'verticalpodautoscalers';
type ContainerRecommendation = NonNullable<
  VerticalPodAutoscaler['status']['recommendation']
>['containerRecommendations'][number];

/** The workload a pod belongs to: its controller, or the Deployment over its ReplicaSet. */
export function workloadOf(
  store: ObjectStore,
  pod: Pod,
): { kind: string; name: string } | undefined {
  const owner = controllerOf(pod);
  if (!owner) return undefined;
  if (owner.kind !== 'ReplicaSet') return { kind: owner.kind, name: owner.name };
  const replicaSet = store.get<KubeObject>('replicasets', pod.metadata.namespace, owner.name);
  const deployment = replicaSet && controllerOf(replicaSet);
  return deployment?.kind === 'Deployment'
    ? { kind: 'Deployment', name: deployment.name }
    : { kind: owner.kind, name: owner.name };
}

/** The VPA over a workload that sets its pods' requests, once it has recommended. */
export function applyingVpa(
  store: ObjectStore,
  namespace: string | undefined,
  workload: { kind: string; name: string },
): VerticalPodAutoscaler | undefined {
  return store
    .all<VerticalPodAutoscaler>(PLURAL, namespace)
    .find(
      (vpa) =>
        vpa.spec.targetRef.kind === workload.kind &&
        vpa.spec.targetRef.name === workload.name &&
        (vpa.spec.updatePolicy?.updateMode ?? 'Auto') !== 'Off' &&
        vpa.status.recommendation !== undefined,
    );
}

/** The recommendation a container's requests follow, with the resources its policy controls. */
function controlled(
  vpa: VerticalPodAutoscaler,
  container: Container,
): { recommendation: ContainerRecommendation; resources: ('cpu' | 'memory')[] } | undefined {
  const policy = policyFor(vpa, container.name);
  if (policy?.mode === 'Off') return undefined;
  const recommendation = vpa.status.recommendation?.containerRecommendations.find(
    (candidate) => candidate.containerName === container.name,
  );
  if (!recommendation) return undefined;
  return { recommendation, resources: policy?.controlledResources ?? ['cpu', 'memory'] };
}

const amount = (resource: 'cpu' | 'memory', quantity: string | undefined) =>
  resource === 'cpu' ? cpuMillis(quantity) : memoryBytes(quantity);
const format = (resource: 'cpu' | 'memory', value: number) =>
  resource === 'cpu' ? formatMillis(Math.round(value)) : formatMemory(Math.round(value));

/** Sets the pod's requests from its workload's VPA as it is admitted (mutates the new pod). */
export function admitVpa(store: ObjectStore, pod: Pod): void {
  const workload = workloadOf(store, pod);
  const vpa = workload && applyingVpa(store, pod.metadata.namespace, workload);
  if (!vpa) return;
  const updates: string[] = [];
  pod.spec.containers.forEach((container, index) => {
    const control = controlled(vpa, container);
    if (!control) return;
    const requests: ResourceList = { ...container.resources?.requests };
    const limits: ResourceList | undefined = container.resources?.limits && {
      ...container.resources.limits,
    };
    const changed: string[] = [];
    for (const resource of control.resources) {
      const target = control.recommendation.target[resource];
      if (!target) continue;
      const before = amount(resource, requests[resource]);
      const after = amount(resource, target);
      requests[resource] = target;
      changed.push(`${resource} request`);
      const limit = limits?.[resource];
      if (limits && limit && before > 0) {
        limits[resource] = format(resource, (amount(resource, limit) * after) / before);
        changed.push(`${resource} limit`);
      }
    }
    if (changed.length === 0) return;
    container.resources = { ...container.resources, requests, ...(limits ? { limits } : {}) };
    updates.push(`container ${index}: ${changed.join(', ')}`);
  });
  if (updates.length === 0) return;
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    vpaUpdates: `Pod resources updated by ${vpa.metadata.name}: ${updates.join('; ')}`,
    vpaObservedContainers: pod.spec.containers.map((container) => container.name).join(', '),
  };
}

/**
 * Whether the updater would evict the pod to apply the recommendation: a controlled request
 * outside the recommendation's [lowerBound, upperBound] (the updater's own test of a pod that is
 * not yet twelve hours old; older pods it also moves for a large change, which bounds cover here).
 */
export function outsideRecommendation(vpa: VerticalPodAutoscaler, pod: Pod): boolean {
  return pod.spec.containers.some((container) => {
    const control = controlled(vpa, container);
    if (!control) return false;
    const { lowerBound, upperBound } = control.recommendation;
    return control.resources.some((resource) => {
      const request = amount(resource, container.resources?.requests?.[resource]);
      const lower = lowerBound[resource];
      const upper = upperBound[resource];
      return (
        (lower !== undefined && request < amount(resource, lower)) ||
        (upper !== undefined && request > amount(resource, upper))
      );
    });
  });
}
