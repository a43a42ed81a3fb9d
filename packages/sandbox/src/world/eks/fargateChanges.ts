import { randomUUID } from 'node:crypto';
import type { RegionState, World } from '../world.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import { findFargateProfile, newFargateProfile } from './fargateProfiles.ts';
import type { FargateProfileRecord, FargateSelector } from './types.ts';
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
  validateRoleArn(input.podExecutionRoleArn, 'podExecutionRoleArn');
  const selectors = input.selectors ?? [];
  if (selectors.length < 1 || selectors.length > 5) {
    throw eksErrors.invalidParameter('A Fargate profile needs 1 to 5 selectors.', fields);
  }
  const checked: FargateSelector[] = selectors.map((selector) => {
    if (!selector.namespace)
      throw eksErrors.invalidParameter('Every selector needs a namespace.', fields);
    if (selector.labels && Object.keys(selector.labels).length > 5) {
      throw eksErrors.invalidParameter('A selector can have at most 5 labels.', fields);
    }
    return {
      namespace: selector.namespace,
      ...(selector.labels ? { labels: selector.labels } : {}),
    };
  });
  const privateSubnets = state.network.subnets
    .filter((subnet) => !subnet.public)
    .map((subnet) => subnet.id);
  const subnets =
    input.subnets ?? cluster.vpc.subnetIds.filter((id) => privateSubnets.includes(id));
  validateSubnetIds(subnets, 'subnets');
  const publicOne = subnets.find((id) =>
    state.network.subnets.some((subnet) => subnet.id === id && subnet.public),
  );
  if (publicOne) {
    throw eksErrors.invalidParameter(
      `Subnet ${publicOne} provided in Fargate Profile is not a private subnet`,
      fields,
    );
  }
  validateTags(input.tags ?? {});
  if (cluster.fargateProfiles.has(input.fargateProfileName)) {
    throw eksErrors.invalidParameter(
      'A Fargate Profile already exists with this name in the cluster.',
      fields,
    );
  }
  const busy = [...cluster.fargateProfiles.values()].find(
    (profile) => profile.status === 'CREATING' || profile.status === 'DELETING',
  );
  if (busy) {
    throw eksErrors.invalidRequest(
      `Cannot create Fargate Profile ${input.fargateProfileName} because cluster ${clusterName} currently has Fargate profile ${busy.name} in status ${busy.status}`,
      fields,
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
  profile.status = 'DELETING';
  world.scheduler.after(world.timings.fargateProfileDeleteMs, () => {
    if (cluster.fargateProfiles.get(name) === profile) cluster.fargateProfiles.delete(name);
  });
  return profile;
}
