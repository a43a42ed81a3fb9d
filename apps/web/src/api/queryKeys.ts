import type { ClusterRef } from '@wheelhouse/contract';

/** The audit filters a list query depends on (the URL's `?user=&action=…`, paging aside). */
export interface AuditKeyFilters {
  user?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

/** The server-side filters of a pods list (the text filter stays in the browser). */
export interface PodKeyFilters {
  namespace?: string;
  node?: string;
  phase?: string;
  labelSelector?: string;
}

const computeOf = (ref: ClusterRef) => ['compute', ref.accountId, ref.region, ref.name] as const;
const k8sOf = (ref: ClusterRef) => ['k8s', ref.accountId, ref.region, ref.name] as const;

/**
 * The one query-key factory. Keys are arrays holding every variable their query uses, from broad to
 * narrow, so invalidating a prefix (e.g. `queryKeys.clusters.all()`) refreshes everything below it.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  authProviders: () => ['auth-providers'] as const,
  sources: () => ['sources'] as const,
  clusters: {
    all: () => ['clusters'] as const,
    list: () => ['clusters', 'list'] as const,
    detail: (ref: ClusterRef) =>
      ['clusters', 'detail', ref.accountId, ref.region, ref.name] as const,
    /** EKS updates of the cluster itself (the Updates tab). */
    updates: (ref: ClusterRef) =>
      ['clusters', 'updates', ref.accountId, ref.region, ref.name] as const,
    upgradePlan: (ref: ClusterRef) =>
      ['clusters', 'upgrade-plan', ref.accountId, ref.region, ref.name] as const,
  },
  /** Kubernetes versions EKS offers for new clusters in one account and region. */
  versions: (accountId: string, region: string) => ['versions', accountId, region] as const,
  dashboard: {
    all: () => ['dashboard'] as const,
    fleet: () => ['dashboard', 'fleet'] as const,
    /** The wall-screen session a dashboard token opened (null without one). */
    session: () => ['dashboard', 'session'] as const,
    tokens: () => ['dashboard', 'tokens'] as const,
  },
  cost: { fleet: () => ['cost', 'fleet'] as const },
  /** EKS add-ons: the fleet's drift, and one cluster's installed add-ons. */
  addons: {
    all: () => ['addons'] as const,
    fleet: () => ['addons', 'fleet'] as const,
    cluster: (ref: ClusterRef) =>
      ['addons', 'cluster', ref.accountId, ref.region, ref.name] as const,
    /** One build's configuration schema (`version` absent: the cluster's default build). */
    configuration: (ref: ClusterRef, addon: string | undefined, version: string | undefined) =>
      ['addons', 'configuration', ref.accountId, ref.region, ref.name, addon, version] as const,
  },
  /** EKS insights and upgrade readiness: the fleet's, and one cluster's. */
  insights: {
    all: () => ['insights'] as const,
    fleet: () => ['insights', 'fleet'] as const,
    cluster: (ref: ClusterRef) =>
      ['insights', 'cluster', ref.accountId, ref.region, ref.name] as const,
  },
  /** Posture findings: the fleet's, and one cluster's. */
  posture: {
    all: () => ['posture'] as const,
    fleet: () => ['posture', 'fleet'] as const,
    cluster: (ref: ClusterRef) =>
      ['posture', 'cluster', ref.accountId, ref.region, ref.name] as const,
  },
  /** The Access tab: entries, OIDC providers, Pod Identity; `cluster(ref)` is the prefix of all. */
  access: {
    cluster: (ref: ClusterRef) => ['access', ref.accountId, ref.region, ref.name] as const,
    whoCan: (ref: ClusterRef, query: { verb: string; resource: string; namespace?: string }) =>
      ['access', ref.accountId, ref.region, ref.name, 'who-can', query] as const,
  },
  /** Node groups, self-managed groups and Fargate profiles; `cluster(ref)` is the prefix of all. */
  compute: {
    cluster: computeOf,
    overview: (ref: ClusterRef) => [...computeOf(ref), 'overview'] as const,
    nodegroup: (ref: ClusterRef, nodegroup: string) =>
      [...computeOf(ref), 'nodegroup', nodegroup] as const,
    fargateMatch: (ref: ClusterRef, namespace: string, labels: Record<string, string>) =>
      [...computeOf(ref), 'fargate-match', namespace, labels] as const,
  },
  /** Reads of a cluster's Kubernetes API (Resources tab, pod page); `cluster(ref)` is the prefix of all. */
  k8s: {
    cluster: k8sOf,
    namespaces: (ref: ClusterRef) => [...k8sOf(ref), 'namespaces'] as const,
    /** `namespace` '' means all namespaces. */
    workloads: (ref: ClusterRef, namespace: string) =>
      [...k8sOf(ref), 'workloads', namespace] as const,
    services: (ref: ClusterRef, namespace: string) =>
      [...k8sOf(ref), 'services', namespace] as const,
    pods: (ref: ClusterRef, filters: PodKeyFilters) => [...k8sOf(ref), 'pods', filters] as const,
    pod: (ref: ClusterRef, namespace: string, pod: string) =>
      [...k8sOf(ref), 'pod', namespace, pod] as const,
    nodes: (ref: ClusterRef) => [...k8sOf(ref), 'nodes'] as const,
    /** What the signed-in user may do there (SelfSubjectAccessReviews); `namespace` '' for all. */
    accessReview: (ref: ClusterRef, namespace: string) =>
      [...k8sOf(ref), 'access-review', namespace] as const,
    disruption: (ref: ClusterRef, nodegroup: string) =>
      [...k8sOf(ref), 'nodegroups', nodegroup, 'disruption'] as const,
    autoscaling: (ref: ClusterRef) => [...k8sOf(ref), 'autoscaling'] as const,
    /** CPU and memory over a window (`5m`…`1h`); `namespace` '' for all. */
    nodeMetrics: (ref: ClusterRef, window: string) =>
      [...k8sOf(ref), 'metrics', 'nodes', window] as const,
    podMetrics: (ref: ClusterRef, namespace: string, window: string) =>
      [...k8sOf(ref), 'metrics', 'pods', namespace, window] as const,
    /** `namespace` '' for cluster-scoped objects (nodes). */
    object: (ref: ClusterRef, resource: string, namespace: string, name: string) =>
      [...k8sOf(ref), 'object', resource, namespace, name] as const,
    events: (
      ref: ClusterRef,
      filters: { namespace: string; kind: string; reason: string; type: string },
    ) => [...k8sOf(ref), 'events', filters] as const,
  },
  /** Fleet search, by query text and kinds asked. */
  search: (q: string, kinds: readonly string[]) => ['search', q, kinds.join(',')] as const,
  audit: {
    all: () => ['audit'] as const,
    list: (filters: AuditKeyFilters) => ['audit', 'list', filters] as const,
  },
};
