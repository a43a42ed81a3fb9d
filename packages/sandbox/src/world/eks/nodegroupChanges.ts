import { randomUUID } from 'node:crypto';
import { isSettled } from '../ec2/autoScalingGroups.ts';
import type { AutoScalingGroupRecord } from '../ec2/autoScalingTypes.ts';
import type { RegionState, World } from '../world.ts';
import { minorOf } from '../versionCalendar.ts';
import { findEksCluster } from './clusters.ts';
import { watchConvergence } from './convergence.ts';
import { eksErrors } from './eksErrors.ts';
import {
  maxUnavailableOf,
  nodegroupGroup,
  nodegroupTemplate,
  provisionNodegroupCompute,
  rollTemplate,
} from './nodegroupCompute.ts';
import { LATEST_AMI_BUILD, findNodegroup, newNodegroup, releaseVersionFor } from './nodegroups.ts';
import {
  MAX_NODEGROUPS,
  rejectAddAndRemove,
  toTaints,
  validateLabels,
  validateNodegroupSubnets,
  validateNodegroupVersion,
  validateReleaseVersion,
  validateScaling,
  validateTaintCount,
  type TaintInput,
} from './nodegroupValidation.ts';
import type {
  EksClusterRecord,
  NodegroupRecord,
  ScalingConfig,
  Taint,
  UpdateRecord,
} from './types.ts';
import { openUpdate } from './updates.ts';
import { validateResourceName, validateRoleArn, validateTags } from './validation.ts';

const CAPACITY_TYPES = ['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK'] as const;

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
  taints?: TaintInput[];
  tags?: Record<string, string>;
  version?: string;
  releaseVersion?: string;
}

export interface UpdateNodegroupConfigInput {
  scalingConfig?: Partial<ScalingConfig>;
  labels?: { addOrUpdateLabels?: Record<string, string>; removeLabels?: string[] };
  taints?: { addOrUpdateTaints?: TaintInput[]; removeTaints?: TaintInput[] };
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

const settledStatus = (nodegroup: NodegroupRecord) =>
  nodegroup.health.length > 0 ? 'DEGRADED' : 'ACTIVE';

/** Why instances did not converge, as an update error or health issue puts it. */
function launchProblem(group: AutoScalingGroupRecord | undefined) {
  return {
    code: 'NodeCreationFailure',
    message:
      group?.launchFailure ??
      'Instances failed to join the kubernetes cluster in the time allowed.',
    resourceIds: group ? [group.name] : [],
  };
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
  validateNodegroupSubnets(input.subnets, state.network.subnets, fields);
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
  validateLabels(input.labels ?? {}, fields);
  const taints = toTaints(input.taints, fields);
  validateTaintCount(taints, fields);
  validateTags(input.tags ?? {});
  const version = input.version ?? cluster.version;
  validateNodegroupVersion(cluster, version, fields);
  if (input.releaseVersion !== undefined)
    validateReleaseVersion(input.releaseVersion, version, fields);
  if (cluster.nodegroups.has(input.nodegroupName)) {
    throw eksErrors.resourceInUse(
      `NodeGroup already exists with name ${input.nodegroupName} and cluster name ${clusterName}`,
      fields,
    );
  }
  if (cluster.nodegroups.size >= MAX_NODEGROUPS) {
    throw eksErrors.resourceLimitExceeded(
      `Cluster ${clusterName} already has ${cluster.nodegroups.size} node groups, the limit per cluster.`,
      fields,
    );
  }
  const nodegroup = newNodegroup(cluster, {
    name: input.nodegroupName,
    uuid: randomUUID(),
    createdAt: world.now(),
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
  const group = provisionNodegroupCompute(world, cluster, nodegroup);
  // CREATING until its instances run (and at least EKS's own setup time).
  watchConvergence(world, {
    minMs: world.timings.nodegroupCreateMs,
    timeoutMs: world.timings.nodegroupUpdateTimeoutMs,
    relevant: () =>
      cluster.nodegroups.get(nodegroup.name) === nodegroup && nodegroup.status === 'CREATING',
    reached: () => isSettled(world, group),
    done: () => {
      nodegroup.status = settledStatus(nodegroup);
      nodegroup.modifiedAt = world.now();
    },
    failed: () => {
      nodegroup.health.push(launchProblem(group));
      nodegroup.status = 'CREATE_FAILED';
      nodegroup.modifiedAt = world.now();
    },
  });
  return nodegroup;
}

function assertNodegroupIdle(nodegroup: NodegroupRecord): void {
  const inProgress = nodegroup.updates.find((update) => update.status === 'InProgress');
  if (inProgress || !['ACTIVE', 'DEGRADED'].includes(nodegroup.status)) {
    throw eksErrors.resourceInUse(
      inProgress
        ? `Nodegroup ${nodegroup.name} is currently in ${nodegroup.status} state: update ${inProgress.id} is in progress.`
        : `Nodegroup ${nodegroup.name} is currently in ${nodegroup.status} state.`,
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
    throw eksErrors.resourceInUse(
      `Nodegroup ${name} is currently in ${nodegroup.status} state: update ${inProgress.id} is in progress.`,
      { clusterName, nodegroupName: name },
    );
  }
  nodegroup.status = 'DELETING';
  nodegroup.modifiedAt = world.now();
  const group = nodegroupGroup(world, cluster, nodegroup);
  const template = group && nodegroupTemplate(world, group);
  if (group) {
    group.deleting = true;
    group.minSize = 0;
    group.desiredCapacity = 0;
  }
  // Gone once every instance terminated and Auto Scaling dropped the group.
  watchConvergence(world, {
    minMs: world.timings.nodegroupDeleteMs,
    timeoutMs: Infinity,
    relevant: () => cluster.nodegroups.get(name) === nodegroup,
    reached: () => !nodegroupGroup(world, cluster, nodegroup),
    done: () => {
      cluster.nodegroups.delete(name);
      if (template) world.autoScaling.removeLaunchTemplate(template);
    },
    failed: () => {
      nodegroup.status = 'DELETE_FAILED';
    },
  });
  return nodegroup;
}

interface PlannedUpdate {
  type: string;
  params: UpdateRecord['params'];
  /** The update is done when this holds (and EKS's minimum time passed). */
  reached: () => boolean;
  /** Applied when it completes. */
  apply: () => void;
  /** Undone when it fails. */
  abandon?: () => void;
}

function runNodegroupUpdate(
  world: World,
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
  plan: PlannedUpdate,
): UpdateRecord {
  nodegroup.status = 'UPDATING';
  nodegroup.modifiedAt = world.now();
  const update = openUpdate(world, nodegroup, plan.type, plan.params);
  watchConvergence(world, {
    minMs: world.timings.nodegroupUpdateMs,
    timeoutMs: world.timings.nodegroupUpdateTimeoutMs,
    relevant: () =>
      cluster.nodegroups.get(nodegroup.name) === nodegroup && update.status === 'InProgress',
    reached: plan.reached,
    done: () => {
      plan.apply();
      update.status = 'Successful';
      nodegroup.modifiedAt = world.now();
      if (nodegroup.status === 'UPDATING') nodegroup.status = settledStatus(nodegroup);
    },
    failed: () => {
      plan.abandon?.();
      const problem = launchProblem(nodegroupGroup(world, cluster, nodegroup));
      update.status = 'Failed';
      update.errors.push({
        errorCode: problem.code,
        errorMessage: problem.message,
        resourceIds: problem.resourceIds,
      });
      nodegroup.modifiedAt = world.now();
      if (nodegroup.status === 'UPDATING') nodegroup.status = settledStatus(nodegroup);
    },
  });
  return update;
}

function planScaling(
  nodegroup: NodegroupRecord,
  input: Partial<ScalingConfig>,
  fields: Record<string, string>,
): { scaling: ScalingConfig; params: UpdateRecord['params'] } {
  const scaling = { ...nodegroup.scalingConfig, ...input };
  validateScaling(scaling, fields);
  const params: UpdateRecord['params'] = [];
  for (const [key, type] of [
    ['desiredSize', 'DesiredSize'],
    ['minSize', 'MinSize'],
    ['maxSize', 'MaxSize'],
  ] as const) {
    if (input[key] !== undefined && input[key] !== nodegroup.scalingConfig[key]) {
      params.push({ type, value: String(input[key]) });
    }
  }
  return { scaling, params };
}

function planUpdateConfig(
  input: NonNullable<UpdateNodegroupConfigInput['updateConfig']>,
  fields: Record<string, string>,
): { updateConfig: NodegroupRecord['updateConfig']; param: UpdateRecord['params'][number] } {
  const { maxUnavailable, maxUnavailablePercentage } = input;
  if ((maxUnavailable === undefined) === (maxUnavailablePercentage === undefined)) {
    throw eksErrors.invalidParameter(
      'Specify exactly one of maxUnavailable and maxUnavailablePercentage.',
      fields,
    );
  }
  if (
    (maxUnavailable !== undefined && (maxUnavailable < 1 || maxUnavailable > 100)) ||
    (maxUnavailablePercentage !== undefined &&
      (maxUnavailablePercentage < 1 || maxUnavailablePercentage > 100))
  ) {
    throw eksErrors.invalidParameter(
      'maxUnavailable must be 1 to 100 and maxUnavailablePercentage 1 to 100.',
      fields,
    );
  }
  return maxUnavailable !== undefined
    ? {
        updateConfig: { maxUnavailable },
        param: { type: 'MaxUnavailable', value: String(maxUnavailable) },
      }
    : {
        updateConfig: { maxUnavailablePercentage: maxUnavailablePercentage! },
        param: { type: 'MaxUnavailablePercentage', value: String(maxUnavailablePercentage) },
      };
}

/**
 * UpdateNodegroupConfig: a new scaling config reaches the Auto Scaling group at
 * once and the update ends when the instances match it; labels, taints and the
 * update config apply when the update ends.
 */
export function updateNodegroupConfig(
  world: World,
  state: RegionState,
  clusterName: string,
  name: string,
  input: UpdateNodegroupConfigInput,
): UpdateRecord {
  const cluster = findEksCluster(state, clusterName);
  const nodegroup = findNodegroup(cluster, name);
  const fields = { clusterName, nodegroupName: name };
  assertNodegroupIdle(nodegroup);
  const params: UpdateRecord['params'] = [];
  const scalingPlan = input.scalingConfig
    ? planScaling(nodegroup, input.scalingConfig, fields)
    : undefined;
  params.push(...(scalingPlan?.params ?? []));

  const addLabels = input.labels?.addOrUpdateLabels ?? {};
  const removeLabels = input.labels?.removeLabels ?? [];
  rejectAddAndRemove('label', Object.keys(addLabels), removeLabels, fields);
  const labels = { ...nodegroup.labels, ...addLabels };
  for (const key of removeLabels) delete labels[key];
  validateLabels(addLabels, fields);
  validateLabels(labels, fields);
  if (Object.keys(addLabels).length > 0)
    params.push({ type: 'LabelsToAdd', value: JSON.stringify(addLabels) });
  if (removeLabels.length > 0)
    params.push({ type: 'LabelsToRemove', value: JSON.stringify(removeLabels) });

  const added = toTaints(input.taints?.addOrUpdateTaints, fields);
  const removed = toTaints(input.taints?.removeTaints, fields);
  rejectAddAndRemove(
    'taint',
    added.map((taint) => taint.key),
    removed.map((taint) => taint.key),
    fields,
  );
  const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const taints = nodegroup.taints
    .filter(
      (taint) =>
        !removed.some((gone) => sameTaint(gone, taint)) &&
        !added.some((next) => sameTaint(next, taint)),
    )
    .concat(added);
  validateTaintCount(taints, fields);
  if (added.length > 0) params.push({ type: 'TaintsToAdd', value: JSON.stringify(added) });
  if (removed.length > 0) params.push({ type: 'TaintsToRemove', value: JSON.stringify(removed) });

  const updateConfigPlan = input.updateConfig
    ? planUpdateConfig(input.updateConfig, fields)
    : undefined;
  if (updateConfigPlan) params.push(updateConfigPlan.param);
  if (params.length === 0)
    throw eksErrors.invalidParameter('No changes needed for the nodegroup config provided', fields);

  const group = nodegroupGroup(world, cluster, nodegroup);
  if (scalingPlan) {
    nodegroup.scalingConfig = scalingPlan.scaling;
    if (group) {
      group.minSize = scalingPlan.scaling.minSize;
      group.maxSize = scalingPlan.scaling.maxSize;
      group.desiredCapacity = scalingPlan.scaling.desiredSize;
    }
  }
  return runNodegroupUpdate(world, cluster, nodegroup, {
    type: 'ConfigUpdate',
    params,
    reached: () => !scalingPlan || !group || isSettled(world, group),
    apply: () => {
      nodegroup.labels = labels;
      nodegroup.taints = taints;
      if (updateConfigPlan) nodegroup.updateConfig = updateConfigPlan.updateConfig;
    },
  });
}

/**
 * UpdateNodegroupVersion: the launch template gets a version with the new AMI
 * and the Auto Scaling group replaces its instances, new ones first, at most
 * maxUnavailable old ones at a time. Without `version` the node group keeps its
 * Kubernetes version and moves to the latest AMI release for it (as EKS does).
 */
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
  const version = input.version ?? nodegroup.version;
  validateNodegroupVersion(cluster, version, fields);
  if ((minorOf(version) ?? 0) < (minorOf(nodegroup.version) ?? 0)) {
    throw eksErrors.invalidParameter(
      `Nodegroup ${name} cannot be downgraded from ${nodegroup.version} to ${version}.`,
      fields,
    );
  }
  const releaseVersion = input.releaseVersion ?? releaseVersionFor(version, LATEST_AMI_BUILD);
  validateReleaseVersion(releaseVersion, version, fields);
  if (version === nodegroup.version && releaseVersion === nodegroup.releaseVersion) {
    throw eksErrors.invalidParameter(
      `Nodegroup ${name} is already at version ${version} and release version ${releaseVersion}.`,
      fields,
    );
  }
  const group = nodegroupGroup(world, cluster, nodegroup);
  if (group) {
    rollTemplate(world, cluster, nodegroup, group, version, releaseVersion);
    group.refresh = { maxUnavailable: maxUnavailableOf(nodegroup) };
  }
  return runNodegroupUpdate(world, cluster, nodegroup, {
    type: 'VersionUpdate',
    params: [
      { type: 'Version', value: version },
      { type: 'ReleaseVersion', value: releaseVersion },
    ],
    reached: () => !group || isSettled(world, group),
    apply: () => {
      nodegroup.version = version;
      nodegroup.releaseVersion = releaseVersion;
    },
    abandon: () => {
      // Auto Scaling stops replacing; what was replaced stays (a half-done update, as on AWS).
      if (group) group.refresh = undefined;
    },
  });
}
