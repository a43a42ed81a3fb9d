import type {
  Condition,
  ContainerDetail,
  Hpa,
  KubeEvent,
  NodeSummary,
  PodDetail,
  PodSummary,
  RunsOn,
  ServiceSummary,
  Workload,
  WorkloadKind,
} from '@wheelhouse/contract';
import type {
  ContainerSpec,
  HpaObject,
  KubeCondition,
  KubeEventObject,
  Node,
  Pod,
  ServiceObject,
  WorkloadObject,
} from './kubeTypes.ts';
import { cpuMillis, parseQuantity } from './quantity.ts';

export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';
export const COMPUTE_TYPE_LABEL = 'eks.amazonaws.com/compute-type';
export const FARGATE_PROFILE_ANNOTATION = 'eks.amazonaws.com/fargate-profile';
const CAPACITY_TYPE_LABEL = 'eks.amazonaws.com/capacityType';

/** What the console needs to know of a node to say where a pod runs. */
export type NodeLabels = Map<string, Record<string, string>>;

export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';

/** Where a node belongs: a managed node group, Fargate, a Karpenter NodePool, or a self-managed group. */
export function nodeRunsOn(labels: Record<string, string>): RunsOn {
  if (labels[COMPUTE_TYPE_LABEL] === 'fargate') {
    const profile = labels['eks.amazonaws.com/fargate-profile'];
    return { kind: 'fargate', ...(profile ? { name: profile } : {}) };
  }
  if (labels[NODEGROUP_LABEL]) return { kind: 'managed', name: labels[NODEGROUP_LABEL] };
  // Karpenter launches its nodes itself (no node group, no Auto Scaling group): its pool says whose.
  if (labels[NODEPOOL_LABEL]) return { kind: 'karpenter', name: labels[NODEPOOL_LABEL] };
  const group = labels['alpha.eksctl.io/nodegroup-name'] ?? labels['node.kubernetes.io/nodegroup'];
  return { kind: 'self-managed', ...(group ? { name: group } : {}) };
}

export function podRunsOn(pod: Pod, nodes: NodeLabels): RunsOn {
  const profile = pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION];
  if (profile) return { kind: 'fargate', name: profile };
  const nodeName = pod.spec.nodeName;
  if (!nodeName) return { kind: 'unscheduled' };
  return nodeRunsOn(nodes.get(nodeName) ?? {});
}

const condition = (c: KubeCondition): Condition => ({
  type: c.type,
  status: c.status,
  ...(c.reason ? { reason: c.reason } : {}),
  ...(c.message ? { message: c.message } : {}),
  ...(c.lastTransitionTime ? { lastTransition: c.lastTransitionTime } : {}),
});

/**
 * The reason a pod is unwell, as kubectl's STATUS column would show it. A pod being deleted reads
 * Terminating whatever its containers say (Unknown when its node is lost), as kubectl prints it.
 */
function podReason(pod: Pod): string | undefined {
  if (pod.metadata.deletionTimestamp) {
    return pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }
  for (const status of [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ]) {
    const waiting = status.state?.waiting?.reason;
    if (waiting && waiting !== 'ContainerCreating' && waiting !== 'PodInitializing') return waiting;
    const terminated = status.state?.terminated?.reason;
    if (terminated && terminated !== 'Completed') return terminated;
  }
  if (pod.status?.reason) return pod.status.reason;
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason) return scheduled.reason;
  const waiting = pod.status?.containerStatuses?.find((s) => s.state?.waiting?.reason)?.state
    ?.waiting?.reason;
  return waiting;
}

/** The pod's controller, with a ReplicaSet named as the Deployment it belongs to. */
function ownerOf(pod: Pod): { kind: string; name: string } | undefined {
  const owner =
    pod.metadata.ownerReferences?.find((ref) => ref.controller) ??
    pod.metadata.ownerReferences?.[0];
  if (!owner) return undefined;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  }
  return { kind: owner.kind, name: owner.name };
}

export function toPodSummary(pod: Pod, nodes: NodeLabels): PodSummary {
  const statuses = pod.status?.containerStatuses ?? [];
  const reason = podReason(pod);
  const owner = ownerOf(pod);
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    phase: pod.status?.phase ?? 'Unknown',
    ...(reason ? { reason } : {}),
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    readyContainers: statuses.filter((s) => s.ready).length,
    containers: pod.spec.containers.length,
    restarts: statuses.reduce((sum, s) => sum + s.restartCount, 0),
    ...(pod.metadata.creationTimestamp ? { createdAt: pod.metadata.creationTimestamp } : {}),
    ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}),
    ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}),
    runsOn: podRunsOn(pod, nodes),
    ...(owner ? { owner } : {}),
    labels: pod.metadata.labels ?? {},
  };
}

function containerDetail(spec: ContainerSpec, init: boolean, pod: Pod): ContainerDetail {
  const status = (init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses)?.find(
    (s) => s.name === spec.name,
  );
  const state = status?.state;
  const [stateName, detail] = state?.running
    ? ['running', undefined]
    : state?.terminated
      ? ['terminated', state.terminated]
      : state?.waiting
        ? ['waiting', state.waiting]
        : ['unknown', undefined];
  const last = status?.lastState?.terminated;
  return {
    name: spec.name,
    // Optional in the API only so that controllers may fill it in; a pod's containers have one.
    image: spec.image ?? '',
    init,
    ready: status?.ready ?? false,
    restarts: status?.restartCount ?? 0,
    state: stateName,
    ...(detail?.reason ? { stateReason: detail.reason } : {}),
    ...(detail?.message ? { stateMessage: detail.message } : {}),
    ...(last
      ? {
          lastTermination: {
            ...(last.reason ? { reason: last.reason } : {}),
            ...(last.exitCode !== undefined ? { exitCode: last.exitCode } : {}),
            ...(last.finishedAt ? { finishedAt: last.finishedAt } : {}),
          },
        }
      : {}),
    requests: { ...pick(spec.resources?.requests) },
    limits: { ...pick(spec.resources?.limits) },
  };
}

const pick = (amounts: Record<string, string> | undefined) => ({
  ...(amounts?.cpu ? { cpu: amounts.cpu } : {}),
  ...(amounts?.memory ? { memory: amounts.memory } : {}),
});

export function toKubeEvent(event: KubeEventObject): KubeEvent {
  const lastSeen = event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
  return {
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.count ?? 1,
    ...(lastSeen ? { lastSeen } : {}),
    ...(event.involvedObject?.name
      ? { object: `${event.involvedObject.kind ?? ''}/${event.involvedObject.name}` }
      : {}),
  };
}

export function toPodDetail(pod: Pod, nodes: NodeLabels, events: KubeEventObject[]): PodDetail {
  const profile = pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION];
  return {
    ...toPodSummary(pod, nodes),
    containerDetails: [
      ...(pod.spec.initContainers ?? []).map((c) => containerDetail(c, true, pod)),
      ...pod.spec.containers.map((c) => containerDetail(c, false, pod)),
    ],
    conditions: (pod.status?.conditions ?? []).map(condition),
    events: events
      .map(toKubeEvent)
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '')),
    tolerations: (pod.spec.tolerations ?? []).map(
      (t) =>
        `${t.key ?? '*'}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}:${t.effect ?? '*'}`,
    ),
    nodeSelector: pod.spec.nodeSelector ?? {},
    ...(profile ? { fargateProfile: profile } : {}),
  };
}

/** Sum of container requests of the pods that hold resources on each node (not finished ones). */
export function requestsByNode(
  pods: Pod[],
): Map<string, { cpuMillis: number; memoryBytes: number; pods: number }> {
  const totals = new Map<string, { cpuMillis: number; memoryBytes: number; pods: number }>();
  for (const pod of pods) {
    const node = pod.spec.nodeName;
    if (!node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const total = totals.get(node) ?? { cpuMillis: 0, memoryBytes: 0, pods: 0 };
    for (const container of pod.spec.containers) {
      total.cpuMillis += cpuMillis(container.resources?.requests?.cpu) || 0;
      total.memoryBytes += parseQuantity(container.resources?.requests?.memory) || 0;
    }
    total.pods += 1;
    totals.set(node, total);
  }
  return totals;
}

export function toNodeSummary(
  node: Node,
  requested: { cpuMillis: number; memoryBytes: number; pods: number } | undefined,
): NodeSummary {
  const labels = node.metadata.labels ?? {};
  const allocatable = node.status?.allocatable ?? {};
  const capacityType =
    labels[CAPACITY_TYPE_LABEL] ??
    (labels[COMPUTE_TYPE_LABEL] === 'fargate' ? 'FARGATE' : undefined);
  return {
    name: node.metadata.name,
    runsOn: nodeRunsOn(labels),
    ...(capacityType ? { capacityType } : {}),
    ...(labels['node.kubernetes.io/instance-type']
      ? { instanceType: labels['node.kubernetes.io/instance-type'] }
      : {}),
    ...(labels['topology.kubernetes.io/zone']
      ? { zone: labels['topology.kubernetes.io/zone'] }
      : {}),
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    conditions: (node.status?.conditions ?? []).map(condition),
    taints: (node.spec?.taints ?? []).map(
      (t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
    ),
    unschedulable: node.spec?.unschedulable ?? false,
    allocatable: {
      cpuMillis: cpuMillis(allocatable.cpu) || 0,
      memoryBytes: parseQuantity(allocatable.memory) || 0,
      pods: parseQuantity(allocatable.pods) || 0,
    },
    requested: { cpuMillis: requested?.cpuMillis ?? 0, memoryBytes: requested?.memoryBytes ?? 0 },
    pods: requested?.pods ?? 0,
    ...(node.status?.nodeInfo?.kubeletVersion
      ? { kubeletVersion: node.status.nodeInfo.kubeletVersion }
      : {}),
    ...(node.metadata.creationTimestamp ? { createdAt: node.metadata.creationTimestamp } : {}),
  };
}

function imagesOf(object: WorkloadObject): string[] {
  const containers =
    object.spec?.template?.spec?.containers ??
    object.spec?.jobTemplate?.spec?.template?.spec?.containers ??
    [];
  return containers.flatMap((c) => (c.image ? [c.image] : []));
}

export function toWorkload(kind: WorkloadKind, object: WorkloadObject): Workload {
  const status = object.status ?? {};
  const activeCount = Array.isArray(status.active) ? status.active.length : (status.active ?? 0);
  let ready = 0;
  let desired = 0;
  let details: Record<string, string | number> = {};
  switch (kind) {
    case 'Deployment':
      ready = status.readyReplicas ?? 0;
      desired = object.spec?.replicas ?? 1;
      details = { upToDate: status.updatedReplicas ?? 0, available: status.availableReplicas ?? 0 };
      break;
    case 'StatefulSet':
      ready = status.readyReplicas ?? 0;
      desired = object.spec?.replicas ?? 1;
      break;
    case 'DaemonSet':
      ready = status.numberReady ?? 0;
      desired = status.desiredNumberScheduled ?? 0;
      break;
    case 'Job':
      ready = status.succeeded ?? 0;
      desired = object.spec?.completions ?? 1;
      details = { active: activeCount, failed: status.failed ?? 0 };
      break;
    case 'CronJob':
      ready = activeCount;
      desired = activeCount;
      details = {
        schedule: object.spec?.schedule ?? '',
        suspended: object.spec?.suspend ? 'yes' : 'no',
        ...(status.lastScheduleTime ? { lastSchedule: status.lastScheduleTime } : {}),
      };
      break;
  }
  return {
    kind,
    namespace: object.metadata.namespace ?? 'default',
    name: object.metadata.name,
    ready,
    desired,
    details,
    conditions: (status.conditions ?? []).map(condition),
    images: imagesOf(object),
    ...(object.metadata.creationTimestamp ? { createdAt: object.metadata.creationTimestamp } : {}),
    ...(object.spec?.selector?.matchLabels ? { selector: object.spec.selector.matchLabels } : {}),
  };
}

export function toServiceSummary(service: ServiceObject): ServiceSummary {
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  const external = ingress?.hostname ?? ingress?.ip;
  return {
    namespace: service.metadata.namespace ?? 'default',
    name: service.metadata.name,
    type: service.spec?.type ?? 'ClusterIP',
    ...(service.spec?.clusterIP ? { clusterIP: service.spec.clusterIP } : {}),
    ...(external ? { externalAddress: external } : {}),
    ports: (service.spec?.ports ?? []).map(
      (p) =>
        `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}${p.targetPort !== undefined ? ` → ${p.targetPort}` : ''}`,
    ),
    selector: service.spec?.selector ?? {},
    ...(service.metadata.creationTimestamp
      ? { createdAt: service.metadata.creationTimestamp }
      : {}),
  };
}

export function toHpa(hpa: HpaObject): Hpa {
  return {
    namespace: hpa.metadata.namespace ?? 'default',
    name: hpa.metadata.name,
    target: `${hpa.spec.scaleTargetRef.kind}/${hpa.spec.scaleTargetRef.name}`,
    minReplicas: hpa.spec.minReplicas ?? 1,
    maxReplicas: hpa.spec.maxReplicas,
    currentReplicas: hpa.status?.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    metrics: (hpa.spec.metrics ?? [])
      .filter((m) => m.type === 'Resource' && m.resource)
      .map((m) => {
        const name = m.resource!.name;
        const current = hpa.status?.currentMetrics?.find((c) => c.resource?.name === name)?.resource
          ?.current;
        const target = m.resource!.target;
        const format = (v: { averageUtilization?: number; averageValue?: string } | undefined) =>
          v?.averageUtilization !== undefined ? `${v.averageUtilization}%` : v?.averageValue;
        const currentText = format(current);
        return {
          name,
          target: format(target) ?? '',
          ...(currentText ? { current: currentText } : {}),
        };
      }),
  };
}
