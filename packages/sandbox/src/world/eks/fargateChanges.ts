import { grantComputeAccess } from './accessEntries.ts';
import { randomUUID } from 'node:crypto';
import type { RegionState, World } from '../world.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import { findFargateProfile, newFargateProfile } from './fargateProfiles.ts';
import { validateLabels } from './nodegroupValidation.ts';
import type { EksClusterRecord, FargateProfileRecord, FargateSelector } from './types.ts';
import {
  validateResourceName,
  validateRoleArn,
  validateSubnetIds,
  validateTags,
} from './validation.ts';

export interface CreateFargateProfileInput {
  fargateProfileName: string;
  podExecutionRoleArn: string;
  subnets?: string[];
  selectors?: Array<{ namespace?: string; labels?: Record<string, string> }>;
  tags?: Record<string, string>;
}

/** EKS quotas: profiles per cluster, selectors per profile, label pairs per selector. */
const MAX_PROFILES = 10;
const MAX_SELECTORS = 5;
const MAX_SELECTOR_LABELS = 5;

/** 1 to 5 selectors, each with a namespace and at most 5 labels of Kubernetes syntax. */
function validateSelectors(
  selectors: NonNullable<CreateFargateProfileInput['selectors']>,
  fields: Record<string, string>,
): FargateSelector[] {
  if (selectors.length === 0)
    throw eksErrors.invalidParameter('Fargate Profile requires at least one selector.', fields);
  if (selectors.length > MAX_SELECTORS) {
    throw eksErrors.invalidParameter(
      `Fargate Profile cannot have more than ${MAX_SELECTORS} selectors; the request has ${selectors.length}.`,
      fields,
    );
  }
  return selectors.map((selector) => {
    if (!selector.namespace) {
      throw eksErrors.invalidParameter(
        'Fargate Profile must have at least one selector with at least one namespace value.',
        fields,
      );
    }
    const labels = selector.labels ?? {};
    if (Object.keys(labels).length > MAX_SELECTOR_LABELS) {
      throw eksErrors.invalidParameter(
        `Request contains Selector with more than ${MAX_SELECTOR_LABELS} Label pairs`,
        fields,
      );
    }
    validateLabels(labels, fields);
    return {
      namespace: selector.namespace,
      ...(selector.labels ? { labels: { ...selector.labels } } : {}),
    };
  });
}

/** The profile's subnets: given ones must be private subnets of the VPC; by default the cluster's private ones. */
function fargateSubnets(
  state: RegionState,
  cluster: EksClusterRecord,
  requested: string[] | undefined,
  fields: Record<string, string>,
): string[] {
  const known = state.network.subnets;
  const subnets =
    requested ??
    cluster.vpc.subnetIds.filter((id) =>
      known.some((subnet) => subnet.id === id && !subnet.public),
    );
  if (subnets.length === 0) {
    throw eksErrors.invalidParameter(
      'Fargate Profile requires at least one private subnet of the cluster VPC.',
      fields,
    );
  }
  validateSubnetIds(subnets, 'subnets');
  for (const id of subnets) {
    const subnet = known.find((candidate) => candidate.id === id);
    if (!subnet) throw eksErrors.invalidParameter(`The subnet ID '${id}' does not exist`, fields);
    if (subnet.public) {
      throw eksErrors.invalidParameter(
        `Subnet ${id} provided in Fargate Profile is not a private subnet`,
        fields,
      );
    }
  }
  return subnets;
}

/** One profile transition at a time per cluster: EKS refuses while another is CREATING or DELETING. */
function assertNoProfileInTransition(
  cluster: EksClusterRecord,
  action: 'create' | 'delete',
  name: string,
  fields: Record<string, string>,
): void {
  const busy = [...cluster.fargateProfiles.values()].find(
    (profile) =>
      profile.name !== name && (profile.status === 'CREATING' || profile.status === 'DELETING'),
  );
  if (busy) {
    throw eksErrors.resourceInUse(
      `Cannot ${action} Fargate Profile ${name} because cluster ${cluster.name} currently has Fargate profile ${busy.name} in status ${busy.status}`,
      fields,
    );
  }
}

/** Fargate profiles are immutable: created and deleted, one transition at a time per cluster. */
export function createFargateProfile(
  world: World,
  state: RegionState,
  clusterName: string,
  input: CreateFargateProfileInput,
): FargateProfileRecord {
  const cluster = findEksCluster(state, clusterName);
  const fields = { clusterName, fargateProfileName: input.fargateProfileName };
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
    throw eksErrors.invalidRequest(`Cluster ${clusterName} is in ${cluster.status} state.`, fields);
  }
  validateResourceName(input.fargateProfileName, 'fargateProfileName');
  if (input.fargateProfileName.startsWith('eks-')) {
    throw eksErrors.invalidParameter("Fargate Profile names can't start with 'eks-'.", fields);
  }
  validateRoleArn(input.podExecutionRoleArn, 'podExecutionRoleArn');
  const checked = validateSelectors(input.selectors ?? [], fields);
  const subnets = fargateSubnets(state, cluster, input.subnets, fields);
  validateTags(input.tags ?? {});
  if (cluster.fargateProfiles.has(input.fargateProfileName)) {
    throw eksErrors.resourceInUse(
      'A Fargate Profile already exists with this name in this cluster.',
      fields,
    );
  }
  assertNoProfileInTransition(cluster, 'create', input.fargateProfileName, fields);
  if (cluster.fargateProfiles.size >= MAX_PROFILES) {
    throw eksErrors.resourceLimitExceeded(
      `Cluster ${clusterName} already has ${cluster.fargateProfiles.size} Fargate profiles, the limit per cluster.`,
      { clusterName },
    );
  }
  const profile = newFargateProfile(cluster, {
    name: input.fargateProfileName,
    uuid: randomUUID(),
    createdAt: world.now(),
    podExecutionRoleArn: input.podExecutionRoleArn,
    subnets,
    selectors: checked,
    status: 'CREATING',
    tags: input.tags ?? {},
  });
  cluster.fargateProfiles.set(profile.name, profile);
  grantComputeAccess(cluster, profile.podExecutionRoleArn, 'FARGATE_LINUX', world.now());
  world.scheduler.after(world.timings.fargateProfileCreateMs, () => {
    if (cluster.fargateProfiles.get(profile.name) === profile && profile.status === 'CREATING')
      profile.status = 'ACTIVE';
  });
  return profile;
}

export function deleteFargateProfile(
  world: World,
  state: RegionState,
  clusterName: string,
  name: string,
): FargateProfileRecord {
  const cluster = findEksCluster(state, clusterName);
  const profile = findFargateProfile(cluster, name);
  if (profile.status === 'DELETING') return profile;
  assertNoProfileInTransition(cluster, 'delete', name, { clusterName, fargateProfileName: name });
  profile.status = 'DELETING';
  world.scheduler.after(world.timings.fargateProfileDeleteMs, () => {
    if (cluster.fargateProfiles.get(name) === profile) cluster.fargateProfiles.delete(name);
  });
  return profile;
}
