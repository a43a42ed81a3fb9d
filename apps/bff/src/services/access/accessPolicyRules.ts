/**
 * What each EKS access policy lets a principal do, as Kubernetes RBAC rules
 * (from the policies' permission lists in the EKS user guide, which mirror
 * Kubernetes' default view/edit/admin/cluster-admin ClusterRoles). The BFF
 * keeps its own table: in production it cannot import the sandbox's
 * authorizer, and the two must agree on these four policies.
 */

/** The Kubernetes PolicyRule subset the analysis reads (apiGroups are not told apart: resource names suffice here). */
export interface PermissionRule {
  verbs: string[];
  resources: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** Namespaced resources of Kubernetes' `view` role (secrets are left out on purpose: reading one is escalation). */
const VIEWABLE = [
  'pods',
  'pods/log',
  'pods/status',
  'services',
  'endpoints',
  'configmaps',
  'persistentvolumeclaims',
  'replicationcontrollers',
  'serviceaccounts',
  'events',
  'limitranges',
  'resourcequotas',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'horizontalpodautoscalers',
  'ingresses',
  'networkpolicies',
  'poddisruptionbudgets',
  'controllerrevisions',
  'endpointslices',
  'leases',
];
/** What `edit` may change: the workloads and their config, secrets included; never RBAC. */
const EDITABLE = [
  'pods',
  'pods/exec',
  'pods/attach',
  'pods/portforward',
  'pods/eviction',
  'services',
  'endpoints',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'replicationcontrollers',
  'serviceaccounts',
  'deployments',
  'deployments/scale',
  'replicasets',
  'statefulsets',
  'statefulsets/scale',
  'daemonsets',
  'jobs',
  'cronjobs',
  'horizontalpodautoscalers',
  'ingresses',
  'networkpolicies',
  'poddisruptionbudgets',
  'leases',
];

const VIEW: PermissionRule[] = [
  { verbs: READ, resources: VIEWABLE },
  { verbs: READ, resources: ['namespaces'] },
];
const EDIT: PermissionRule[] = [
  ...VIEW,
  { verbs: READ, resources: ['secrets'] },
  { verbs: WRITE, resources: EDITABLE },
];
const ADMIN: PermissionRule[] = [
  ...EDIT,
  { verbs: [...READ, ...WRITE, 'bind', 'escalate'], resources: ['roles', 'rolebindings'] },
  { verbs: ['create'], resources: ['localsubjectaccessreviews'] },
];

/** Policies by name; a policy missing here grants nothing the console analyses (node, storage, networking ones). */
export const ACCESS_POLICY_RULES: Readonly<Record<string, readonly PermissionRule[]>> = {
  AmazonEKSClusterAdminPolicy: [{ verbs: ['*'], resources: ['*'] }],
  AmazonEKSAdminPolicy: ADMIN,
  AmazonEKSEditPolicy: EDIT,
  AmazonEKSViewPolicy: VIEW,
  AmazonEKSAdminViewPolicy: [{ verbs: READ, resources: ['*'] }],
  AmazonEKSSecretReaderPolicy: [{ verbs: READ, resources: ['secrets'] }],
};

/** Resources that belong to no namespace: only a cluster-wide grant reaches them. */
export const CLUSTER_SCOPED = new Set([
  'nodes',
  'namespaces',
  'persistentvolumes',
  'storageclasses',
  'clusterroles',
  'clusterrolebindings',
  'customresourcedefinitions',
  'priorityclasses',
  'csidrivers',
  'csinodes',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'apiservices',
  'certificatesigningrequests',
]);

/** The policy name of an access policy ARN (`.../cluster-access-policy/AmazonEKSViewPolicy`). */
export const policyNameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** Does one rule allow the verb on the resource? `*` matches any, as in RBAC. */
export function ruleAllows(rule: PermissionRule, verb: string, resource: string): boolean {
  const verbOk = rule.verbs.includes('*') || rule.verbs.includes(verb);
  const resourceOk =
    rule.resources.includes('*') ||
    rule.resources.includes(resource) ||
    // `pods/*` covers every subresource of pods.
    rule.resources.some((r) => r.endsWith('/*') && resource.startsWith(r.slice(0, -1)));
  return verbOk && resourceOk;
}
