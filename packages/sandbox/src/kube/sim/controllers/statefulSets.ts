import { safeHash } from '../../objects/meta.ts';
import type { Pod, StatefulSet } from '../../objects/types.ts';
import { podFromTemplate } from '../podFactory.ts';
import { isPodActive, isPodReady } from '../podStatus.ts';
import type { SimContext } from '../simContext.ts';
import type { PodHost } from './podHost.ts';

const SOURCE = { component: 'statefulset-controller' };

/**
 * Runs <name>-0 … <name>-(n-1). With the default OrderedReady policy a pod
 * is created only once every lower ordinal is Running and Ready; scaling
 * down removes the highest ordinal first.
 */
export function reconcileStatefulSet(context: SimContext, host: PodHost, set: StatefulSet): void {
  const { store } = context;
  const name = set.metadata.name;
  const namespace = set.metadata.namespace;
  const revision = `${name}-${safeHash(JSON.stringify(set.spec.template), 10)}`;
  const parallel = set.spec.podManagementPolicy === 'Parallel';
  const pods = store.ownedBy<Pod>('pods', set.metadata.uid).filter(isPodActive);
  const byOrdinal = new Map(
    pods.map((pod) => [Number(pod.metadata.name.slice(name.length + 1)), pod]),
  );
  for (let ordinal = 0; ordinal < set.spec.replicas; ordinal++) {
    const existing = byOrdinal.get(ordinal);
    if (existing) {
      if (!parallel && !isPodReady(existing)) break;
      continue;
    }
    const podName = `${name}-${ordinal}`;
    if (store.get<Pod>('pods', namespace, podName)) break; // the previous one is still terminating
    const pod = host.createPod(
      podFromTemplate(context, set, set.spec.template, {
        name: podName,
        labels: {
          'apps.kubernetes.io/pod-index': String(ordinal),
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': podName,
        },
      }),
    );
    byOrdinal.set(ordinal, pod);
    if (!context.warming) {
      context.events.record(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${podName} in StatefulSet ${name} successful`,
        SOURCE,
      );
    }
    if (!parallel) break;
  }
  const surplus = [...byOrdinal.keys()]
    .filter((ordinal) => ordinal >= set.spec.replicas)
    .sort((a, b) => b - a);
  if (surplus.length > 0) {
    const pod = byOrdinal.get(surplus[0]!)!;
    host.deletePod(pod);
    byOrdinal.delete(surplus[0]!);
    context.events.record(
      set,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
      SOURCE,
    );
  }
  const live = [...byOrdinal.values()];
  const ready = live.filter(isPodReady).length;
  store.update('statefulsets', set, (draft) => {
    draft.status = {
      observedGeneration: draft.metadata.generation ?? 1,
      replicas: live.length,
      readyReplicas: ready,
      currentReplicas: live.length,
      updatedReplicas: live.length,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    };
  });
}
