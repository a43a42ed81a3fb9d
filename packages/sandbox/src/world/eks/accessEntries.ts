import { randomUUID } from 'node:crypto';
import { AwsError } from '../../awsError.ts';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import {
  ACCESS_POLICIES,
  CLUSTER_ADMIN_POLICY_ARN,
  findAccessPolicy,
  type AccessPolicyInfo,
} from './accessPolicies.ts';
import { eksErrors } from './eksErrors.ts';
import type {
  AccessEntryRecord,
  AccessScope,
  AssociatedAccessPolicyRecord,
  EksClusterRecord,
} from './types.ts';
import { validateTags } from './validation.ts';

/** Access entries and their access policies, with EKS's rules and messages. */

const ENTRY_TYPES = [
  'STANDARD',
  'FARGATE_LINUX',
  'EC2_LINUX',
  'EC2_WINDOWS',
  'EC2',
  'HYBRID_LINUX',
  'HYPERPOD_LINUX',
];
const PRINCIPAL = /^arn:(aws[a-z-]*):iam::(\d{12}):(user|role)\/([\w+=,.@/-]{1,512})$/;

export interface CreateAccessEntryInput {
  principalArn: string;
  kubernetesGroups?: string[];
  username?: string;
  type?: string;
  tags?: Record<string, string>;
  /** The ARN's trailing id; the seed passes one so ARNs are the same on every start. */
  uuid?: string;
}

/** Access entries exist only where the cluster authenticates through the EKS API. */
function requireApiAuthentication(cluster: EksClusterRecord): void {
  if (cluster.accessConfig.authenticationMode === 'CONFIG_MAP') {
    throw eksErrors.invalidRequest(
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
      { clusterName: cluster.name },
    );
  }
}

function entryNotFound(cluster: EksClusterRecord): AwsError {
  return new AwsError(
    'ResourceNotFoundException',
    404,
    "The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.",
    { clusterName: cluster.name },
  );
}

function validateGroups(cluster: EksClusterRecord, groups: string[]): void {
  const reserved = groups.find((group) => group.startsWith('system:'));
  if (reserved !== undefined) {
    throw eksErrors.invalidParameter(
      `The kubernetesGroups value '${reserved}' is invalid: group names can't start with 'system:'.`,
      { clusterName: cluster.name },
    );
  }
}

/** EKS's default Kubernetes user name: the user ARN, or the role's session ARN template. */
function defaultUsername(principalArn: string): string {
  const [, partition, accountId, kind, name] = PRINCIPAL.exec(principalArn)!;
  if (kind === 'user') return principalArn;
  const roleName = name!.split('/').pop()!;
  return `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/{{SessionName}}`;
}

export function findAccessEntry(
  cluster: EksClusterRecord,
  principalArn: string,
): AccessEntryRecord {
  requireApiAuthentication(cluster);
  const entry = cluster.accessEntries.get(principalArn);
  if (!entry) throw entryNotFound(cluster);
  return entry;
}

export function createAccessEntry(
  cluster: EksClusterRecord,
  input: CreateAccessEntryInput,
  now: Date,
): AccessEntryRecord {
  requireApiAuthentication(cluster);
  const fields = { clusterName: cluster.name };
  const match = PRINCIPAL.exec(input.principalArn);
  if (!match) {
    throw eksErrors.invalidParameter(
      `The principalArn '${input.principalArn}' is not a valid IAM user or role ARN. STS session ARNs can't be used in access entries.`,
      fields,
    );
  }
  const type = input.type ?? 'STANDARD';
  if (!ENTRY_TYPES.includes(type)) {
    throw eksErrors.invalidParameter(
      `The type '${type}' is invalid. Valid values are ${ENTRY_TYPES.join(', ')}.`,
      fields,
    );
  }
  if (type !== 'STANDARD' && match[2] !== cluster.accountId) {
    throw eksErrors.invalidParameter(
      `Access entries of type ${type} need a principal in the cluster's account ${cluster.accountId}.`,
      fields,
    );
  }
  const groups = input.kubernetesGroups ?? [];
  validateGroups(cluster, groups);
  if (type !== 'STANDARD' && (groups.length > 0 || input.username !== undefined)) {
    throw eksErrors.invalidParameter(
      `Access entries of type ${type} can't have kubernetesGroups or a username.`,
      fields,
    );
  }
  const tags = input.tags ?? {};
  validateTags(tags);
  if (cluster.accessEntries.has(input.principalArn)) {
    throw eksErrors.resourceInUse(
      'The specified access entry resource is already in use on this cluster.',
      fields,
    );
  }
  const [, , accountId, kind, name] = match;
  const entry: AccessEntryRecord = {
    principalArn: input.principalArn,
    arn: `arn:aws:eks:${cluster.region}:${cluster.accountId}:access-entry/${cluster.name}/${kind}/${accountId}/${name!.split('/').pop()}/${input.uuid ?? randomUUID()}`,
    clusterName: cluster.name,
    kubernetesGroups: [...groups],
    username:
      input.username ??
      (type === 'STANDARD'
        ? defaultUsername(input.principalArn)
        : 'system:node:{{EC2PrivateDNSName}}'),
    type,
    createdAt: now,
    modifiedAt: now,
    tags: { ...tags },
    policies: new Map(),
  };
  cluster.accessEntries.set(entry.principalArn, entry);
  return entry;
}

export function updateAccessEntry(
  cluster: EksClusterRecord,
  principalArn: string,
  input: { kubernetesGroups?: string[]; username?: string },
  now: Date,
): AccessEntryRecord {
  const entry = findAccessEntry(cluster, principalArn);
  if (input.kubernetesGroups) {
    validateGroups(cluster, input.kubernetesGroups);
    entry.kubernetesGroups = [...input.kubernetesGroups];
  }
  if (input.username !== undefined) entry.username = input.username;
  entry.modifiedAt = now;
  return entry;
}

export function deleteAccessEntry(cluster: EksClusterRecord, principalArn: string): void {
  findAccessEntry(cluster, principalArn);
  cluster.accessEntries.delete(principalArn);
}

export function listAccessEntryArns(
  cluster: EksClusterRecord,
  request: PageRequest & { associatedPolicyArn?: string },
): Page<string> {
  requireApiAuthentication(cluster);
  const arns = [...cluster.accessEntries.values()]
    .filter(
      (entry) =>
        request.associatedPolicyArn === undefined ||
        entry.policies.has(request.associatedPolicyArn),
    )
    .map((entry) => entry.principalArn);
  return paginate(arns, (arn) => arn, request);
}

function validateScope(cluster: EksClusterRecord, scope: AccessScope): void {
  const fields = { clusterName: cluster.name };
  if (scope.type !== 'cluster' && scope.type !== 'namespace') {
    throw eksErrors.invalidParameter(
      `The accessScope type '${String(scope.type)}' is invalid. Valid values are cluster, namespace.`,
      fields,
    );
  }
  if (scope.type === 'namespace' && scope.namespaces.length === 0) {
    throw eksErrors.invalidParameter(
      'At least one namespace is required for an access scope of type namespace.',
      fields,
    );
  }
  if (scope.type === 'cluster' && scope.namespaces.length > 0) {
    throw eksErrors.invalidParameter(
      'Namespaces can only be given for an access scope of type namespace.',
      fields,
    );
  }
}

export function associateAccessPolicy(
  cluster: EksClusterRecord,
  principalArn: string,
  policyArn: string,
  scope: AccessScope,
  now: Date,
): AssociatedAccessPolicyRecord {
  const entry = findAccessEntry(cluster, principalArn);
  if (!findAccessPolicy(policyArn)) {
    throw eksErrors.invalidParameter(`The policyArn '${policyArn}' is not a valid access policy.`, {
      clusterName: cluster.name,
    });
  }
  if (entry.type !== 'STANDARD') {
    throw eksErrors.invalidRequest(
      `Access policies can't be associated with access entries of type ${entry.type}.`,
      { clusterName: cluster.name },
    );
  }
  validateScope(cluster, scope);
  const existing = entry.policies.get(policyArn);
  const association: AssociatedAccessPolicyRecord = {
    policyArn,
    accessScope: { type: scope.type, namespaces: [...scope.namespaces] },
    associatedAt: existing?.associatedAt ?? now,
    modifiedAt: now,
  };
  entry.policies.set(policyArn, association);
  return association;
}

export function disassociateAccessPolicy(
  cluster: EksClusterRecord,
  principalArn: string,
  policyArn: string,
): void {
  const entry = findAccessEntry(cluster, principalArn);
  if (!entry.policies.delete(policyArn)) {
    throw new AwsError(
      'ResourceNotFoundException',
      404,
      `The access policy ${policyArn} is not associated with the access entry for ${principalArn}.`,
      { clusterName: cluster.name },
    );
  }
}

export function listAssociatedPolicies(
  cluster: EksClusterRecord,
  principalArn: string,
  request: PageRequest,
): Page<AssociatedAccessPolicyRecord> {
  const entry = findAccessEntry(cluster, principalArn);
  return paginate([...entry.policies.values()], (policy) => policy.policyArn, request);
}

export function listAccessPolicies(request: PageRequest): Page<AccessPolicyInfo> {
  return paginate([...ACCESS_POLICIES], (policy) => policy.name, request);
}

/**
 * What CreateCluster does with bootstrapClusterCreatorAdminPermissions: the
 * creator (a role session counts as its role) is cluster admin. In API modes
 * that is an access entry with AmazonEKSClusterAdminPolicy on the whole
 * cluster; in CONFIG_MAP mode an identity EKS maps to system:masters without
 * showing it in aws-auth, which gets its entry when the mode moves to an API
 * mode.
 */
export function bootstrapCreatorAccess(
  cluster: EksClusterRecord,
  creatorArn: string,
  now: Date,
): void {
  if (!cluster.accessConfig.bootstrapClusterCreatorAdminPermissions) return;
  cluster.creatorArn = creatorArn;
  grantCreatorEntry(cluster, now);
}

function grantCreatorEntry(cluster: EksClusterRecord, now: Date): void {
  const creatorArn = cluster.creatorArn;
  if (!creatorArn || cluster.accessConfig.authenticationMode === 'CONFIG_MAP') return;
  if (cluster.accessEntries.has(creatorArn)) return;
  createAccessEntry(cluster, { principalArn: creatorArn }, now);
  associateAccessPolicy(
    cluster,
    creatorArn,
    CLUSTER_ADMIN_POLICY_ARN,
    { type: 'cluster', namespaces: [] },
    now,
  );
}

/** Groups and user names EKS gives the entries it creates for node and Fargate pod execution roles. */
const COMPUTE_ENTRIES = {
  EC2_LINUX: { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['system:nodes'] },
  FARGATE_LINUX: {
    username: 'system:node:{{SessionName}}',
    groups: ['system:bootstrappers', 'system:nodes', 'system:node-proxier'],
  },
} as const;

/**
 * EKS creates an EC2_LINUX entry for a managed node group's node role and a
 * FARGATE_LINUX entry for a Fargate profile's pod execution role (API modes;
 * an existing entry of that role is kept).
 */
export function grantComputeAccess(
  cluster: EksClusterRecord,
  roleArn: string,
  type: keyof typeof COMPUTE_ENTRIES,
  now: Date,
  uuid?: string,
): void {
  if (cluster.accessConfig.authenticationMode === 'CONFIG_MAP') return;
  const match = PRINCIPAL.exec(roleArn);
  if (!match || match[2] !== cluster.accountId || cluster.accessEntries.has(roleArn)) return;
  const entry = createAccessEntry(cluster, { principalArn: roleArn, type, uuid }, now);
  entry.username = COMPUTE_ENTRIES[type].username;
  entry.kubernetesGroups = [...COMPUTE_ENTRIES[type].groups];
}

/** What EKS does when the authentication mode leaves CONFIG_MAP: entries for the creator, node and pod execution roles. */
export function grantAutomaticAccessEntries(cluster: EksClusterRecord, now: Date): void {
  grantCreatorEntry(cluster, now);
  for (const nodegroup of cluster.nodegroups.values())
    grantComputeAccess(cluster, nodegroup.nodeRole, 'EC2_LINUX', now);
  for (const profile of cluster.fargateProfiles.values())
    grantComputeAccess(cluster, profile.podExecutionRoleArn, 'FARGATE_LINUX', now);
}

/** The IAM principal an access entry names for a caller: an assumed-role session maps to its role. */
export function accessEntryPrincipalOf(callerArn: string): string {
  const match = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : callerArn;
}
