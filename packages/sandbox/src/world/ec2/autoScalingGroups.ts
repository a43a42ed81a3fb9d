import { seededRandom } from '../random.ts';
import type { SubnetRecord, World } from '../world.ts';
import type {
  AutoScalingGroupRecord,
  GroupMember,
  LaunchTemplateRecord,
  LaunchTemplateVersion,
  MixedInstances,
} from './autoScalingTypes.ts';
import { isLive, launchInstance } from './instanceLifecycle.ts';
import { resolveTemplateVersion, templateRef } from './launchTemplates.ts';
import type { Ec2InstanceRecord } from './types.ts';

/** What creating a group needs; the rest has Auto Scaling's defaults. */
export interface GroupSpec {
  accountId: string;
  region: string;
  name: string;
  /** Seeds the ARN's UUID and the group's instance ids. */
  uuid: string;
  createdAt: Date;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  subnetIds: string[];
  template: LaunchTemplateRecord;
  templateVersion?: string;
  mixedInstances?: MixedInstances;
  tags: Record<string, string>;
  terminationPolicies?: string[];
  capacityRebalance?: boolean;
}

export function autoScalingGroupArn(
  region: string,
  accountId: string,
  uuid: string,
  name: string,
): string {
  return `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${uuid}:autoScalingGroupName/${name}`;
}

export function createAutoScalingGroup(world: World, spec: GroupSpec): AutoScalingGroupRecord {
  const group: AutoScalingGroupRecord = {
    name: spec.name,
    arn: autoScalingGroupArn(spec.region, spec.accountId, spec.uuid, spec.name),
    accountId: spec.accountId,
    region: spec.region,
    createdAt: spec.createdAt,
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    desiredCapacity: spec.desiredCapacity,
    defaultCooldown: 300,
    healthCheckType: 'EC2',
    healthCheckGracePeriod: 15,
    subnetIds: [...spec.subnetIds],
    launchTemplate: templateRef(spec.template, spec.templateVersion ?? '1'),
    ...(spec.mixedInstances ? { mixedInstances: spec.mixedInstances } : {}),
    tags: { ...spec.tags },
    members: [],
    newInstancesProtectedFromScaleIn: false,
    terminationPolicies: spec.terminationPolicies ?? ['Default'],
    capacityRebalance: spec.capacityRebalance ?? false,
    serviceLinkedRoleArn: `arn:aws:iam::${spec.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    deleting: false,
    nextActivityAt: 0,
    launches: 0,
  };
  world.autoScaling.addGroup(group);
  return group;
}

/** The template version new instances of the group launch from. */
export function currentTemplateVersion(
  world: World,
  group: AutoScalingGroupRecord,
): LaunchTemplateVersion {
  const template = world.autoScaling.launchTemplate(
    group.accountId,
    group.region,
    group.launchTemplate.id,
  );
  const version = template && resolveTemplateVersion(template, group.launchTemplate.version);
  if (!version) {
    throw new Error(
      `Auto Scaling group ${group.name} names launch template ${group.launchTemplate.id} version ${group.launchTemplate.version}, which does not exist`,
    );
  }
  return version;
}

/** A member with its EC2 record (undefined once EC2 forgot it). */
export interface MemberInstance {
  member: GroupMember;
  instance: Ec2InstanceRecord | undefined;
}

export function membersOf(world: World, group: AutoScalingGroupRecord): MemberInstance[] {
  return group.members.map((member) => ({
    member,
    instance: world.ec2.find(group.accountId, group.region, member.instanceId),
  }));
}

/** Instances the group counts towards its desired capacity (pending or running). */
export function liveMembers(world: World, group: AutoScalingGroupRecord): MemberInstance[] {
  return membersOf(world, group).filter(({ instance }) => isLive(instance));
}

/** Running and launched from the group's current template version: what a finished refresh leaves. */
export function isCurrent(
  world: World,
  group: AutoScalingGroupRecord,
  { member, instance }: MemberInstance,
): boolean {
  const version = currentTemplateVersion(world, group);
  return (
    member.launchTemplateVersion === version.versionNumber && instance?.imageId === version.imageId
  );
}

/** Desired capacity reached with running, current instances, nothing left to replace or terminating. */
export function isSettled(world: World, group: AutoScalingGroupRecord): boolean {
  const members = membersOf(world, group);
  const live = members.filter(({ instance }) => isLive(instance));
  return (
    !group.refresh &&
    live.length === members.length &&
    live.length === group.desiredCapacity &&
    live.every((entry) => entry.instance!.state === 'running' && isCurrent(world, group, entry))
  );
}

function zoneCounts(live: MemberInstance[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { instance } of live)
    counts.set(instance!.availabilityZone, (counts.get(instance!.availabilityZone) ?? 0) + 1);
  return counts;
}

/** Auto Scaling balances zones: the subnet whose zone has the fewest live instances (ties: list order). */
function pickSubnet(
  world: World,
  group: AutoScalingGroupRecord,
  live: MemberInstance[],
): SubnetRecord {
  const network = world.region(group.accountId, group.region).network;
  const subnets = group.subnetIds
    .map((id) => network.subnets.find((subnet) => subnet.id === id))
    .filter((subnet): subnet is SubnetRecord => subnet !== undefined);
  if (subnets.length === 0) {
    throw new Error(`Auto Scaling group ${group.name} has no subnet of the region's VPC`);
  }
  const counts = zoneCounts(live);
  return subnets.reduce((best, subnet) =>
    (counts.get(subnet.availabilityZone) ?? 0) < (counts.get(best.availabilityZone) ?? 0)
      ? subnet
      : best,
  );
}

function lifecycleOf(group: AutoScalingGroupRecord, live: MemberInstance[]): 'spot' | 'on-demand' {
  const mixed = group.mixedInstances;
  if (!mixed) return 'on-demand';
  const onDemand = live.filter(({ instance }) => instance!.lifecycle === 'on-demand').length;
  if (onDemand < mixed.onDemandBaseCapacity) return 'on-demand';
  const above = live.length - mixed.onDemandBaseCapacity;
  const onDemandAbove = onDemand - mixed.onDemandBaseCapacity;
  // Keep the On-Demand share above the base at the asked percentage.
  return onDemandAbove < ((above + 1) * mixed.onDemandPercentageAboveBaseCapacity) / 100
    ? 'on-demand'
    : 'spot';
}

/**
 * On-Demand "prioritized" takes the first type; Spot spreads over the pools
 * (capacity-optimized): the type with the fewest live instances.
 */
function pickInstanceType(
  group: AutoScalingGroupRecord,
  version: LaunchTemplateVersion,
  lifecycle: 'spot' | 'on-demand',
  live: MemberInstance[],
): string {
  const types = group.mixedInstances?.instanceTypes ?? [];
  if (types.length === 0) return version.instanceType ?? 'm5.large';
  if (
    lifecycle === 'on-demand' &&
    group.mixedInstances?.onDemandAllocationStrategy === 'prioritized'
  )
    return types[0]!;
  const counts = new Map(types.map((type) => [type, 0]));
  for (const { instance } of live)
    if (counts.has(instance!.instanceType))
      counts.set(instance!.instanceType, counts.get(instance!.instanceType)! + 1);
  return types.reduce((best, type) => (counts.get(type)! < counts.get(best)! ? type : best));
}

/** Launches one instance into the group from its current template version. */
export function launchIntoGroup(
  world: World,
  group: AutoScalingGroupRecord,
  options: {
    reservationId?: string;
    seeded?: { launchTime: Date };
    /** The seed's irregular instances: another type or profile than the template says. */
    overrides?: { instanceType?: string; iamInstanceProfileArn?: string };
  } = {},
): Ec2InstanceRecord {
  const live = liveMembers(world, group);
  const version = currentTemplateVersion(world, group);
  const lifecycle = lifecycleOf(group, live);
  const random = seededRandom(`${group.arn}#${group.launches}`);
  group.launches += 1;
  const network = world.region(group.accountId, group.region).network;
  const instance = launchInstance(world, {
    accountId: group.accountId,
    region: group.region,
    subnet: pickSubnet(world, group, live),
    vpcId: network.vpcId,
    instanceType:
      options.overrides?.instanceType ?? pickInstanceType(group, version, lifecycle, live),
    imageId: version.imageId,
    lifecycle,
    iamInstanceProfileArn:
      options.overrides?.iamInstanceProfileArn ?? version.iamInstanceProfileArn,
    securityGroupIds: version.securityGroupIds,
    tags: group.tags,
    autoScalingGroupName: group.name,
    launchTemplate: {
      id: group.launchTemplate.id,
      name: group.launchTemplate.name,
      version: String(version.versionNumber),
    },
    random,
    ...(options.reservationId ? { reservationId: options.reservationId } : {}),
    ...(options.seeded ? { seeded: options.seeded } : {}),
  });
  group.members.push({
    instanceId: instance.instanceId,
    launchTemplateVersion: version.versionNumber,
    protectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
  });
  return instance;
}

/**
 * Which live instance scale-in removes next: one not launched from the current
 * template first, then one in the zone with the most instances, then the oldest
 * (Auto Scaling's default policy, made deterministic). Protected ones never.
 */
export function pickForTermination(
  world: World,
  group: AutoScalingGroupRecord,
  live: MemberInstance[],
): MemberInstance | undefined {
  const counts = zoneCounts(live);
  const candidates = live.filter(({ member }) => !member.protectedFromScaleIn);
  const rank = (entry: MemberInstance) => [
    isCurrent(world, group, entry) ? 1 : 0,
    -(counts.get(entry.instance!.availabilityZone) ?? 0),
    entry.instance!.launchTime.getTime(),
  ];
  return candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  })[0];
}
