import type { Principal } from '../../auth/principals.ts';
import { accessEntryPrincipalOf } from '../../world/eks/accessEntries.ts';
import { findAccessPolicy, type PolicyPower } from '../../world/eks/accessPolicies.ts';
import type { EksClusterRecord } from '../../world/eks/types.ts';
import { KubeStatusError } from '../api/status.ts';
import type { ConfigMap } from '../objects/types.ts';
import { findMapping } from './awsAuth.ts';

/** Who a request runs as, and what EKS authorization grants them. */
export interface KubeUser {
  username: string;
  groups: string[];
  grants: Array<{ power: PolicyPower; namespaces?: string[] }>;
}

/** What a request asks to do, in Kubernetes authorization terms. */
export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/**
 * Groups with a built-in meaning: system:masters (cluster-admin, aws-auth
 * only) and the group the EKS console documentation binds to a read-only
 * ClusterRole (the sandbox's only simulated RBAC binding).
 */
const GROUP_POWERS: Record<string, PolicyPower> = {
  'system:masters': 'cluster-admin',
  'eks-console-dashboard-full-access-group': 'view',
};

function grantsOfGroups(groups: string[]): KubeUser['grants'] {
  return groups.flatMap((group) => {
    const power = GROUP_POWERS[group];
    return power ? [{ power }] : [];
  });
}

function fillUsername(template: string, principal: Principal): string {
  const session = principal.type === 'AssumedRole' ? principal.sessionName : '';
  return template
    .replaceAll('{{SessionName}}', session)
    .replaceAll('{{SessionNameRaw}}', session)
    .replaceAll('{{AccountID}}', principal.accountId);
}

/**
 * Maps an IAM caller to a Kubernetes user as EKS does: its access entry (API
 * modes), else its aws-auth mapping (CONFIG_MAP modes). An unmapped caller is
 * not authenticated at all: undefined, which the API server answers with 401
 * Unauthorized (kubectl: "You must be logged in to the server"), as on EKS. A
 * mapped caller without permissions gets 403 from authorization instead.
 */
export function resolveEksUser(
  cluster: EksClusterRecord,
  principal: Principal,
  awsAuth: ConfigMap | undefined,
): KubeUser | undefined {
  const entryArn = accessEntryPrincipalOf(principal.arn);
  const mode = cluster.accessConfig.authenticationMode;
  const entry = mode !== 'CONFIG_MAP' ? cluster.accessEntries.get(entryArn) : undefined;
  if (entry) {
    const policyGrants = [...entry.policies.values()].map((association) => ({
      power: findAccessPolicy(association.policyArn)?.power ?? ('none' as const),
      ...(association.accessScope.type === 'namespace'
        ? { namespaces: association.accessScope.namespaces }
        : {}),
    }));
    return {
      username: fillUsername(entry.username, principal),
      groups: [...entry.kubernetesGroups, 'system:authenticated'],
      grants: [...policyGrants, ...grantsOfGroups(entry.kubernetesGroups)],
    };
  }
  if (mode === 'CONFIG_MAP' && cluster.creatorArn === entryArn) {
    // EKS maps the creator of a CONFIG_MAP cluster to system:masters before (and outside) aws-auth.
    return {
      username: 'kubernetes-admin',
      groups: ['system:masters', 'system:authenticated'],
      grants: grantsOfGroups(['system:masters']),
    };
  }
  const mapping = mode !== 'API' ? findMapping(awsAuth, entryArn) : undefined;
  if (mapping) {
    return {
      username: fillUsername(mapping.username, principal),
      groups: [...mapping.groups, 'system:authenticated'],
      grants: grantsOfGroups(mapping.groups),
    };
  }
  return undefined;
}

const READ = new Set(['get', 'list', 'watch']);
const CLUSTER_SCOPED = new Set([
  'nodes',
  'namespaces',
  'persistentvolumes',
  'storageclasses',
  'priorityclasses',
  'customresourcedefinitions',
  'nodepools',
  'nodeclaims',
  'ec2nodeclasses',
]);

function grantAllows(grant: KubeUser['grants'][number], request: RequestAttributes): boolean {
  if (grant.namespaces) {
    // A namespace-scoped policy covers requests inside those namespaces only.
    if (request.namespace === undefined || !grant.namespaces.includes(request.namespace))
      return false;
  }
  switch (grant.power) {
    case 'cluster-admin':
      return true;
    case 'admin':
      return READ.has(request.verb) || !CLUSTER_SCOPED.has(request.resource);
    case 'view':
      return READ.has(request.verb) && request.resource !== 'secrets';
    case 'none':
      return false;
  }
}

export function isAllowed(user: KubeUser, request: RequestAttributes): boolean {
  return user.grants.some((grant) => grantAllows(grant, request));
}

/** The 403 Status the API server writes, word for word. */
export function forbidden(user: KubeUser, request: RequestAttributes): KubeStatusError {
  const qualified = request.group ? `${request.resource}.${request.group}` : request.resource;
  const subject = request.name ? `${qualified} "${request.name}"` : qualified;
  const resource = request.subresource
    ? `${request.resource}/${request.subresource}`
    : request.resource;
  const scope =
    request.namespace !== undefined
      ? `in the namespace "${request.namespace}"`
      : 'at the cluster scope';
  return new KubeStatusError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user.username}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`,
    {
      ...(request.name ? { name: request.name } : {}),
      ...(request.group ? { group: request.group } : {}),
      kind: request.resource,
    },
  );
}
