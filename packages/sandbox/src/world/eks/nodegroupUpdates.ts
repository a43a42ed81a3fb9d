import { isSettled } from '../ec2/autoScalingGroups.ts';
import type { RegionState, World } from '../world.ts';
import { minorOf } from '../versionCalendar.ts';
import { findEksCluster } from './clusters.ts';
import { watchConvergence } from './convergence.ts';
import { eksErrors } from './eksErrors.ts';
import {
  launchProblem,
  maxUnavailableOf,
  nodegroupGroup,
  rollTemplate,
  settledStatus,
} from './nodegroupCompute.ts';
import { LATEST_AMI_BUILD, findNodegroup, releaseVersionFor } from './nodegroups.ts';
import {
  rejectAddAndRemove,
  toTaints,
  validateLabels,
  validateNodegroupVersion,
  validateReleaseVersion,
  validateNoReleaseRollback,
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
import { constraintsCause } from '../ec2/scalingActivities.ts';

/** Node group updates: one at a time, ending when the instances have converged. */

export interface UpdateNodegroupConfigInput {
  scalingConfig?: Partial<ScalingConfig>;
  labels?: { addOrUpdateLabels?: Record<string, string>; removeLabels?: string[] };
  taints?: { addOrUpdateTaints?: TaintInput[]; removeTaints?: TaintInput[] };
  updateConfig?: { maxUnavailable?: number; maxUnavailablePercentage?: number };
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
      const before = group.desiredCapacity;
      group.minSize = scalingPlan.scaling.minSize;
      group.maxSize = scalingPlan.scaling.maxSize;
      group.desiredCapacity = scalingPlan.scaling.desiredSize;
      // EKS scales through UpdateAutoScalingGroup, so the activities name that call.
      if (before !== group.desiredCapacity)
        group.capacityCause = constraintsCause(world.now(), group, before);
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
  validateNoReleaseRollback(releaseVersion, nodegroup, version, fields);
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
