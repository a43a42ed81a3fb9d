import type { ObjectStore } from '../objects/objectStore.ts';
import type { KubeObject } from '../objects/types.ts';
import type { RequestAttributes } from './authorizer.ts';

/** One rule of a Role or ClusterRole (rbac.authorization.k8s.io/v1 PolicyRule). */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Role (namespaced) or ClusterRole. */
export interface RoleObject extends KubeObject {
  rules?: PolicyRule[];
}

export interface RbacSubject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
  apiGroup?: string;
}

/** RoleBinding (namespaced) or ClusterRoleBinding. */
export interface RoleBindingObject extends KubeObject {
  roleRef: { apiGroup: string; kind: 'Role' | 'ClusterRole'; name: string };
  subjects?: RbacSubject[];
}

/** Whom RBAC evaluates: the user name and groups the authenticator (or impersonation) produced. */
export interface RbacUser {
  username: string;
  groups: string[];
}

const has = (list: string[] | undefined, value: string) =>
  list !== undefined && (list.includes('*') || list.includes(value));

/** The API server's RuleAllows: verb, group, resource (or resource/subresource) and name. */
export function ruleAllows(rule: PolicyRule, request: RequestAttributes): boolean {
  if (!has(rule.verbs, request.verb)) return false;
  if (!has(rule.apiGroups, request.group)) return false;
  const resources = rule.resources ?? [];
  const resourceMatches = request.subresource
    ? resources.includes(`${request.resource}/${request.subresource}`) ||
      resources.includes(`*/${request.subresource}`) ||
      resources.includes('*')
    : resources.includes(request.resource) || resources.includes('*');
  if (!resourceMatches) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (request.name !== undefined && names.includes(request.name));
}

function bound(subjects: RbacSubject[] | undefined, user: RbacUser): boolean {
  return (subjects ?? []).some((subject) => {
    switch (subject.kind) {
      case 'User':
        return subject.name === user.username;
      case 'Group':
        return user.groups.includes(subject.name);
      case 'ServiceAccount':
        return user.username === `system:serviceaccount:${subject.namespace}:${subject.name}`;
    }
  });
}

function rulesOf(
  store: ObjectStore,
  binding: RoleBindingObject,
  namespace: string | undefined,
): PolicyRule[] {
  const role =
    binding.roleRef.kind === 'ClusterRole'
      ? store.get<RoleObject>('clusterroles', undefined, binding.roleRef.name)
      : store.get<RoleObject>('roles', namespace, binding.roleRef.name);
  return role?.rules ?? [];
}

/**
 * The rules that apply to `user` in `namespace` (cluster scope when undefined): every
 * ClusterRoleBinding's, plus the namespace's RoleBindings', as the API server's RBAC authorizer
 * collects them. A binding to a missing role grants nothing.
 */
export function rulesFor(
  store: ObjectStore,
  user: RbacUser,
  namespace: string | undefined,
): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const binding of store.all<RoleBindingObject>('clusterrolebindings')) {
    if (bound(binding.subjects, user)) rules.push(...rulesOf(store, binding, undefined));
  }
  if (namespace !== undefined) {
    for (const binding of store.all<RoleBindingObject>('rolebindings', namespace)) {
      if (bound(binding.subjects, user)) rules.push(...rulesOf(store, binding, namespace));
    }
  }
  return rules;
}

/** RBAC's decision: some rule bound to the user (or one of its groups) allows the request. */
export function rbacAllows(
  store: ObjectStore,
  user: RbacUser,
  request: RequestAttributes,
): boolean {
  return rulesFor(store, user, request.namespace).some((rule) => ruleAllows(rule, request));
}
