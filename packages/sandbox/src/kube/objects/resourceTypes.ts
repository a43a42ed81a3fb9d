/** The Kubernetes resources the sandbox serves, as discovery describes them. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The resource name in URLs: 'pods', 'deployments', ... */
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served as `<plural>/<sub>` (pods/log, deployments/scale). */
  subresources: Array<{ name: string; kind: string; verbs: string[] }>;
  /**
   * Defined by a CustomResourceDefinition rather than built in: served (in discovery and on its
   * paths) only by clusters that hold the definition, as an API server serves an installed CRD.
   */
  crd: boolean;
}

const READ = ['get', 'list', 'watch'];
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SCALE = { name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'] };

function type(
  group: string,
  version: string,
  plural: string,
  kind: string,
  options: Partial<
    Pick<
      ResourceType,
      'namespaced' | 'shortNames' | 'categories' | 'verbs' | 'subresources' | 'crd'
    >
  > = {},
): ResourceType {
  return {
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames ?? [],
    categories: options.categories ?? [],
    verbs: options.verbs ?? ALL,
    subresources: options.subresources ?? [],
    crd: options.crd ?? false,
  };
}

/** What consoles read beside workloads (seeded by seed/consoleResources.ts). */
const CONSOLE_TYPES: ResourceType[] = [
  type('', 'v1', 'secrets', 'Secret'),
  type('', 'v1', 'serviceaccounts', 'ServiceAccount', { shortNames: ['sa'] }),
  type('', 'v1', 'endpoints', 'Endpoints', { shortNames: ['ep'] }),
  type('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', { shortNames: ['pvc'] }),
  type('', 'v1', 'persistentvolumes', 'PersistentVolume', {
    namespaced: false,
    shortNames: ['pv'],
  }),
  type('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice'),
  type('networking.k8s.io', 'v1', 'ingresses', 'Ingress', { shortNames: ['ing'] }),
  type('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', { shortNames: ['netpol'] }),
  type('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', { shortNames: ['pdb'] }),
  type('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', {
    namespaced: false,
    shortNames: ['sc'],
  }),
  type('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', {
    namespaced: false,
    shortNames: ['pc'],
  }),
  type('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', {
    namespaced: false,
    shortNames: ['crd', 'crds'],
  }),
  type('authentication.k8s.io', 'v1', 'selfsubjectreviews', 'SelfSubjectReview', {
    namespaced: false,
    verbs: ['create'],
  }),
];

/** RBAC (auth/rbac.ts evaluates it) and the reviews that ask it (`kubectl auth can-i`). */
const RBAC_TYPES: ResourceType[] = [
  type('rbac.authorization.k8s.io', 'v1', 'roles', 'Role'),
  type('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding'),
  type('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', { namespaced: false }),
  type('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', {
    namespaced: false,
  }),
  type('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', {
    namespaced: false,
    verbs: ['create'],
  }),
  type('authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', {
    namespaced: false,
    verbs: ['create'],
  }),
];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'namespaces', 'Namespace', {
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  type('', 'v1', 'nodes', 'Node', {
    namespaced: false,
    shortNames: ['no'],
    verbs: ['delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  type('', 'v1', 'pods', 'Pod', {
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'eviction', kind: 'Eviction', verbs: ['create'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    ],
  }),
  type('', 'v1', 'services', 'Service', { shortNames: ['svc'], categories: ['all'] }),
  type('', 'v1', 'events', 'Event', { shortNames: ['ev'] }),
  type('', 'v1', 'configmaps', 'ConfigMap', { shortNames: ['cm'] }),
  type('apps', 'v1', 'deployments', 'Deployment', {
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: [SCALE],
  }),
  type('apps', 'v1', 'replicasets', 'ReplicaSet', {
    shortNames: ['rs'],
    categories: ['all'],
    subresources: [SCALE],
  }),
  type('apps', 'v1', 'statefulsets', 'StatefulSet', {
    shortNames: ['sts'],
    categories: ['all'],
    subresources: [SCALE],
  }),
  type('apps', 'v1', 'daemonsets', 'DaemonSet', { shortNames: ['ds'], categories: ['all'] }),
  type('batch', 'v1', 'jobs', 'Job', { categories: ['all'] }),
  type('batch', 'v1', 'cronjobs', 'CronJob', { shortNames: ['cj'], categories: ['all'] }),
  // Node Leases: kubelets renew one each in kube-node-lease (kubectl describe node reads it).
  type('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  type('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ['all'],
  }),
  // The Vertical Pod Autoscaler's CRD: EKS does not install it; clusters that run the VPA have it.
  type('autoscaling.k8s.io', 'v1', 'verticalpodautoscalers', 'VerticalPodAutoscaler', {
    shortNames: ['vpa'],
    crd: true,
  }),
  // Karpenter's CRDs (its Helm chart installs them): served by the clusters that run it.
  type('karpenter.sh', 'v1', 'nodepools', 'NodePool', {
    namespaced: false,
    categories: ['karpenter'],
    crd: true,
  }),
  type('karpenter.sh', 'v1', 'nodeclaims', 'NodeClaim', {
    namespaced: false,
    categories: ['karpenter'],
    crd: true,
  }),
  type('karpenter.k8s.aws', 'v1', 'ec2nodeclasses', 'EC2NodeClass', {
    namespaced: false,
    shortNames: ['ec2nc', 'ec2ncs'],
    categories: ['karpenter'],
    crd: true,
  }),
  ...CONSOLE_TYPES,
  ...RBAC_TYPES,
  // The resource metrics API metrics-server serves (EKS clusters run it as an add-on): read-only,
  // computed from the simulation rather than stored (api/resourceMetrics.ts). Last, so a lookup by
  // plural alone finds the core nodes and pods first.
  type('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics', {
    namespaced: false,
    verbs: ['get', 'list'],
  }),
  type('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', { verbs: ['get', 'list'] }),
];

/** The group of the resource metrics API (served from the simulation, not stored). */
export const METRICS_GROUP = 'metrics.k8s.io';

export const READ_VERBS = READ;

/** "apps/v1", or "v1" for the core group. */
export function apiVersionOf(resource: Pick<ResourceType, 'group' | 'version'>): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

export function findResourceType(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (resource) =>
      resource.group === group && resource.version === version && resource.plural === plural,
  );
}

export function resourceTypeOfKind(kind: string): ResourceType {
  const found = RESOURCE_TYPES.find((resource) => resource.kind === kind);
  if (!found) throw new Error(`no resource type for kind ${kind}`);
  return found;
}

/** The name of the CustomResourceDefinition that defines a CRD-backed type: `<plural>.<group>`. */
export function crdNameOf(resource: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${resource.plural}.${resource.group}`;
}

/** Which resource types one cluster serves: the built-in ones, and the CRDs it holds. */
export type ServesType = (resource: ResourceType) => boolean;

/** Every type, as if every CRD were installed (for what is not about one cluster). */
export const SERVES_ALL: ServesType = () => true;

/** The API groups the sandbox serves, with their (single) version. */
export function servedGroups(
  serves: ServesType = SERVES_ALL,
): Array<{ group: string; version: string }> {
  const seen = new Map<string, string>();
  for (const resource of RESOURCE_TYPES) {
    if (resource.group && serves(resource)) seen.set(resource.group, resource.version);
  }
  return [...seen].map(([group, version]) => ({ group, version }));
}
