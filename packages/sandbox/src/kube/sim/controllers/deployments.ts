import { controllerRef, kubeTime, safeHash } from '../../objects/meta.ts';
import type { Condition, Deployment, ReplicaSet } from '../../objects/types.ts';
import { birthTime } from '../podFactory.ts';
import type { SimContext } from '../simContext.ts';

const SOURCE = { component: 'deployment-controller' };
const HASH_LABEL = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';

function condition(
  type: string,
  status: boolean,
  reason: string,
  message: string,
  now: string,
  previous?: Condition,
): Condition {
  const value = status ? 'True' : 'False';
  return {
    type,
    status: value,
    lastUpdateTime:
      previous?.status === value && previous.reason === reason
        ? (previous.lastUpdateTime ?? now)
        : now,
    lastTransitionTime: previous?.status === value ? (previous.lastTransitionTime ?? now) : now,
    reason,
    message,
  };
}

/**
 * Rolls a Deployment's template out as a ReplicaSet named after the
 * template's hash (older ones are scaled to zero at once: the sandbox does
 * not pace rolling updates) and sums the ReplicaSets up in its status.
 */
export function reconcileDeployment(context: SimContext, deployment: Deployment): void {
  const { store } = context;
  const hash = safeHash(JSON.stringify(deployment.spec.template), 10);
  const owned = store.ownedBy<ReplicaSet>('replicasets', deployment.metadata.uid);
  let current = owned.find((rs) => rs.metadata.labels?.[HASH_LABEL] === hash);
  const revision = Math.max(
    0,
    ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)),
  );
  const replicas = deployment.spec.replicas;
  if (!current) {
    const name = `${deployment.metadata.name}-${hash}`;
    current = store.create<ReplicaSet>(
      'replicasets',
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: deployment.metadata.namespace,
          uid: '',
          resourceVersion: '',
          creationTimestamp: kubeTime(birthTime(context, deployment)),
          generation: 1,
          labels: { ...deployment.spec.template.metadata.labels, [HASH_LABEL]: hash },
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
            [REVISION]: String(revision + 1),
          },
          ownerReferences: [controllerRef(deployment)],
        },
        spec: {
          replicas,
          selector: {
            ...deployment.spec.selector,
            matchLabels: { ...deployment.spec.selector.matchLabels, [HASH_LABEL]: hash },
          },
          template: {
            metadata: {
              ...deployment.spec.template.metadata,
              labels: { ...deployment.spec.template.metadata.labels, [HASH_LABEL]: hash },
            },
            spec: deployment.spec.template.spec,
          },
        },
        status: { replicas: 0 },
      },
      kubeTime(context.now()),
    );
    if (!context.warming) {
      context.events.record(
        deployment,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${current.metadata.name} from 0 to ${replicas}`,
        SOURCE,
      );
    }
  } else if (current.spec.replicas !== replicas) {
    const from = current.spec.replicas;
    current = store.update('replicasets', current, (draft) => {
      draft.spec.replicas = replicas;
      draft.metadata.annotations = {
        ...draft.metadata.annotations,
        'deployment.kubernetes.io/desired-replicas': String(replicas),
      };
    });
    context.events.record(
      deployment,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${replicas > from ? 'up' : 'down'} replica set ${current.metadata.name} from ${from} to ${replicas}`,
      SOURCE,
    );
  }
  for (const old of owned) {
    if (old === current || old.metadata.uid === current.metadata.uid || old.spec.replicas === 0)
      continue;
    const from = old.spec.replicas;
    store.update('replicasets', old, (draft) => {
      draft.spec.replicas = 0;
    });
    context.events.record(
      deployment,
      'Normal',
      'ScalingReplicaSet',
      `Scaled down replica set ${old.metadata.name} from ${from} to 0`,
      SOURCE,
    );
  }
  const all = store.ownedBy<ReplicaSet>('replicasets', deployment.metadata.uid);
  const sum = (pick: (rs: ReplicaSet) => number | undefined) =>
    all.reduce((total, rs) => total + (pick(rs) ?? 0), 0);
  const ready = sum((rs) => rs.status.readyReplicas);
  const updated = store.get<ReplicaSet>(
    'replicasets',
    current.metadata.namespace,
    current.metadata.name,
  );
  const now = kubeTime(context.now());
  const maxUnavailable = Math.floor(replicas / 4);
  store.update('deployments', deployment, (draft) => {
    const previous = draft.status.conditions ?? [];
    const available = ready >= replicas - maxUnavailable;
    const progressed = (updated?.status.readyReplicas ?? 0) >= replicas;
    draft.status = {
      observedGeneration: draft.metadata.generation ?? 1,
      replicas: sum((rs) => rs.status.replicas),
      updatedReplicas: updated?.status.replicas ?? 0,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
      conditions: [
        condition(
          'Available',
          available,
          available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          available
            ? 'Deployment has minimum availability.'
            : 'Deployment does not have minimum availability.',
          now,
          previous.find((c) => c.type === 'Available'),
        ),
        condition(
          'Progressing',
          true,
          progressed ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
          progressed
            ? `ReplicaSet "${current.metadata.name}" has successfully progressed.`
            : `ReplicaSet "${current.metadata.name}" is progressing.`,
          now,
          previous.find((c) => c.type === 'Progressing'),
        ),
      ],
    };
  });
}
