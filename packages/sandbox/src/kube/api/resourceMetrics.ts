import { cpuMillis, formatKi, memoryBytes, podRequests } from '../objects/quantities.ts';
import type { Deployment, KubeObject, Node, Pod, StatefulSet } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';

/**
 * metrics.k8s.io/v1beta1 as metrics-server answers it, from the simulation: a pod of a Deployment
 * or StatefulSet uses its share of the workload's simulated CPU demand (the load the HPA and VPA
 * read), split over its containers by their requests; other pods (DaemonSets, bare pods) use a
 * steady fraction of their requests. Memory follows the VPA recommender's model (45–80% of the
 * request by how busy the pod is). A node uses its pods' sum plus the kubelet's and system's share.
 */

const WINDOW = '10.066s';
const DEFAULT_MEMORY = 128 * 2 ** 20;
const SYSTEM_CPU_MILLIS = 60;
const SYSTEM_MEMORY_BYTES = 420 * 2 ** 20;

interface Usage {
  cpuMillis: number;
  memoryBytes: number;
}

/** A steady value in [0, 1) from a string (a pod's uid), so a pod's usage does not jump between reads. */
function steady(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

function workloadOf(kube: KubeCluster, pod: Pod): Deployment | StatefulSet | undefined {
  const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller);
  if (!owner) return undefined;
  const namespace = pod.metadata.namespace;
  if (owner.kind === 'StatefulSet')
    return kube.store.get<StatefulSet>('statefulsets', namespace, owner.name);
  if (owner.kind !== 'ReplicaSet') return undefined;
  const replicaSet = kube.store.get<KubeObject>('replicasets', namespace, owner.name);
  const deployment = replicaSet?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
  return deployment && kube.store.get<Deployment>('deployments', namespace, deployment.name);
}

/** Each container's usage now (undefined for a pod that is not running on a node). */
export function podUsage(kube: KubeCluster, pod: Pod): Map<string, Usage> | undefined {
  if (pod.status.phase !== 'Running' || !pod.spec.nodeName) return undefined;
  const requests = podRequests(pod.spec);
  const workload = workloadOf(kube, pod);
  const reading = workload ? kube.controllers.hpa.reading(workload) : undefined;
  const jitter = steady(pod.metadata.uid);
  const podCpu =
    reading && reading.readyReplicas > 0
      ? reading.demandMillicores / reading.readyReplicas
      : Math.max(1, requests.cpu) * (0.1 + 0.25 * jitter);
  const busy = Math.min(2, podCpu / Math.max(1, requests.cpu));
  const usage = new Map<string, Usage>();
  for (const container of pod.spec.containers) {
    const requested = cpuMillis(container.resources?.requests?.cpu);
    const share = requests.cpu > 0 ? requested / requests.cpu : 1 / pod.spec.containers.length;
    const memory = memoryBytes(container.resources?.requests?.memory) || DEFAULT_MEMORY;
    usage.set(container.name, {
      cpuMillis: Math.max(1, podCpu * share),
      memoryBytes: memory * (0.45 + 0.35 * Math.min(1, busy) + 0.04 * jitter),
    });
  }
  return usage;
}

const cpuQuantity = (millis: number) => `${Math.round(millis * 1e6)}n`;
const memoryQuantity = (bytes: number) => formatKi(bytes);

function metricsMeta(kube: KubeCluster, object: KubeObject) {
  return {
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    creationTimestamp: kube.context
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z'),
    ...(object.metadata.labels ? { labels: object.metadata.labels } : {}),
  };
}

/** The usage's timestamp: the last scrape, a few seconds ago (metrics-server scrapes every 15 s). */
function timestamp(kube: KubeCluster): string {
  const now = kube.context.now().getTime();
  return new Date(Math.floor(now / 15_000) * 15_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The PodMetrics of a pod, undefined while it is not running (metrics-server has none then). */
export function podMetrics(kube: KubeCluster, pod: Pod): Record<string, unknown> | undefined {
  const usage = podUsage(kube, pod);
  if (!usage) return undefined;
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: metricsMeta(kube, pod),
    timestamp: timestamp(kube),
    window: WINDOW,
    containers: [...usage].map(([name, value]) => ({
      name,
      usage: { cpu: cpuQuantity(value.cpuMillis), memory: memoryQuantity(value.memoryBytes) },
    })),
  };
}

/** The NodeMetrics of a ready node: its pods' usage plus the system's. */
export function nodeMetrics(kube: KubeCluster, node: Node): Record<string, unknown> | undefined {
  const ready = node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return undefined;
  const total: Usage = { cpuMillis: SYSTEM_CPU_MILLIS, memoryBytes: SYSTEM_MEMORY_BYTES };
  for (const pod of kube.store.all<Pod>('pods')) {
    if (pod.spec.nodeName !== node.metadata.name) continue;
    for (const value of podUsage(kube, pod)?.values() ?? []) {
      total.cpuMillis += value.cpuMillis;
      total.memoryBytes += value.memoryBytes;
    }
  }
  const allocatable = memoryBytes(node.status.allocatable.memory);
  if (allocatable > 0) total.memoryBytes = Math.min(total.memoryBytes, allocatable);
  return {
    kind: 'NodeMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: metricsMeta(kube, node),
    timestamp: timestamp(kube),
    window: WINDOW,
    usage: { cpu: cpuQuantity(total.cpuMillis), memory: memoryQuantity(total.memoryBytes) },
  };
}

/** The metrics object of `plural` ('nodes' or 'pods') for a stored object, if it has one. */
export function metricsOf(
  kube: KubeCluster,
  plural: string,
  object: KubeObject,
): Record<string, unknown> | undefined {
  return plural === 'nodes' ? nodeMetrics(kube, object as Node) : podMetrics(kube, object as Pod);
}
