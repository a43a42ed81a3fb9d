import { KubeApiError, type KubeClient } from './kubeClient.ts';

// Reads of the resource metrics API (metrics.k8s.io/v1beta1, served by metrics-server through the
// API server's aggregation layer), as the wire has them.

const METRICS = '/apis/metrics.k8s.io/v1beta1';
const PAGE = 500;

/** A usage as metrics.k8s.io gives it: quantities ("12345678n", "204800Ki"). */
export interface ResourceUsage {
  cpu?: string;
  memory?: string;
}
export interface NodeMetricsObject {
  metadata: { name: string };
  usage: ResourceUsage;
}
export interface PodMetricsObject {
  metadata: { name: string; namespace: string };
  containers: { name: string; usage: ResourceUsage }[];
}

interface List<T> {
  metadata: { continue?: string };
  items: T[];
}

const scoped = (plural: string, namespace: string | undefined) =>
  namespace ? `/namespaces/${encodeURIComponent(namespace)}/${plural}` : `/${plural}`;

/** Every page of a list: metrics-server answers in one, the API server pages (limit/continue). */
export async function listAllPages<T>(client: KubeClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await client.get<List<T>>(path, { limit: PAGE, continue: token });
    items.push(...page.items);
    token = page.metadata.continue || undefined;
  } while (token);
  return items;
}

/** The NodeMetrics of every node. */
export const listNodeMetrics = (client: KubeClient) =>
  listAllPages<NodeMetricsObject>(client, `${METRICS}/nodes`);

/** The PodMetrics of every running pod (of one namespace, or all). */
export const listPodMetrics = (client: KubeClient, namespace?: string) =>
  listAllPages<PodMetricsObject>(client, METRICS + scoped('pods', namespace));

/**
 * Why a cluster has no resource metrics, when a read of them failed because of that: the API server
 * answers 404 when no metrics.k8s.io APIService is registered (metrics-server not installed) and 503
 * when it is registered but metrics-server does not answer. Undefined for any other failure.
 */
export function metricsAbsence(error: unknown): string | undefined {
  if (!(error instanceof KubeApiError)) return undefined;
  if (error.status === 404) {
    return 'This cluster serves no metrics.k8s.io API: install metrics-server (the EKS add-on metrics-server) to see CPU and memory use.';
  }
  if (error.status === 503) {
    return `metrics-server is installed but not answering (Kubernetes answered 503 ${error.reason}: ${error.message}); it may still be starting.`;
  }
  return undefined;
}
