import { controllerRef, kubeTime } from '../objects/meta.ts';
import { cpuMillis, memoryBytes } from '../objects/quantities.ts';
import type { KubeObject, Pod, PodSpec, PodTemplateSpec, Toleration } from '../objects/types.ts';
import type { SimContext } from './simContext.ts';
import { withServiceAccountToken } from './serviceAccountToken.ts';

/** Pods as the API server stores them after defaulting: what controllers and `kubectl create` produce. */

const DEFAULT_TOLERATIONS: Toleration[] = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

const PRIORITY: Record<string, number> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

function qosClass(spec: PodSpec): string {
  const containers = spec.containers;
  const requests = containers.map((c) => c.resources?.requests ?? {});
  const limits = containers.map((c) => c.resources?.limits ?? {});
  if (requests.every((r) => !r.cpu && !r.memory) && limits.every((l) => !l.cpu && !l.memory)) {
    return 'BestEffort';
  }
  const guaranteed = containers.every((container) => {
    const request = container.resources?.requests ?? {};
    const limit = container.resources?.limits ?? {};
    return (
      !!limit.cpu &&
      !!limit.memory &&
      cpuMillis(request.cpu ?? limit.cpu) === cpuMillis(limit.cpu) &&
      memoryBytes(request.memory ?? limit.memory) === memoryBytes(limit.memory)
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Fills in what the API server defaults on a pod spec. */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const tolerations = [...(spec.tolerations ?? [])];
  for (const toleration of DEFAULT_TOLERATIONS) {
    if (
      !tolerations.some(
        (existing) => existing.key === toleration.key && existing.effect === toleration.effect,
      )
    ) {
      tolerations.push(toleration);
    }
  }
  return {
    ...spec,
    containers: spec.containers.map((container) => ({
      imagePullPolicy: container.image.endsWith(':latest') ? 'Always' : 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ...container,
      resources: container.resources ?? {},
    })),
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    serviceAccountName: spec.serviceAccountName ?? 'default',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    enableServiceLinks: spec.enableServiceLinks ?? true,
    preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
    priority: spec.priority ?? PRIORITY[spec.priorityClassName ?? ''] ?? 0,
    securityContext: spec.securityContext ?? {},
    tolerations,
  };
}

export function pendingStatus(spec: PodSpec): Pod['status'] {
  return { phase: 'Pending', qosClass: qosClass(spec) };
}

/**
 * When a pod of a warm-started cluster was created: some time in the last
 * week, never before its owner. Live pods are created now.
 */
export function birthTime(context: SimContext, owner?: KubeObject): Date {
  const now = context.now().getTime();
  if (!context.warming) return new Date(now);
  const ownerBorn = owner ? Date.parse(owner.metadata.creationTimestamp) : now - 30 * 86_400_000;
  const earliest = Math.max(
    ownerBorn + 60_000,
    now - 7 * 86_400_000,
    (context.warmFloor ?? 0) + 60_000,
  );
  const latest = now - 10 * 60_000;
  if (earliest >= latest) return new Date(Math.min(now, earliest));
  return new Date(earliest + Math.floor(context.random.next() * (latest - earliest)));
}

export function podFromTemplate(
  context: SimContext,
  owner: KubeObject,
  template: PodTemplateSpec,
  options: {
    name: string;
    generateName?: string;
    labels?: Record<string, string>;
    nodeName?: string;
    /** When the pod was created (default: now, or a time in the past while warming). */
    createdAt?: Date;
  },
): Pod {
  const spec = withServiceAccountToken(
    defaultPodSpec(structuredClone(template.spec)),
    `${owner.metadata.namespace}/${options.name}`,
  );
  if (options.nodeName) spec.nodeName = options.nodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name,
      ...(options.generateName ? { generateName: options.generateName } : {}),
      namespace: owner.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(options.createdAt ?? birthTime(context, owner)),
      labels: { ...template.metadata.labels, ...options.labels },
      ...(template.metadata.annotations
        ? { annotations: { ...template.metadata.annotations } }
        : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec,
    status: pendingStatus(spec),
  };
}
