// Usage read as numbers (millicores, bytes) and what it is measured against: allocatable, requests, limits.
import type { CpuMemory } from '@wheelhouse/contract';
import {
  listAllPages,
  listNodeMetrics,
  listPodMetrics,
  type ResourceUsage,
} from '../../upstream/resourceMetrics.ts';
import type { KubeClient } from '../../upstream/kubeClient.ts';
import { cpuMillis, parseQuantity } from '../kube/quantity.ts';
import type { Node, Pod } from '../kube/kubeTypes.ts';
import { NODEGROUP_LABEL } from '../kube/kubeMapping.ts';

export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';

/** A node as the metrics are read against: its group and what the scheduler may hand out. */
export interface MeteredNode {
  name: string;
  nodegroup?: string;
  allocatable: CpuMemory;
}

/** A pod that holds resources on a node (pending or running) with its containers' sums. */
export interface MeteredPod {
  namespace: string;
  name: string;
  node?: string;
  requests: CpuMemory;
  limits: { cpuMillicores?: number; memoryBytes?: number };
}

const scoped = (plural: string, namespace: string | undefined) =>
  namespace ? `/namespaces/${encodeURIComponent(namespace)}/${plural}` : `/${plural}`;

const usageOf = (usage: ResourceUsage): CpuMemory => ({
  cpuMillicores: cpuMillis(usage.cpu) || 0,
  memoryBytes: parseQuantity(usage.memory) || 0,
});

/** Current usage of each node, by name. */
export async function readNodeUsage(client: KubeClient): Promise<Map<string, CpuMemory>> {
  const items = await listNodeMetrics(client);
  return new Map(items.map((item) => [item.metadata.name, usageOf(item.usage)]));
}

/** The key of a pod's series: `namespace/name`. */
export const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

/** Current usage of each pod (of one namespace or all), summed over its containers, by podKey. */
export async function readPodUsage(
  client: KubeClient,
  namespace?: string,
): Promise<Map<string, CpuMemory>> {
  const items = await listPodMetrics(client, namespace);
  return new Map(
    items.map((item) => {
      const total = { cpuMillicores: 0, memoryBytes: 0 };
      for (const container of item.containers) {
        const usage = usageOf(container.usage);
        total.cpuMillicores += usage.cpuMillicores;
        total.memoryBytes += usage.memoryBytes;
      }
      return [podKey(item.metadata.namespace, item.metadata.name), total];
    }),
  );
}

export async function readMeteredNodes(client: KubeClient): Promise<MeteredNode[]> {
  const nodes = await listAllPages<Node>(client, '/api/v1/nodes');
  return nodes.map((node) => {
    const labels = node.metadata.labels ?? {};
    const nodegroup = labels[NODEGROUP_LABEL] ?? labels[NODEPOOL_LABEL];
    const allocatable = node.status?.allocatable ?? {};
    return {
      name: node.metadata.name,
      ...(nodegroup ? { nodegroup } : {}),
      allocatable: usageOf({ cpu: allocatable.cpu, memory: allocatable.memory }),
    };
  });
}

/** Sum of one resource over containers; undefined when any container leaves it unbounded. */
function limitSum(values: (string | undefined)[], parse: (q: string) => number) {
  let total = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    total += parse(value) || 0;
  }
  return total;
}

export async function readMeteredPods(
  client: KubeClient,
  namespace?: string,
): Promise<MeteredPod[]> {
  const pods = await listAllPages<Pod>(client, '/api/v1' + scoped('pods', namespace));
  return pods
    .filter((pod) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed')
    .map((pod) => {
      const containers = pod.spec.containers;
      const requests = { cpuMillicores: 0, memoryBytes: 0 };
      for (const container of containers) {
        requests.cpuMillicores += cpuMillis(container.resources?.requests?.cpu) || 0;
        requests.memoryBytes += parseQuantity(container.resources?.requests?.memory) || 0;
      }
      const cpuLimit = limitSum(
        containers.map((c) => c.resources?.limits?.cpu),
        (q) => cpuMillis(q),
      );
      const memoryLimit = limitSum(
        containers.map((c) => c.resources?.limits?.memory),
        parseQuantity,
      );
      return {
        namespace: pod.metadata.namespace ?? '',
        name: pod.metadata.name,
        ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}),
        requests,
        limits: {
          ...(cpuLimit !== undefined ? { cpuMillicores: cpuLimit } : {}),
          ...(memoryLimit !== undefined ? { memoryBytes: memoryLimit } : {}),
        },
      };
    });
}
