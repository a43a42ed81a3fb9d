import { kubeTime } from '../objects/meta.ts';
import type { Condition, ContainerStatus, Pod } from '../objects/types.ts';
import { imageDigest } from './imageCatalog.ts';

/** Pod status bookkeeping shared by the kubelet and its warm start. */

export function setCondition(
  pod: Pod,
  type: string,
  status: Condition['status'],
  at: Date,
  reason?: string,
  message?: string,
): void {
  const conditions = (pod.status.conditions ??= []);
  const existing = conditions.find((condition) => condition.type === type);
  const next: Condition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime:
      existing && existing.status === status ? existing.lastTransitionTime : kubeTime(at),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
  if (existing) conditions[conditions.indexOf(existing)] = next;
  else conditions.push(next);
}

export function waitingStatus(
  name: string,
  image: string,
  reason: string,
  message?: string,
): ContainerStatus {
  return {
    name,
    image,
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
    lastState: {},
  };
}

export function runningState(
  status: ContainerStatus,
  image: string,
  startedAt: Date,
  containerId: string,
): void {
  status.state = { running: { startedAt: kubeTime(startedAt) } };
  status.started = true;
  status.imageID = imageDigest(image);
  status.containerID = `containerd://${containerId}`;
}

/** Derives phase and the Ready / ContainersReady conditions from the container statuses. */
export function recomputePod(pod: Pod, at: Date): void {
  const statuses = pod.status.containerStatuses ?? [];
  const restartAlways = (pod.spec.restartPolicy ?? 'Always') === 'Always';
  const allTerminated = statuses.length > 0 && statuses.every((status) => status.state.terminated);
  if (!restartAlways && allTerminated) {
    const failed = statuses.some((status) => status.state.terminated!.exitCode !== 0);
    pod.status.phase = failed ? 'Failed' : 'Succeeded';
    for (const status of statuses) status.ready = false;
    setCondition(pod, 'ContainersReady', 'False', at, 'PodCompleted');
    setCondition(pod, 'Ready', 'False', at, 'PodCompleted');
    return;
  }
  const started = statuses.some(
    (status) => status.state.running || status.lastState.terminated || status.state.terminated,
  );
  if (started || pod.status.phase === 'Running') pod.status.phase = 'Running';
  const unready = statuses.filter((status) => !status.ready).map((status) => status.name);
  if (unready.length === 0 && statuses.length > 0) {
    setCondition(pod, 'ContainersReady', 'True', at);
    setCondition(pod, 'Ready', 'True', at);
  } else {
    const message = `containers with unready status: [${unready.join(' ')}]`;
    setCondition(pod, 'ContainersReady', 'False', at, 'ContainersNotReady', message);
    setCondition(pod, 'Ready', 'False', at, 'ContainersNotReady', message);
  }
}

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** A pod that still counts for its controller: not terminating and not finished. */
export function isPodActive(pod: Pod): boolean {
  return (
    !pod.metadata.deletionTimestamp &&
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed'
  );
}

/** The IP the node reports (pods on the host network, and Fargate pods, share it). */
export function internalIpOf(node: {
  status: { addresses: Array<{ type: string; address: string }> };
}): string | undefined {
  return node.status.addresses.find((address) => address.type === 'InternalIP')?.address;
}
