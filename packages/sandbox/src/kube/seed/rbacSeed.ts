import type { KubeObject } from '../objects/types.ts';
import { METRICS_GROUP, RESOURCE_TYPES } from '../objects/resourceTypes.ts';
import type { PolicyRule, RbacSubject, RoleBindingObject, RoleObject } from '../auth/rbac.ts';

/**
 * The RBAC every seeded cluster has: the standard ClusterRoles (cluster-admin, admin, edit, view;
 * written out, no aggregation), the console's right to impersonate, and bindings for the demo
 * identity provider's groups and the `wheelhouse:<role>` group local users carry:
 * - admins (wheelhouse-admins, wheelhouse:admin): cluster-admin;
 * - auditors (security-auditors, wheelhouse:auditor): read everything but Secrets;
 * - operators (platform-operators, wheelhouse:operator): cluster-scoped reads, node maintenance
 *   (patch nodes: cordon, uncordon), and `edit` in every
 *   namespace but HIDDEN_NAMESPACE (bound namespace by namespace where the cluster has it, so
 *   they may not list across namespaces there; cluster-wide elsewhere).
 * CRD-backed types (VerticalPodAutoscalers) are left out of view, edit and admin.
 */
export const HIDDEN_NAMESPACE = 'training';

export const RBAC_GROUPS = {
  admin: ['wheelhouse-admins', 'wheelhouse:admin'],
  operator: ['platform-operators', 'wheelhouse:operator'],
  auditor: ['security-auditors', 'wheelhouse:auditor'],
} as const;

const GROUP = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const REVIEWS = new Set([
  'selfsubjectreviews',
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
]);

/** Rules over the served resources that pass `pick`, one rule per API group. */
function rulesOver(
  verbs: string[],
  pick: (resource: (typeof RESOURCE_TYPES)[number]) => boolean,
  withSubresources = false,
): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const resource of RESOURCE_TYPES) {
    if (REVIEWS.has(resource.plural) || !pick(resource)) continue;
    const list = byGroup.get(resource.group) ?? [];
    list.push(resource.plural);
    if (withSubresources)
      for (const sub of resource.subresources) list.push(`${resource.plural}/${sub.name}`);
    byGroup.set(resource.group, list);
  }
  return [...byGroup].map(([group, resources]) => ({ apiGroups: [group], resources, verbs }));
}

const isRbac = (resource: { group: string }) => resource.group === GROUP;
const namespacedApp = (resource: { namespaced: boolean; group: string }) =>
  resource.namespaced && !isRbac(resource);

const clusterRole = (name: string, rules: PolicyRule[]): RoleObject => ({
  apiVersion: `${GROUP}/v1`,
  kind: 'ClusterRole',
  metadata: {
    name,
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
    ...(['cluster-admin', 'admin', 'edit', 'view'].includes(name)
      ? { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }
      : {}),
  },
  rules,
});

const groups = (names: readonly string[]): RbacSubject[] =>
  names.map((name) => ({ kind: 'Group', apiGroup: GROUP, name }));

function binding(
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  name: string,
  role: string,
  subjects: RbacSubject[],
  namespace?: string,
): RoleBindingObject {
  return {
    apiVersion: `${GROUP}/v1`,
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    roleRef: { apiGroup: GROUP, kind: 'ClusterRole', name: role },
    subjects,
  };
}

/** Writes the seeded RBAC objects into a cluster whose namespaces are `namespaces`. */
export function seedRbac(
  create: <T extends KubeObject>(plural: string, object: T) => T,
  namespaces: string[],
  consoleGroup: string,
): void {
  // CRDs are not aggregated into the built-in roles (the VPA installs no aggregate-to-view
  // roles): a person bound to view or edit may not read VerticalPodAutoscalers, as on EKS.
  const builtIn = (r: (typeof RESOURCE_TYPES)[number]) =>
    namespacedApp(r) && !r.crd && r.group !== METRICS_GROUP;
  // system:aggregated-metrics-reader (metrics-server's role, aggregated into view, edit and admin).
  const metricsReader: PolicyRule = {
    apiGroups: [METRICS_GROUP],
    resources: ['pods', 'nodes'],
    verbs: READ,
  };
  const view = [
    ...rulesOver(READ, (r) => builtIn(r) && r.plural !== 'secrets', true),
    metricsReader,
  ];
  const edit = [...rulesOver([...READ, ...WRITE], builtIn, true), metricsReader];
  const roles: RoleObject[] = [
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    clusterRole('admin', [
      ...edit,
      { apiGroups: [GROUP], resources: ['roles', 'rolebindings'], verbs: [...READ, ...WRITE] },
    ]),
    clusterRole('edit', edit),
    clusterRole('view', view),
    clusterRole('system:aggregated-metrics-reader', [metricsReader]),
    clusterRole('wheelhouse-impersonator', [
      { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] },
    ]),
    // Written out over the built-in cluster-scoped types: Karpenter's NodePools, NodeClaims and
    // EC2NodeClasses (CRDs) are not in it, so operators may not read them.
    clusterRole(
      'wheelhouse-cluster-reader',
      rulesOver(READ, (r) => !r.namespaced && !r.crd),
    ),
    // Platform operators maintain nodes (cordon, uncordon, drain): `edit` has no cluster-scoped objects.
    clusterRole('wheelhouse-node-maintainer', [
      { apiGroups: [''], resources: ['nodes'], verbs: ['patch', 'update'] },
    ]),
    clusterRole(
      'wheelhouse-auditor',
      rulesOver(READ, (r) => r.plural !== 'secrets', true),
    ),
  ];
  for (const role of roles) create('clusterroles', role);
  const clusterBindings: RoleBindingObject[] = [
    binding('ClusterRoleBinding', 'cluster-admin', 'cluster-admin', groups(['system:masters'])),
    binding(
      'ClusterRoleBinding',
      'wheelhouse-impersonator',
      'wheelhouse-impersonator',
      groups([consoleGroup]),
    ),
    binding('ClusterRoleBinding', 'wheelhouse-admins', 'cluster-admin', groups(RBAC_GROUPS.admin)),
    binding(
      'ClusterRoleBinding',
      'wheelhouse-auditors',
      'wheelhouse-auditor',
      groups(RBAC_GROUPS.auditor),
    ),
    binding(
      'ClusterRoleBinding',
      'wheelhouse-operators-cluster',
      'wheelhouse-cluster-reader',
      groups(RBAC_GROUPS.operator),
    ),
    binding(
      'ClusterRoleBinding',
      'wheelhouse-operators-nodes',
      'wheelhouse-node-maintainer',
      groups(RBAC_GROUPS.operator),
    ),
  ];
  if (!namespaces.includes(HIDDEN_NAMESPACE)) {
    clusterBindings.push(
      binding('ClusterRoleBinding', 'wheelhouse-operators', 'edit', groups(RBAC_GROUPS.operator)),
    );
  }
  for (const item of clusterBindings) create('clusterrolebindings', item);
  if (namespaces.includes(HIDDEN_NAMESPACE)) {
    for (const namespace of namespaces) {
      if (namespace === HIDDEN_NAMESPACE) continue;
      create(
        'rolebindings',
        binding(
          'RoleBinding',
          'wheelhouse-operators',
          'edit',
          groups(RBAC_GROUPS.operator),
          namespace,
        ),
      );
    }
  }
}
