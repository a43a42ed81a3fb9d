import { formatSelector } from '../objects/selectors.ts';
import type {
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  KubeEvent,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  Service,
  StatefulSet,
  VerticalPodAutoscaler,
  Condition,
  NodePool,
  NodeClaim,
  EC2NodeClass,
} from '../objects/types.ts';
import { consoleColumns } from './consoleColumns.ts';
import { humanDuration } from './humanDuration.ts';

/** One column of a meta.k8s.io/v1 Table, and how to fill its cell. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0: always shown; 1: only with `kubectl get -o wide`. */
  priority: number;
  cell(object: KubeObject, now: number): string | number | boolean;
}

type Cell<T> = (object: T, now: number) => string | number | boolean;

function column<T extends KubeObject>(
  name: string,
  cell: Cell<T>,
  options: { type?: TableColumn['type']; priority?: number; format?: string } = {},
): TableColumn {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description: `${name} of the object, as kubectl prints it.`,
    priority: options.priority ?? 0,
    cell: cell,
  };
}

const since = (time: string | undefined, now: number) =>
  time ? humanDuration(now - Date.parse(time)) : '<unknown>';
const NAME = column('Name', (object) => object.metadata.name, { format: 'name' });
const AGE = column('Age', (object, now) => since(object.metadata.creationTimestamp, now));
const none = (value: string | undefined) => (value ? value : '<none>');
const containers = (template: PodTemplateSpec) =>
  template.spec.containers.map((container) => container.name).join(',');
const images = (template: PodTemplateSpec) =>
  template.spec.containers.map((container) => container.image).join(',');
const wide = { priority: 1 };
const readyOf = (conditions: Condition[] | undefined) =>
  conditions?.find((c) => c.type === 'Ready')?.status ?? '';

/** The STATUS kubectl shows for a pod (its printPod logic, condensed). */
export function podStatusReason(pod: Pod): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  let running = false;
  const statuses = [...(pod.status.containerStatuses ?? [])].reverse();
  for (const status of statuses) {
    if (status.state.waiting?.reason) reason = status.state.waiting.reason;
    else if (status.state.terminated?.reason) reason = status.state.terminated.reason;
    else if (status.state.terminated) reason = `ExitCode:${status.state.terminated.exitCode}`;
    else if (status.state.running && status.ready) running = true;
  }
  const init = pod.status.initContainerStatuses?.find(
    (status) => !status.state.terminated || status.state.terminated.exitCode !== 0,
  );
  if (init) {
    const waiting = init.state.waiting?.reason;
    reason =
      waiting && waiting !== 'PodInitializing'
        ? `Init:${waiting}`
        : `Init:${pod.status.initContainerStatuses!.indexOf(init)}/${pod.spec.initContainers?.length ?? 0}`;
  }
  if (reason === 'Completed' && running) {
    const ready = pod.status.conditions?.find((condition) => condition.type === 'Ready');
    reason = ready?.status === 'True' ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function podRestarts(pod: Pod, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const status of pod.status.containerStatuses ?? []) {
    restarts += status.restartCount;
    const finished = status.lastState.terminated?.finishedAt;
    if (finished) last = Math.max(last ?? 0, Date.parse(finished));
  }
  return last !== undefined && restarts > 0
    ? `${restarts} (${humanDuration(now - last)} ago)`
    : String(restarts);
}

function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((condition) => condition.type === 'Ready');
  const status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  return node.spec.unschedulable ? `${status},SchedulingDisabled` : status;
}

function servicePorts(service: Service): string {
  const ports = service.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((port) =>
      port.nodePort && service.spec.type !== 'ClusterIP'
        ? `${port.port}:${port.nodePort}/${port.protocol ?? 'TCP'}`
        : `${port.port}/${port.protocol ?? 'TCP'}`,
    )
    .join(',');
}

function externalIp(service: Service): string {
  const ingress = service.status.loadBalancer.ingress ?? [];
  if (service.spec.type === 'LoadBalancer') {
    return ingress.length > 0
      ? ingress.map((entry) => entry.hostname ?? entry.ip).join(',')
      : '<pending>';
  }
  if (service.spec.type === 'ExternalName') return service.spec.externalName ?? '<none>';
  return '<none>';
}

function hpaTargets(hpa: HorizontalPodAutoscaler): string {
  const metrics = hpa.spec.metrics ?? [];
  if (metrics.length === 0) return '<none>';
  return metrics
    .map((metric) => {
      const current = hpa.status.currentMetrics?.find(
        (entry) => entry.resource.name === metric.resource.name,
      )?.resource.current.averageUtilization;
      const target = metric.resource.target.averageUtilization;
      return `${metric.resource.name}: ${current === undefined ? '<unknown>' : `${current}%`}/${target ?? '?'}%`;
    })
    .join(', ');
}

function jobStatus(job: Job): string {
  const conditions = job.status.conditions ?? [];
  const is = (type: string) =>
    conditions.some((condition) => condition.type === type && condition.status === 'True');
  if (is('Complete')) return 'Complete';
  if (is('Failed')) return 'Failed';
  if (is('Suspended')) return 'Suspended';
  return 'Running';
}

function jobDuration(job: Job, now: number): string {
  if (!job.status.startTime) return '';
  const end = job.status.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(job.status.startTime));
}

export const TABLE_COLUMNS: Record<string, TableColumn[]> = {
  Pod: [
    NAME,
    column<Pod>('Ready', (pod) => {
      const statuses = pod.status.containerStatuses ?? [];
      return `${statuses.filter((status) => status.ready).length}/${pod.spec.containers.length}`;
    }),
    column<Pod>('Status', (pod) => podStatusReason(pod)),
    column<Pod>('Restarts', podRestarts),
    AGE,
    column<Pod>('IP', (pod) => none(pod.status.podIP), wide),
    column<Pod>('Node', (pod) => none(pod.spec.nodeName), wide),
    column<Pod>('Nominated Node', () => '<none>', wide),
    column<Pod>('Readiness Gates', () => '<none>', wide),
  ],
  Node: [
    NAME,
    column<Node>('Status', nodeStatus),
    column<Node>('Roles', (node) => {
      const roles = Object.keys(node.metadata.labels ?? {})
        .filter((key) => key.startsWith('node-role.kubernetes.io/'))
        .map((key) => key.slice('node-role.kubernetes.io/'.length));
      return roles.length > 0 ? roles.join(',') : '<none>';
    }),
    AGE,
    column<Node>('Version', (node) => node.status.nodeInfo.kubeletVersion ?? ''),
    column<Node>(
      'Internal-IP',
      (node) => none(node.status.addresses.find((a) => a.type === 'InternalIP')?.address),
      wide,
    ),
    column<Node>(
      'External-IP',
      (node) => none(node.status.addresses.find((a) => a.type === 'ExternalIP')?.address),
      wide,
    ),
    column<Node>('OS-Image', (node) => node.status.nodeInfo.osImage ?? '', wide),
    column<Node>('Kernel-Version', (node) => node.status.nodeInfo.kernelVersion ?? '', wide),
    column<Node>(
      'Container-Runtime',
      (node) => node.status.nodeInfo.containerRuntimeVersion ?? '',
      wide,
    ),
  ],
  Namespace: [NAME, column<Namespace>('Status', (ns) => ns.status.phase), AGE],
  Service: [
    NAME,
    column<Service>('Type', (service) => service.spec.type),
    column<Service>('Cluster-IP', (service) => none(service.spec.clusterIP)),
    column<Service>('External-IP', externalIp),
    column<Service>('Port(s)', servicePorts),
    AGE,
    column<Service>(
      'Selector',
      (service) => {
        const selector = Object.entries(service.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`);
        return selector.length > 0 ? selector.join(',') : '<none>';
      },
      wide,
    ),
  ],
  Event: [
    column<KubeEvent>('Last Seen', (event, now) => since(event.lastTimestamp, now)),
    column<KubeEvent>('Type', (event) => event.type),
    column<KubeEvent>('Reason', (event) => event.reason),
    column<KubeEvent>(
      'Object',
      (event) => `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}`,
    ),
    column<KubeEvent>('Subobject', (event) => event.involvedObject.fieldPath ?? '', wide),
    column<KubeEvent>(
      'Source',
      (event) => [event.source.component, event.source.host].filter(Boolean).join(', '),
      wide,
    ),
    column<KubeEvent>('Message', (event) => event.message),
    column<KubeEvent>('First Seen', (event, now) => since(event.firstTimestamp, now), wide),
    column<KubeEvent>('Count', (event) => event.count, { ...wide, type: 'integer' }),
    column<KubeEvent>('Name', (event) => event.metadata.name, wide),
  ],
  ConfigMap: [
    NAME,
    column<ConfigMap>('Data', (cm) => Object.keys(cm.data ?? {}).length, { type: 'integer' }),
    AGE,
  ],
  Deployment: [
    NAME,
    column<Deployment>('Ready', (d) => `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`),
    column<Deployment>('Up-to-date', (d) => d.status.updatedReplicas ?? 0, { type: 'integer' }),
    column<Deployment>('Available', (d) => d.status.availableReplicas ?? 0, { type: 'integer' }),
    AGE,
    column<Deployment>('Containers', (d) => containers(d.spec.template), wide),
    column<Deployment>('Images', (d) => images(d.spec.template), wide),
    column<Deployment>('Selector', (d) => formatSelector(d.spec.selector), wide),
  ],
  ReplicaSet: [
    NAME,
    column<ReplicaSet>('Desired', (rs) => rs.spec.replicas, { type: 'integer' }),
    column<ReplicaSet>('Current', (rs) => rs.status.replicas ?? 0, { type: 'integer' }),
    column<ReplicaSet>('Ready', (rs) => rs.status.readyReplicas ?? 0, { type: 'integer' }),
    AGE,
    column<ReplicaSet>('Containers', (rs) => containers(rs.spec.template), wide),
    column<ReplicaSet>('Images', (rs) => images(rs.spec.template), wide),
    column<ReplicaSet>('Selector', (rs) => formatSelector(rs.spec.selector), wide),
  ],
  StatefulSet: [
    NAME,
    column<StatefulSet>('Ready', (s) => `${s.status.readyReplicas ?? 0}/${s.spec.replicas}`),
    AGE,
    column<StatefulSet>('Containers', (s) => containers(s.spec.template), wide),
    column<StatefulSet>('Images', (s) => images(s.spec.template), wide),
  ],
  DaemonSet: [
    NAME,
    column<DaemonSet>('Desired', (ds) => ds.status.desiredNumberScheduled, { type: 'integer' }),
    column<DaemonSet>('Current', (ds) => ds.status.currentNumberScheduled, { type: 'integer' }),
    column<DaemonSet>('Ready', (ds) => ds.status.numberReady, { type: 'integer' }),
    column<DaemonSet>('Up-to-date', (ds) => ds.status.updatedNumberScheduled ?? 0, {
      type: 'integer',
    }),
    column<DaemonSet>('Available', (ds) => ds.status.numberAvailable ?? 0, { type: 'integer' }),
    column<DaemonSet>('Node Selector', (ds) => {
      const selector = Object.entries(ds.spec.template.spec.nodeSelector ?? {}).map(
        ([k, v]) => `${k}=${v}`,
      );
      return selector.length > 0 ? selector.join(',') : '<none>';
    }),
    AGE,
    column<DaemonSet>('Containers', (ds) => containers(ds.spec.template), wide),
    column<DaemonSet>('Images', (ds) => images(ds.spec.template), wide),
    column<DaemonSet>('Selector', (ds) => formatSelector(ds.spec.selector), wide),
  ],
  Job: [
    NAME,
    column<Job>('Status', jobStatus),
    column<Job>(
      'Completions',
      (job) => `${job.status.succeeded ?? 0}/${job.spec.completions ?? 1}`,
    ),
    column<Job>('Duration', jobDuration),
    AGE,
    column<Job>('Containers', (job) => containers(job.spec.template), wide),
    column<Job>('Images', (job) => images(job.spec.template), wide),
    column<Job>('Selector', (job) => formatSelector(job.spec.selector), wide),
  ],
  CronJob: [
    NAME,
    column<CronJob>('Schedule', (cj) => cj.spec.schedule),
    column<CronJob>('Timezone', (cj) => none(cj.spec.timeZone)),
    column<CronJob>('Suspend', (cj) => (cj.spec.suspend ? 'True' : 'False')),
    column<CronJob>('Active', (cj) => cj.status.active?.length ?? 0, { type: 'integer' }),
    column<CronJob>('Last Schedule', (cj, now) =>
      cj.status.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>',
    ),
    AGE,
    column<CronJob>('Containers', (cj) => containers(cj.spec.jobTemplate.spec.template), wide),
    column<CronJob>('Images', (cj) => images(cj.spec.jobTemplate.spec.template), wide),
    column<CronJob>('Selector', (cj) => formatSelector(cj.spec.jobTemplate.spec.selector), wide),
  ],
  HorizontalPodAutoscaler: [
    NAME,
    column<HorizontalPodAutoscaler>(
      'Reference',
      (hpa) => `${hpa.spec.scaleTargetRef.kind}/${hpa.spec.scaleTargetRef.name}`,
    ),
    column<HorizontalPodAutoscaler>('Targets', hpaTargets),
    column<HorizontalPodAutoscaler>('MinPods', (hpa) => hpa.spec.minReplicas ?? 1, {
      type: 'integer',
    }),
    column<HorizontalPodAutoscaler>('MaxPods', (hpa) => hpa.spec.maxReplicas, { type: 'integer' }),
    column<HorizontalPodAutoscaler>('Replicas', (hpa) => hpa.status.currentReplicas ?? 0, {
      type: 'integer',
    }),
    AGE,
  ],
  // The additionalPrinterColumns of the VPA's CRD: the first container's target.
  VerticalPodAutoscaler: [
    NAME,
    column<VerticalPodAutoscaler>('Mode', (vpa) => vpa.spec.updatePolicy?.updateMode ?? ''),
    column<VerticalPodAutoscaler>(
      'CPU',
      (vpa) => vpa.status.recommendation?.containerRecommendations[0]?.target.cpu ?? '',
    ),
    column<VerticalPodAutoscaler>(
      'Mem',
      (vpa) => vpa.status.recommendation?.containerRecommendations[0]?.target.memory ?? '',
    ),
    column<VerticalPodAutoscaler>(
      'Provided',
      (vpa) =>
        vpa.status.conditions?.find((c) => c.type === 'RecommendationProvided')?.status ?? '',
    ),
    AGE,
  ],
  // The additionalPrinterColumns of Karpenter's CRDs (seed/karpenterBuilders.ts).
  NodePool: [
    NAME,
    column<NodePool>('NodeClass', (pool) => pool.spec.template.spec.nodeClassRef.name),
    column<NodePool>('Nodes', (pool) => pool.status.resources?.nodes ?? ''),
    column<NodePool>('Ready', (pool) => readyOf(pool.status.conditions)),
    AGE,
  ],
  NodeClaim: [
    NAME,
    column<NodeClaim>('Type', (c) => c.metadata.labels?.['node.kubernetes.io/instance-type'] ?? ''),
    column<NodeClaim>('Capacity', (c) => c.metadata.labels?.['karpenter.sh/capacity-type'] ?? ''),
    column<NodeClaim>('Zone', (c) => c.metadata.labels?.['topology.kubernetes.io/zone'] ?? ''),
    column<NodeClaim>('Node', (c) => c.status.nodeName ?? ''),
    column<NodeClaim>('Ready', (c) => readyOf(c.status.conditions)),
    AGE,
  ],
  EC2NodeClass: [
    NAME,
    column<EC2NodeClass>('Ready', (nc) => readyOf(nc.status.conditions)),
    AGE,
    column<EC2NodeClass>('Role', (nc) => nc.spec.role ?? '', wide),
  ],
  ...consoleColumns(NAME, humanDuration),
};

export const DEFAULT_COLUMNS: TableColumn[] = [NAME, AGE];
