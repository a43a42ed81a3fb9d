import { randomInt } from 'node:crypto';
import { AwsError } from '../../awsError.ts';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import type { Random } from '../random.ts';
import type { RegionState, World } from '../world.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import type { EksClusterRecord, PodIdentityAssociationRecord } from './types.ts';
import { validateRoleArn, validateTags } from './validation.ts';

/** EKS Pod Identity associations: a namespace's service account and the IAM role its pods assume. */

export interface CreatePodIdentityInput {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
  tags?: Record<string, string>;
}

export interface UpdatePodIdentityInput {
  roleArn?: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
}

/** EKS's quota of associations per cluster. */
const MAX_ASSOCIATIONS = 5_000;
/** A namespace is a DNS-1123 label; a service account name a DNS-1123 subdomain. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Ids like EKS's: "a-" and 17 lower-case letters and digits; the seed passes its own source so its ids are stable. */
function associationId(random?: Random): string {
  let id = 'a-';
  for (let index = 0; index < 17; index += 1)
    id +=
      ID_ALPHABET[random ? random.int(0, ID_ALPHABET.length - 1) : randomInt(ID_ALPHABET.length)];
  return id;
}

function associationNotFound(cluster: EksClusterRecord, id: string): AwsError {
  return new AwsError(
    'ResourceNotFoundException',
    404,
    `No Pod Identity Association found for id: ${id}.`,
    { clusterName: cluster.name },
  );
}

function requireUsable(cluster: EksClusterRecord): void {
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
    throw eksErrors.invalidRequest(`Cluster ${cluster.name} is in ${cluster.status} state.`, {
      clusterName: cluster.name,
    });
  }
}

/** An empty targetRoleArn on update removes the role chain, so only a non-empty one is checked. */
function validateOptionalRole(roleArn: string | undefined, member: string): void {
  if (roleArn !== undefined && roleArn !== '') validateRoleArn(roleArn, member);
}

export function createPodIdentityAssociation(
  world: World,
  state: RegionState,
  clusterName: string,
  input: CreatePodIdentityInput,
  random?: Random,
): PodIdentityAssociationRecord {
  const cluster = findEksCluster(state, clusterName);
  const fields = { clusterName };
  if (!DNS_LABEL.test(input.namespace)) {
    throw eksErrors.invalidParameter(
      `The namespace '${input.namespace}' is not a valid Kubernetes namespace name.`,
      fields,
    );
  }
  if (!DNS_SUBDOMAIN.test(input.serviceAccount)) {
    throw eksErrors.invalidParameter(
      `The serviceAccount '${input.serviceAccount}' is not a valid Kubernetes service account name.`,
      fields,
    );
  }
  validateRoleArn(input.roleArn, 'roleArn');
  validateOptionalRole(input.targetRoleArn, 'targetRoleArn');
  validateTags(input.tags ?? {});
  requireUsable(cluster);
  const existing = [...cluster.podIdentityAssociations.values()].find(
    (association) =>
      association.namespace === input.namespace &&
      association.serviceAccount === input.serviceAccount,
  );
  if (existing) {
    throw eksErrors.resourceInUse(`Association already exists: ${existing.id}`, fields);
  }
  if (cluster.podIdentityAssociations.size >= MAX_ASSOCIATIONS) {
    throw eksErrors.resourceLimitExceeded(
      `Cluster ${clusterName} already has ${MAX_ASSOCIATIONS} Pod Identity associations, the limit per cluster.`,
      fields,
    );
  }
  const id = associationId(random);
  const now = world.now();
  const association: PodIdentityAssociationRecord = {
    id,
    arn: `arn:aws:eks:${cluster.region}:${cluster.accountId}:podidentityassociation/${cluster.name}/${id}`,
    clusterName: cluster.name,
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    roleArn: input.roleArn,
    ...(input.targetRoleArn !== undefined ? { targetRoleArn: input.targetRoleArn } : {}),
    disableSessionTags: input.disableSessionTags ?? false,
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    tags: { ...input.tags },
    createdAt: now,
    modifiedAt: now,
  };
  cluster.podIdentityAssociations.set(id, association);
  return association;
}

export function describePodIdentityAssociation(
  state: RegionState,
  clusterName: string,
  id: string,
): PodIdentityAssociationRecord {
  const cluster = findEksCluster(state, clusterName);
  const association = cluster.podIdentityAssociations.get(id);
  if (!association) throw associationNotFound(cluster, id);
  return association;
}

export function listPodIdentityAssociations(
  state: RegionState,
  clusterName: string,
  request: PageRequest & { namespace?: string; serviceAccount?: string },
): Page<PodIdentityAssociationRecord> {
  const cluster = findEksCluster(state, clusterName);
  const matching = [...cluster.podIdentityAssociations.values()].filter(
    (association) =>
      (request.namespace === undefined || association.namespace === request.namespace) &&
      (request.serviceAccount === undefined ||
        association.serviceAccount === request.serviceAccount),
  );
  return paginate(
    matching,
    (association) => `${association.namespace}/${association.serviceAccount}`,
    request,
  );
}

export function updatePodIdentityAssociation(
  world: World,
  state: RegionState,
  clusterName: string,
  id: string,
  input: UpdatePodIdentityInput,
): PodIdentityAssociationRecord {
  const association = describePodIdentityAssociation(state, clusterName, id);
  validateOptionalRole(input.roleArn, 'roleArn');
  validateOptionalRole(input.targetRoleArn, 'targetRoleArn');
  if (input.roleArn !== undefined) association.roleArn = input.roleArn;
  if (input.targetRoleArn !== undefined) {
    if (input.targetRoleArn === '') delete association.targetRoleArn;
    else association.targetRoleArn = input.targetRoleArn;
  }
  if (input.disableSessionTags !== undefined)
    association.disableSessionTags = input.disableSessionTags;
  if (input.policy !== undefined) association.policy = input.policy;
  association.modifiedAt = world.now();
  return association;
}

export function deletePodIdentityAssociation(
  state: RegionState,
  clusterName: string,
  id: string,
): PodIdentityAssociationRecord {
  const association = describePodIdentityAssociation(state, clusterName, id);
  findEksCluster(state, clusterName).podIdentityAssociations.delete(id);
  return association;
}
