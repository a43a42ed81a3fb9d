import type { Random } from '../random.ts';
import type { SubnetRecord, World } from '../world.ts';
import { allocatePrivateIp, privateDnsName } from './addresses.ts';
import type { Ec2InstanceRecord } from './types.ts';

/** What a launch needs; the rest (id, address, DNS name) is drawn here. */
export interface LaunchRequest {
  accountId: string;
  region: string;
  subnet: SubnetRecord;
  vpcId: string;
  instanceType: string;
  imageId: string;
  lifecycle: Ec2InstanceRecord['lifecycle'];
  iamInstanceProfileArn: string;
  securityGroupIds: string[];
  tags: Record<string, string>;
  autoScalingGroupName?: string;
  launchTemplate?: Ec2InstanceRecord['launchTemplate'];
  /** Draws ids and addresses: seeded, so the same world launches the same instances. */
  random: Random;
  reservationId?: string;
  /** Seeded instances start running, launched in the past; launches start pending now. */
  seeded?: { launchTime: Date };
}

const gmt = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} GMT`;

/**
 * Launches one instance: pending now, running after `instanceLaunchMs` of
 * simulated time (a seeded one is running from the start).
 */
export function launchInstance(world: World, request: LaunchRequest): Ec2InstanceRecord {
  const existing = world.ec2.instances(request.accountId, request.region);
  let instanceId = `i-0${request.random.hex(16)}`;
  while (existing.some((instance) => instance.instanceId === instanceId)) {
    instanceId = `i-0${request.random.hex(16)}`;
  }
  const taken = new Set(existing.map((instance) => instance.privateIpAddress));
  const ip = allocatePrivateIp(request.subnet, taken, request.random);
  const instance: Ec2InstanceRecord = {
    instanceId,
    accountId: request.accountId,
    region: request.region,
    availabilityZone: request.subnet.availabilityZone,
    subnetId: request.subnet.id,
    instanceType: request.instanceType,
    imageId: request.imageId,
    lifecycle: request.lifecycle,
    state: request.seeded ? 'running' : 'pending',
    launchTime: request.seeded?.launchTime ?? world.now(),
    privateIpAddress: ip,
    privateDnsName: privateDnsName(request.region, ip),
    iamInstanceProfileArn: request.iamInstanceProfileArn,
    tags: {
      ...request.tags,
      ...(request.autoScalingGroupName
        ? { 'aws:autoscaling:groupName': request.autoScalingGroupName }
        : {}),
    },
    ...(request.autoScalingGroupName ? { autoScalingGroupName: request.autoScalingGroupName } : {}),
    vpcId: request.vpcId,
    securityGroupIds: [...request.securityGroupIds],
    reservationId: request.reservationId ?? `r-0${request.random.hex(16)}`,
    ...(request.launchTemplate ? { launchTemplate: { ...request.launchTemplate } } : {}),
    stateTransitionReason: '',
  };
  world.ec2.add(instance);
  if (!request.seeded) {
    world.scheduler.after(world.timings.instanceLaunchMs, () => {
      if (instance.state === 'pending') world.ec2.setState(instance, 'running');
    });
  }
  return instance;
}

/**
 * Terminates an instance: shutting-down now, terminated after
 * `instanceTerminateMs`, then still listed for `terminatedInstanceRetentionMs`.
 */
export function terminateInstance(
  world: World,
  instance: Ec2InstanceRecord,
  initiator: 'User' | 'Service' = 'Service',
): void {
  if (instance.state === 'shutting-down' || instance.state === 'terminated') return;
  instance.stateTransitionReason = `${initiator} initiated (${gmt(world.now())})`;
  world.ec2.setState(instance, 'shutting-down');
  world.scheduler.after(world.timings.instanceTerminateMs, () => {
    world.ec2.setState(instance, 'terminated');
    world.scheduler.after(world.timings.terminatedInstanceRetentionMs, () =>
      world.ec2.remove(instance),
    );
  });
}

/** Still counted by its group: launching or up. */
export function isLive(instance: Ec2InstanceRecord | undefined): instance is Ec2InstanceRecord {
  return instance?.state === 'pending' || instance?.state === 'running';
}
