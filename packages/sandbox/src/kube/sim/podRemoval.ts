import { controllerOf, kubeTime } from '../objects/meta.ts';
import type { KubeObject, Node, Pod } from '../objects/types.ts';
import type { SimContext } from './simContext.ts';

/** How pods leave: gracefully (deletionTimestamp, then gone), or at once when their node is gone. */

const MAX_GRACE_MS = 5_000;

/** Marks the pod's controller for a reconcile (it may need a replacement). */
export function touchOwner(context: SimContext, object: KubeObject): void {
  const owner = controllerOf(object);
  if (owner) context.dirty.add(owner.uid);
}

export function removePodNow(context: SimContext, pod: Pod): void {
  context.store.remove('pods', pod.metadata.namespace, pod.metadata.name);
  context.logs.forgetPod(pod.metadata.uid);
  touchOwner(context, pod);
  context.markSchedulingChanged();
}

/**
 * Deletes a pod the way the API server and kubelet do: an unscheduled pod
 * goes at once; a scheduled one gets a deletionTimestamp (kubectl shows
 * Terminating), its containers are stopped, and it is gone after its grace
 * period (capped at 5 simulated seconds).
 */
export function deletePod(context: SimContext, pod: Pod, graceSeconds?: number): Pod | undefined {
  if (pod.metadata.deletionTimestamp) return pod;
  const grace = graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (!pod.spec.nodeName || grace === 0 || terminal) {
    removePodNow(context, pod);
    return undefined;
  }
  const marked = context.store.update('pods', pod, (draft) => {
    draft.metadata.deletionTimestamp = kubeTime(new Date(context.now().getTime() + grace * 1000));
    draft.metadata.deletionGracePeriodSeconds = grace;
  });
  for (const container of pod.spec.containers) {
    context.events.record(
      marked,
      'Normal',
      'Killing',
      `Stopping container ${container.name}`,
      {
        component: 'kubelet',
        host: pod.spec.nodeName,
      },
      { fieldPath: `spec.containers{${container.name}}` },
    );
    context.logs.stop(pod.metadata.uid, container.name);
  }
  touchOwner(context, pod);
  const uid = pod.metadata.uid;
  context.timers.at(context.simNow() + Math.min(grace * 1000, MAX_GRACE_MS), () => {
    const current = context.store.get<Pod>('pods', pod.metadata.namespace, pod.metadata.name);
    if (current?.metadata.uid === uid) removePodNow(context, current);
  });
  return marked;
}

/** A node left the cluster: it goes, and every pod bound to it with it. */
export function evictNode(context: SimContext, node: Node, why: string): void {
  const name = node.metadata.name;
  for (const key of context.store.keysOnNode('pods', name)) {
    const pod = context.store.byKey<Pod>('pods', key);
    if (!pod) continue;
    context.events.record(pod, 'Warning', 'NodeNotReady', `Node is gone: ${why}`, {
      component: 'node-controller',
    });
    removePodNow(context, pod);
  }
  context.store.remove('nodes', undefined, name);
  context.events.record(
    node,
    'Normal',
    'RemovingNode',
    `Node ${name} event: Removing Node ${name} from Controller`,
    {
      component: 'node-controller',
    },
  );
  context.markSchedulingChanged();
}
