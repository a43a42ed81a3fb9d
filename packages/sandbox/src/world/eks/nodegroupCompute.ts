import { eksAmiId } from '../ec2/amis.ts';
import { createAutoScalingGroup } from '../ec2/autoScalingGroups.ts';
import type { AutoScalingGroupRecord, LaunchTemplateRecord } from '../ec2/autoScalingTypes.ts';
import { addLaunchTemplateVersion, createLaunchTemplate } from '../ec2/launchTemplates.ts';
import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';
import type { EksClusterRecord, NodegroupRecord } from './types.ts';

/**
 * The EC2 side of a managed node group: the launch template EKS writes
 * (eks-<uuid>), the Auto Scaling group (eks-<nodegroup>-<uuid>) with EKS's
 * tags, and the instance profile of the node role.
 */

/** The UUID EKS put in the node group's ARN (and in its ASG and template names). */
export function nodegroupUuid(nodegroup: NodegroupRecord): string {
  return nodegroup.arn.split('/').at(-1)!;
}

/** EKS wraps the node role in an instance profile named after the node group. */
export function nodegroupInstanceProfileArn(
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
): string {
  return `arn:aws:iam::${cluster.accountId}:instance-profile/eks-${nodegroupUuid(nodegroup)}`;
}

/** The tags EKS puts on the group, which propagate to every instance. */
export function eksGroupTags(
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
): Record<string, string> {
  return {
    'eks:cluster-name': cluster.name,
    'eks:nodegroup-name': nodegroup.name,
    [`kubernetes.io/cluster/${cluster.name}`]: 'owned',
    'k8s.io/cluster-autoscaler/enabled': 'true',
    [`k8s.io/cluster-autoscaler/${cluster.name}`]: 'owned',
  };
}

export function nodegroupImageId(
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
  version = nodegroup.version,
  releaseVersion = nodegroup.releaseVersion,
): string {
  return eksAmiId(cluster.region, nodegroup.amiType, version, releaseVersion);
}

export function nodegroupGroup(
  world: World,
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
): AutoScalingGroupRecord | undefined {
  return world.autoScaling.group(cluster.accountId, cluster.region, nodegroup.autoScalingGroupName);
}

export function nodegroupTemplate(
  world: World,
  group: AutoScalingGroupRecord,
): LaunchTemplateRecord | undefined {
  return world.autoScaling.launchTemplate(group.accountId, group.region, group.launchTemplate.id);
}

/**
 * What EKS writes into its own template: IMDSv2 only with hop limit 2 for
 * AL2023 AMIs (their default), IMDSv1 still allowed for the older AMI
 * families; no network interface (the groups sit on the template).
 */
function eksTemplateData(cluster: EksClusterRecord, nodegroup: NodegroupRecord, imageId: string) {
  return {
    imageId,
    iamInstanceProfileArn: nodegroupInstanceProfileArn(cluster, nodegroup),
    securityGroupIds: [cluster.vpc.clusterSecurityGroupId],
    metadataOptions: {
      httpTokens: nodegroup.amiType.startsWith('AL2023')
        ? ('required' as const)
        : ('optional' as const),
      httpPutResponseHopLimit: 2,
    },
    rootVolume: {
      deviceName: nodegroup.amiType.startsWith('BOTTLEROCKET') ? '/dev/xvdb' : '/dev/xvda',
      sizeGiB: nodegroup.diskSize,
      volumeType: 'gp2' as const,
    },
  };
}

/** Creates the node group's launch template and Auto Scaling group (instances follow from the desired size). */
export function provisionNodegroupCompute(
  world: World,
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
): AutoScalingGroupRecord {
  const uuid = nodegroupUuid(nodegroup);
  const random = seededRandom(`compute:${nodegroup.arn}`);
  const template = createLaunchTemplate(world, {
    accountId: cluster.accountId,
    region: cluster.region,
    name: `eks-${uuid}`,
    createdAt: nodegroup.createdAt,
    random,
    data: eksTemplateData(cluster, nodegroup, nodegroupImageId(cluster, nodegroup)),
    createdBy: `arn:aws:sts::${cluster.accountId}:assumed-role/AWSServiceRoleForAmazonEKSNodegroup/EKS`,
    tags: { 'eks:cluster-name': cluster.name, 'eks:nodegroup-name': nodegroup.name },
  });
  const spot = nodegroup.capacityType === 'SPOT';
  return createAutoScalingGroup(world, {
    accountId: cluster.accountId,
    region: cluster.region,
    name: nodegroup.autoScalingGroupName,
    uuid: random.uuid(),
    createdAt: nodegroup.createdAt,
    minSize: nodegroup.scalingConfig.minSize,
    maxSize: nodegroup.scalingConfig.maxSize,
    desiredCapacity: nodegroup.scalingConfig.desiredSize,
    subnetIds: nodegroup.subnets,
    template,
    // EKS always launches through a MixedInstancesPolicy: its types as overrides.
    mixedInstances: {
      instanceTypes: [...nodegroup.instanceTypes],
      onDemandBaseCapacity: 0,
      onDemandPercentageAboveBaseCapacity: spot ? 0 : 100,
      onDemandAllocationStrategy: 'prioritized',
      spotAllocationStrategy: 'capacity-optimized',
    },
    tags: eksGroupTags(cluster, nodegroup),
    terminationPolicies: ['AllocationStrategy', 'OldestLaunchTemplate', 'OldestInstance'],
    capacityRebalance: spot,
  });
}

/** A new template version with the AMI of (version, releaseVersion); the group launches from it. */
export function rollTemplate(
  world: World,
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord,
  group: AutoScalingGroupRecord,
  version: string,
  releaseVersion: string,
): void {
  const template = nodegroupTemplate(world, group);
  if (!template) throw new Error(`launch template of ${group.name} is gone`);
  const next = addLaunchTemplateVersion(
    template,
    eksTemplateData(
      cluster,
      nodegroup,
      nodegroupImageId(cluster, nodegroup, version, releaseVersion),
    ),
    world.now(),
    true,
  );
  group.launchTemplate = { ...group.launchTemplate, version: String(next.versionNumber) };
}

/** maxUnavailable as a count: a percentage of the desired size rounds up, never below 1. */
export function maxUnavailableOf(nodegroup: NodegroupRecord): number {
  const { maxUnavailable, maxUnavailablePercentage } = nodegroup.updateConfig;
  if (maxUnavailable !== undefined) return Math.max(1, maxUnavailable);
  const percent = maxUnavailablePercentage ?? 33;
  return Math.max(1, Math.ceil((nodegroup.scalingConfig.desiredSize * percent) / 100));
}

/**
 * Sizes changed on the Auto Scaling group itself (Cluster Autoscaler calls
 * SetDesiredCapacity) show in the node group's scaling config, as EKS reports
 * them; while EKS itself changes the node group, its own values stand.
 */
export function syncNodegroupScaling(world: World): void {
  for (const state of world.regionStates()) {
    for (const cluster of state.clusters.values()) {
      if (cluster.kind !== 'eks') continue;
      for (const nodegroup of cluster.nodegroups.values()) {
        if (nodegroup.status !== 'ACTIVE' && nodegroup.status !== 'DEGRADED') continue;
        const group = nodegroupGroup(world, cluster, nodegroup);
        if (!group || group.deleting) continue;
        const { minSize, maxSize, desiredSize } = nodegroup.scalingConfig;
        if (
          group.minSize !== minSize ||
          group.maxSize !== maxSize ||
          group.desiredCapacity !== desiredSize
        ) {
          nodegroup.scalingConfig = {
            minSize: group.minSize,
            maxSize: group.maxSize,
            desiredSize: group.desiredCapacity,
          };
        }
      }
    }
  }
}

/** Where a node group rests once a change ends: DEGRADED while it has health issues. */
export const settledStatus = (nodegroup: NodegroupRecord) =>
  nodegroup.health.length > 0 ? 'DEGRADED' : 'ACTIVE';

/** Why instances did not converge, as an update error or health issue puts it. */
export function launchProblem(group: AutoScalingGroupRecord | undefined) {
  return {
    code: 'NodeCreationFailure',
    message:
      group?.launchFailure ??
      'Instances failed to join the kubernetes cluster in the time allowed.',
    resourceIds: group ? [group.name] : [],
  };
}
