import type {
  AccessEntry,
  AccessGrant,
  IdentityProviderConfig,
  WhoCanQuery,
} from '@wheelhouse/contract';
import {
  ACCESS_POLICY_RULES,
  CLUSTER_SCOPED,
  ruleAllows,
  type PermissionRule,
} from './accessPolicyRules.ts';

/** rbac.authorization.k8s.io/v1 Role or ClusterRole, as listed (the fields read here). */
export interface RbacRole {
  metadata: { name: string; namespace?: string };
  rules?: Array<{ verbs: string[]; resources?: string[]; apiGroups?: string[] }> | null;
}

/** rbac.authorization.k8s.io/v1 RoleBinding or ClusterRoleBinding. */
export interface RbacBinding {
  metadata: { name: string; namespace?: string };
  roleRef: { kind: string; name: string };
  subjects?: Array<{ kind: string; name: string; namespace?: string }> | null;
}

export interface RbacObjects {
  roles: RbacRole[];
  clusterRoles: RbacRole[];
  roleBindings: RbacBinding[];
  clusterRoleBindings: RbacBinding[];
}

/** What the answer is computed from: EKS's view (entries, IdPs) and the cluster's RBAC. */
export interface AccessFacts {
  entries: AccessEntry[];
  identityProviders: IdentityProviderConfig[];
  rbac: RbacObjects;
}

const toRules = (role: RbacRole | undefined): PermissionRule[] =>
  (role?.rules ?? []).map((rule) => ({ verbs: rule.verbs, resources: rule.resources ?? [] }));

const allows = (rules: readonly PermissionRule[], query: WhoCanQuery) =>
  rules.some((rule) => ruleAllows(rule, query.verb, query.resource));

/**
 * Who may do `verb` on `resource` in `namespace` (or in every namespace when none is given), and
 * why: the reasons `kubectl auth can-i` would find, subject by subject, as rbac-lookup lists them.
 * A namespace-limited grant counts only when that namespace is asked about, and never for
 * cluster-scoped resources.
 */
export function whoCan(facts: AccessFacts, query: WhoCanQuery): AccessGrant[] {
  const clusterScoped = CLUSTER_SCOPED.has(query.resource.split('/')[0]!);
  const inScope = (namespace: string) =>
    !clusterScoped && query.namespace !== undefined && namespace === query.namespace;
  const grants: AccessGrant[] = [];

  for (const entry of facts.entries) {
    for (const policy of entry.policies) {
      const rules = ACCESS_POLICY_RULES[policy.policyName];
      if (!rules || !allows(rules, query)) continue;
      if (policy.scope.type === 'cluster') {
        grants.push({
          kind: 'access-entry',
          subject: entry.principalArn,
          via: `${policy.policyName} (cluster)`,
          scope: 'cluster',
        });
      } else if (policy.scope.namespaces.some(inScope)) {
        grants.push({
          kind: 'access-entry',
          subject: entry.principalArn,
          via: `${policy.policyName} (namespaces: ${policy.scope.namespaces.join(', ')})`,
          scope: query.namespace!,
        });
      }
    }
  }

  const findRole = (kind: string, name: string, namespace?: string) =>
    kind === 'ClusterRole'
      ? facts.rbac.clusterRoles.find((role) => role.metadata.name === name)
      : facts.rbac.roles.find(
          (role) => role.metadata.name === name && role.metadata.namespace === namespace,
        );

  const bindings: Array<{ binding: RbacBinding; label: string; scope: string }> = [];
  for (const binding of facts.rbac.clusterRoleBindings) {
    if (binding.roleRef.kind !== 'ClusterRole') continue;
    if (!allows(toRules(findRole('ClusterRole', binding.roleRef.name)), query)) continue;
    bindings.push({
      binding,
      label: `ClusterRoleBinding/${binding.metadata.name} → ClusterRole/${binding.roleRef.name}`,
      scope: 'cluster',
    });
  }
  for (const binding of facts.rbac.roleBindings) {
    const namespace = binding.metadata.namespace ?? '';
    if (!inScope(namespace)) continue;
    const role = findRole(binding.roleRef.kind, binding.roleRef.name, namespace);
    if (!allows(toRules(role), query)) continue;
    bindings.push({
      binding,
      label: `RoleBinding/${namespace}/${binding.metadata.name} → ${binding.roleRef.kind}/${binding.roleRef.name}`,
      scope: namespace,
    });
  }

  for (const { binding, label, scope } of bindings) {
    for (const subject of binding.subjects ?? []) {
      if (subject.kind === 'ServiceAccount') {
        const namespace = subject.namespace ?? binding.metadata.namespace ?? '';
        grants.push({
          kind: 'rbac-binding',
          subject: `ServiceAccount:${namespace}/${subject.name}`,
          via: label,
          scope,
        });
        continue;
      }
      grants.push({
        kind: 'rbac-binding',
        subject: `${subject.kind}:${subject.name}`,
        via: label,
        scope,
      });
      // Who reaches this subject: access entries through their groups or user name, IdPs through prefixes.
      for (const entry of facts.entries) {
        const reaches =
          subject.kind === 'Group'
            ? entry.kubernetesGroups.includes(subject.name)
            : entry.username === subject.name;
        if (reaches) {
          grants.push({
            kind: 'access-entry',
            subject: entry.principalArn,
            via: `${subject.kind === 'Group' ? 'group' : 'user'} ${subject.name} ← ${label}`,
            scope,
          });
        }
      }
      for (const idp of facts.identityProviders) {
        const prefix = subject.kind === 'Group' ? idp.groupsPrefix : idp.usernamePrefix;
        if (prefix && subject.name.startsWith(prefix)) {
          grants.push({
            kind: 'idp-group',
            subject: `${subject.kind}:${subject.name}`,
            via: `${idp.name} (OIDC ${idp.issuerUrl}) → ${label}`,
            scope,
          });
        }
      }
    }
  }

  const order = { 'access-entry': 0, 'idp-group': 1, 'rbac-binding': 2 } as const;
  return grants.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      a.subject.localeCompare(b.subject) ||
      a.via.localeCompare(b.via),
  );
}
