import { nameSuffix } from '../../objects/meta.ts';
import type { Pod, ReplicaSet } from '../../objects/types.ts';
import { podFromTemplate } from '../podFactory.ts';
import { isPodActive, isPodReady } from '../podStatus.ts';
import type { SimContext } from '../simContext.ts';
import type { PodHost } from './podHost.ts';

const SOURCE = { component: 'replicaset-controller' };

/** Which surplus pod goes first: unscheduled, then not ready, then the youngest (the controller's ranking). */
function deletionRank(pod: Pod): [number, number, string] {
  return [pod.spec.nodeName ? 1 : 0, isPodReady(pod) ? 1 : 0, pod.metadata.creationTimestamp];
}

/** Keeps spec.replicas pods of the template running, and reports how many are ready. */
export function reconcileReplicaSet(
  context: SimContext,
  host: PodHost,
  replicaSet: ReplicaSet,
): void {
  const { store } = context;
  const pods = store.ownedBy<Pod>('pods', replicaSet.metadata.uid).filter(isPodActive);
  const missing = replicaSet.spec.replicas - pods.length;
  for (let i = 0; i < missing; i++) {
    const name = `${replicaSet.metadata.name}-${nameSuffix(context.random)}`;
    const pod = host.createPod(
      podFromTemplate(context, replicaSet, replicaSet.spec.template, {
        name,
        generateName: `${replicaSet.metadata.name}-`,
      }),
    );
    pods.push(pod);
    if (!context.warming) {
      context.events.record(
        replicaSet,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${pod.metadata.name}`,
        SOURCE,
      );
    }
  }
  if (missing < 0) {
    const surplus = [...pods]
      .sort((a, b) => {
        const [x, y] = [deletionRank(a), deletionRank(b)];
        return x[0] - y[0] || x[1] - y[1] || y[2].localeCompare(x[2]);
      })
      .slice(0, -missing);
    for (const pod of surplus) {
      host.deletePod(pod);
      pods.splice(pods.indexOf(pod), 1);
      context.events.record(
        replicaSet,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
        SOURCE,
      );
    }
  }
  const ready = pods.filter(isPodReady).length;
  store.update('replicasets', replicaSet, (draft) => {
    draft.status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: draft.metadata.generation ?? 1,
    };
    if (ready === 0) {
      delete draft.status.readyReplicas;
      delete draft.status.availableReplicas;
    }
  });
}
