import { randomUUID } from 'node:crypto';
import type { RegionState, World } from '../world.ts';
import { minorOf } from '../versionCalendar.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import { LATEST_AMI_BUILD, findNodegroup, newNodegroup, releaseVersionFor } from './nodegroups.ts';
import type {
  EksClusterRecord,
  NodegroupRecord,
  ScalingConfig,
  Taint,
  UpdateRecord,
} from './types.ts';
import { startUpdate } from './updates.ts';
import {
  validateResourceName,
  validateRoleArn,
  validateSubnetIds,
  validateTags,
} from './validation.ts';

const CAPACITY_TYPES = ['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK'] as const;
const TAINT_EFFECTS = ['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE'] as const;

export interface CreateNodegroupInput {
  nodegroupName: string;
  subnets: string[];
  nodeRole: string;
  scalingConfig?: Partial<ScalingConfig>;
  instanceTypes?: string[];
  capacityType?: string;
  amiType?: string;
  diskSize?: number;
  labels?: Record<string, string>;
  taints?: Array<{ key?: string; value?: string; effect?: string }>;
  tags?: Record<string, string>;
  version?: string;
  releaseVersion?: string;
}

export interface UpdateNodegroupConfigInput {
  scalingConfig?: Partial<ScalingConfig>;
  labels?: { addOrUpdateLabels?: Record<string, string>; removeLabels?: string[] };
  taints?: {
    addOrUpdateTaints?: Array<{ key?: string; value?: string; effect?: string }>;
    removeTaints?: Array<{ key?: string; value?: string; effect?: string }>;
  };
  updateConfig?: { maxUnavailable?: number; maxUnavailablePercentage?: number };
}

function activeCluster(state: RegionState, name: string): EksClusterRecord {
  const cluster = findEksCluster(state, name);
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
    throw eksErrors.resourceInUse(`Cluster ${name} is in ${cluster.status} state.`, {
      clusterName: name,
    });
  }
  return cluster;
}

/** min ≤ desired ≤ max, max ≥ 1: EKS's messages. */
export function validateScaling(scaling: ScalingConfig, fields: Record<string, string>): void {
  const { minSize, maxSize, desiredSize } = scaling;
  if (
    [minSize, maxSize, desiredSize].some((value) => !Number.isInteger(value) || value < 0) ||
    maxSize < 1
  ) {
    throw eksErrors.invalidParameter(
      'Scaling sizes must be whole numbers, with a maximum size of at least 1.',
      fields,
    );
  }
  if (minSize > desiredSize) {
    throw eksErrors.invalidParameter(
      `Minimum capacity ${minSize} can't be greater than desired size ${desiredSize}`,
      fields,
    );
  }
  if (desiredSize > maxSize) {
    throw eksErrors.invalidParameter(
      `Desired capacity ${desiredSize} can't be greater than max size ${maxSize}`,
      fields,
    );
  }
}

function toTaints(input: CreateNodegroupInput['taints'], fields: Record<string, string>): Taint[] {
  return (input ?? []).map((taint) => {
    if (!taint.key || !(TAINT_EFFECTS as readonly string[]).includes(taint.effect ?? '')) {
      throw eksErrors.invalidParameter(
        `Taints need a key and an effect of ${TAINT_EFFECTS.join(', ')}: ${JSON.stringify(taint)}`,
        fields,
      );
    }
    return {
      key: taint.key,
      ...(taint.value !== undefined ? { value: taint.value } : {}),
      effect: taint.effect as Taint['effect'],
    };
  });
}

/** Node groups may run the cluster's version or up to three minors older (Kubernetes' kubelet skew). */
function validateNodegroupVersion(
  cluster: EksClusterRecord,
  version: string,
  fields: Record<string, string>,
): void {
  const clusterMinor = minorOf(cluster.version)!;
  const minor = minorOf(version);
  if (minor === undefined || minor > clusterMinor || minor < clusterMinor - 3) {
    throw eksErrors.invalidParameter(
      `Requested Nodegroup version ${version} is invalid. Allowed versions are ${cluster.version} down to 1.${clusterMinor - 3}.`,
      fields,
    );
  }
}

export function createNodegroup(
  world: World,
  state: RegionState,
  clusterName: string,
  input: CreateNodegroupInput,
): NodegroupRecord {
  const cluster = activeCluster(state, clusterName);
  const fields = { clusterName, nodegroupName: input.nodegroupName };
  validateResourceName(input.nodegroupName, 'nodegroupName');
  if (input.subnets.length === 0)
    throw eksErrors.invalidParameter('At least one subnet is required.', fields);
  validateSubnetIds(input.subnets, 'subnets');
  validateRoleArn(input.nodeRole, 'nodeRole');
  const scaling: ScalingConfig = {
    minSize: input.scalingConfig?.minSize ?? 1,
    maxSize: input.scalingConfig?.maxSize ?? 2,
    desiredSize: input.scalingConfig?.desiredSize ?? 2,
  };
  validateScaling(scaling, fields);
  const capacityType = input.capacityType ?? 'ON_DEMAND';
  if (!(CAPACITY_TYPES as readonly string[]).includes(capacityType)) {
    throw eksErrors.invalidParameter(`Invalid capacityType: ${capacityType}`, fields);
  }
  const taints = toTaints(input.taints, fields);
  if (taints.length > 50)
    throw eksErrors.invalidParameter('A node group can have at most 50 taints.', fields);
  validateTags(input.tags ?? {});
  const version = input.version ?? cluster.version;
  validateNodegroupVersion(cluster, version, fields);
  if (cluster.nodegroups.has(input.nodegroupName)) {
    throw eksErrors.resourceInUse(
      `NodeGroup already exists with name ${input.nodegroupName} and cluster name ${clusterName}`,
      fields,
    );
  }
  const now = world.now();
  const nodegroup = newNodegroup(cluster, {
    name: input.nodegroupName,
    uuid: randomUUID(),
    createdAt: now,
    status: 'CREATING',
    version,
    capacityType: capacityType as NodegroupRecord['capacityType'],
    scalingConfig: scaling,
    instanceTypes: input.instanceTypes ?? ['t3.medium'],
    subnets: input.subnets,
    ...(input.amiType ? { amiType: input.amiType } : {}),
    nodeRole: input.nodeRole,
    labels: input.labels ?? {},
    taints,
    diskSize: input.diskSize ?? 20,
    tags: input.tags ?? {},
  });
  nodegroup.releaseVersion = input.releaseVersion ?? releaseVersionFor(version, LATEST_AMI_BUILD);
  cluster.nodegroups.set(nodegroup.name, nodegroup);
  world.scheduler.after(world.timings.nodegroupCreateMs, () => {
    if (cluster.nodegroups.get(nodegroup.name) === nodegroup && nodegroup.status === 'CREATING') {
      nodegroup.status = 'ACTIVE';
      nodegroup.modifiedAt = world.now();
    }
  });
  return nodegroup;
}

function assertNodegroupIdle(nodegroup: NodegroupRecord): void {
  const inProgress = nodegroup.updates.find((update) => update.status === 'InProgress');
  if (inProgress || !['ACTIVE', 'DEGRADED'].includes(nodegroup.status)) {
    throw eksErrors.resourceInUse(
      inProgress
        ? `Nodegroup ${nodegroup.name} has update ${inProgress.id} in progress.`
        : `Nodegroup ${nodegroup.name} is in ${nodegroup.status} state.`,
      { clusterName: nodegroup.clusterName, nodegroupName: nodegroup.name },
    );
  }
}

export function deleteNodegroup(
  world: World,
  state: RegionState,
  clusterName: string,
  name: string,
): NodegroupRecord {
  const cluster = findEksCluster(state, clusterName);
  const nodegroup = findNodegroup(cluster, name);
  if (nodegroup.status === 'DELETING') return nodegroup;
  const inProgress = nodegroup.updates.find((update) => update.status === 'InProgress');
  if (inProgress) {
    throw eksErrors.resourceInUse(`Nodegroup ${name} has update ${inProgress.id} in progress.`, {
      clusterName,
      nodegroupName: name,
    });
  }
  nodegroup.status = 'DELETING';
  nodegroup.modifiedAt = world.now();
  world.scheduler.after(world.timings.nodegroupDeleteMs, () => {
    if (cluster.nodegroups.get(name) === nodegroup) cluster.nodegroups.delete(name);
  });
  return nodegroup;
}

function runNodegroupUpdate(
  world: World,
  nodegroup: NodegroupRecord,
  type: string,
  params: UpdateRecord['params'],
  apply: () => void,
): UpdateRecord {
  nodegroup.status = 'UPDATING';
  return startUpdate(world, nodegroup, type, params, world.timings.nodegroupUpdateMs, () => {
    apply();
    nodegroup.modifiedAt = world.now();
    if (nodegroup.status === 'UPDATING')
      nodegroup.status = nodegroup.health.length > 0 ? 'DEGRADED' : 'ACTIVE';
  });
}

export function updateNodegroupConfig(
  world: World,
  state: RegionState,
  clusterName: string,
  name: string,
  input: UpdateNodegroupConfigInput,
): UpdateRecord {
  const nodegroup = findNodegroup(findEksCluster(state, clusterName), name);
  const fields = { clusterName, nodegroupName: name };
  assertNodegroupIdle(nodegroup);
  const params: UpdateRecord['params'] = [];
  const scaling = { ...nodegroup.scalingConfig, ...input.scalingConfig };
  if (input.scalingConfig) {
    validateScaling(scaling, fields);
    for (const [key, type] of [
      ['desiredSize', 'DesiredSize'],
      ['minSize', 'MinSize'],
      ['maxSize', 'MaxSize'],
    ] as const) {
      if (
        input.scalingConfig[key] !== undefined &&
        input.scalingConfig[key] !== nodegroup.scalingConfig[key]
      ) {
        params.push({ type, value: String(input.scalingConfig[key]) });
      }
    }
  }
  const labels = { ...nodegroup.labels, ...input.labels?.addOrUpdateLabels };
  for (const key of input.labels?.removeLabels ?? []) delete labels[key];
  if (input.labels?.addOrUpdateLabels && Object.keys(input.labels.addOrUpdateLabels).length > 0) {
    params.push({ type: 'LabelsToAdd', value: JSON.stringify(input.labels.addOrUpdateLabels) });
  }
  if (input.labels?.removeLabels && input.labels.removeLabels.length > 0) {
    params.push({ type: 'LabelsToRemove', value: JSON.stringify(input.labels.removeLabels) });
  }
  const added = toTaints(input.taints?.addOrUpdateTaints, fields);
  const removed = toTaints(input.taints?.removeTaints, fields);
  const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const taints = nodegroup.taints
    .filter(
      (taint) =>
        !removed.some((gone) => sameTaint(gone, taint)) &&
        !added.some((next) => sameTaint(next, taint)),
    )
    .concat(added);
  if (added.length > 0) params.push({ type: 'TaintsToAdd', value: JSON.stringify(added) });
  if (removed.length > 0) params.push({ type: 'TaintsToRemove', value: JSON.stringify(removed) });
  let updateConfig = nodegroup.updateConfig;
  if (input.updateConfig) {
    const { maxUnavailable, maxUnavailablePercentage } = input.updateConfig;
    if ((maxUnavailable === undefined) === (maxUnavailablePercentage === undefined)) {
      throw eksErrors.invalidParameter(
        'Specify exactly one of maxUnavailable and maxUnavailablePercentage.',
        fields,
      );
    }
    if (
      (maxUnavailable !== undefined && maxUnavailable < 1) ||
      (maxUnavailablePercentage !== undefined &&
        (maxUnavailablePercentage < 1 || maxUnavailablePercentage > 100))
    ) {
      throw eksErrors.invalidParameter(
        'maxUnavailable must be at least 1 and maxUnavailablePercentage 1 to 100.',
        fields,
      );
    }
    updateConfig =
      maxUnavailable !== undefined
        ? { maxUnavailable }
        : { maxUnavailablePercentage: maxUnavailablePercentage! };
    params.push(
      maxUnavailable !== undefined
        ? { type: 'MaxUnavailable', value: String(maxUnavailable) }
        : { type: 'MaxUnavailablePercentage', value: String(maxUnavailablePercentage) },
    );
  }
  if (params.length === 0)
    throw eksErrors.invalidParameter('No changes needed for the nodegroup config provided', fields);
  return runNodegroupUpdate(world, nodegroup, 'ConfigUpdate', params, () => {
    nodegroup.scalingConfig = scaling;
    nodegroup.labels = labels;
    nodegroup.taints = taints;
    nodegroup.updateConfig = updateConfig;
  });
}

export function updateNodegroupVersion(
  world: World,
  state: RegionState,
  clusterName: string,
  name: string,
  input: { version?: string; releaseVersion?: string; force?: boolean },
): UpdateRecord {
  const cluster = findEksCluster(state, clusterName);
  const nodegroup = findNodegroup(cluster, name);
  const fields = { clusterName, nodegroupName: name };
  assertNodegroupIdle(nodegroup);
  const version = input.version ?? cluster.version;
  validateNodegroupVersion(cluster, version, fields);
  if ((minorOf(version) ?? 0) < (minorOf(nodegroup.version) ?? 0)) {
    throw eksErrors.invalidParameter(
      `Nodegroup ${name} cannot be downgraded from ${nodegroup.version} to ${version}.`,
      fields,
    );
  }
  const releaseVersion = input.releaseVersion ?? releaseVersionFor(version, LATEST_AMI_BUILD);
  if (version === nodegroup.version && releaseVersion === nodegroup.releaseVersion) {
    throw eksErrors.invalidParameter(
      `Nodegroup ${name} is already at version ${version} and release version ${releaseVersion}.`,
      fields,
    );
  }
  return runNodegroupUpdate(
    world,
    nodegroup,
    'VersionUpdate',
    [
      { type: 'Version', value: version },
      { type: 'ReleaseVersion', value: releaseVersion },
    ],
    () => {
      nodegroup.version = version;
      nodegroup.releaseVersion = releaseVersion;
    },
  );
}
