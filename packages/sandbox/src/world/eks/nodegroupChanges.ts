import { grantComputeAccess } from './accessEntries.ts';
import { randomUUID } from 'node:crypto';
import { isSettled } from '../ec2/autoScalingGroups.ts';
import type { RegionState, World } from '../world.ts';
import { findEksCluster } from './clusters.ts';
import { watchConvergence } from './convergence.ts';
import { eksErrors } from './eksErrors.ts';
import {
  launchProblem,
  nodegroupGroup,
  nodegroupTemplate,
  provisionNodegroupCompute,
  settledStatus,
} from './nodegroupCompute.ts';
import { LATEST_AMI_BUILD, findNodegroup, newNodegroup, releaseVersionFor } from './nodegroups.ts';
import {
  MAX_NODEGROUPS,
  toTaints,
  validateLabels,
  validateNodegroupSubnets,
  validateNodegroupVersion,
  validateReleaseVersion,
  validateScaling,
  validateTaintCount,
  type TaintInput,
} from './nodegroupValidation.ts';
import type { EksClusterRecord, NodegroupRecord, ScalingConfig } from './types.ts';
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

function activeCluster(state: RegionState, name: string): EksClusterRecord {
  const cluster = findEksCluster(state, name);
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
    throw eksErrors.resourceInUse(`Cluster ${name} is in ${cluster.status} state.`, {
      clusterName: name,
    });
  }
  return cluster;
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
  validateScaling(scaling, fields, 'create');
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
  grantComputeAccess(cluster, nodegroup.nodeRole, 'EC2_LINUX', world.now());
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
