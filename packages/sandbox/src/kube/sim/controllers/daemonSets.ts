import { nameSuffix } from '../../objects/meta.ts';
import type { DaemonSet, Node, Pod, Toleration } from '../../objects/types.ts';
import { podFromTemplate } from '../podFactory.ts';
import { isPodActive, isPodReady } from '../podStatus.ts';
import { matchesNodeSelector, untoleratedTaint } from '../scheduler.ts';
import type { SimContext } from '../simContext.ts';
import type { PodHost } from './podHost.ts';

const SOURCE = { component: 'daemonset-controller' };
const COMPUTE_TYPE = 'eks.amazonaws.com/compute-type';

/** Tolerations the DaemonSet controller adds to every daemon pod, so node trouble does not evict them. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** Runs one pod of the template on every node it selects and tolerates (never on Fargate). */
export function reconcileDaemonSet(context: SimContext, host: PodHost, set: DaemonSet): void {
  const { store } = context;
  const template = {
    ...set.spec.template,
    spec: {
      ...set.spec.template.spec,
      tolerations: [...(set.spec.template.spec.tolerations ?? []), ...DAEMON_TOLERATIONS],
    },
  };
  const probe = { spec: template.spec, metadata: {} } as Pod;
  // Fargate runs no DaemonSets: its nodes are never eligible, whatever the pods tolerate.
  const eligible = store
    .all<Node>('nodes')
    .filter(
      (node) =>
        node.metadata.labels?.[COMPUTE_TYPE] !== 'fargate' &&
        matchesNodeSelector(probe, node) &&
        !untoleratedTaint(probe, node),
    );
  const pods = store.ownedBy<Pod>('pods', set.metadata.uid).filter(isPodActive);
  const byNode = new Map(pods.map((pod) => [pod.spec.nodeName ?? '', pod]));
  const wanted = new Set(eligible.map((node) => node.metadata.name));
  for (const node of eligible) {
    if (byNode.has(node.metadata.name)) continue;
    const name = `${set.metadata.name}-${nameSuffix(context.random)}`;
    const pod = host.createPod(
      podFromTemplate(context, set, template, {
        name,
        generateName: `${set.metadata.name}-`,
        nodeName: node.metadata.name,
        labels: { 'controller-revision-hash': 'd5c9f7b4c', 'pod-template-generation': '1' },
      }),
    );
    byNode.set(node.metadata.name, pod);
    if (!context.warming) {
      context.events.record(set, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, SOURCE);
    }
    host.podBound(pod);
  }
  for (const [nodeName, pod] of byNode) {
    if (wanted.has(nodeName)) continue;
    host.deletePod(pod);
    byNode.delete(nodeName);
    context.events.record(
      set,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${pod.metadata.name}`,
      SOURCE,
    );
  }
  const live = store.ownedBy<Pod>('pods', set.metadata.uid).filter(isPodActive);
  const ready = live.filter(isPodReady).length;
  store.update('daemonsets', set, (draft) => {
    draft.status = {
      currentNumberScheduled: live.length,
      desiredNumberScheduled: eligible.length,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      ...(eligible.length - ready > 0 ? { numberUnavailable: eligible.length - ready } : {}),
      observedGeneration: draft.metadata.generation ?? 1,
      updatedNumberScheduled: live.length,
    };
  });
}
