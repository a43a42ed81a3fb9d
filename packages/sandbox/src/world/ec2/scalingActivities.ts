import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';
import type { AutoScalingGroupRecord } from './autoScalingTypes.ts';
import type { Ec2InstanceRecord } from './types.ts';

/**
 * Scaling activities as Auto Scaling records them: one per launched or
 * terminated instance, its Cause naming what changed the desired capacity
 * and then what the group did about it, in AWS's own sentences.
 */

export interface ScalingActivityRecord {
  id: string;
  accountId: string;
  region: string;
  groupName: string;
  groupArn: string;
  kind: 'launch' | 'terminate';
  instanceId: string;
  subnetId: string;
  availabilityZone: string;
  startedAt: Date;
  cause: string;
  /** Why the launch failed (the instance never existed); absent for activities that ran. */
  failure?: string;
}

/** How long a group that cannot launch waits before its next failed attempt (Auto Scaling backs off). */
export const FAILED_LAUNCH_RETRY_MS = 5 * 60_000;

/** Records a launch that failed (no instance), at most once per retry interval of the group. */
export function recordFailedLaunch(
  world: World,
  group: AutoScalingGroupRecord,
  live: number,
  failure: string,
): void {
  const now = world.now();
  const last = world.autoScaling
    .activities(group.accountId, group.region)
    .filter((activity) => activity.groupName === group.name && activity.failure)
    .at(-1);
  if (last && now.getTime() - last.startedAt.getTime() < FAILED_LAUNCH_RETRY_MS) return;
  const action = `At ${causeTime(now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${live} to ${live + 1}.`;
  world.autoScaling.recordActivity({
    id: seededRandom(`${group.arn}#failed#${now.getTime()}`).uuid(),
    accountId: group.accountId,
    region: group.region,
    groupName: group.name,
    groupArn: group.arn,
    kind: 'launch',
    instanceId: '',
    subnetId: group.subnetIds[0] ?? '',
    availabilityZone: '',
    startedAt: now,
    cause: group.capacityCause ? `${group.capacityCause}  ${action}` : action,
    failure,
  });
}

/** AWS writes times in causes to the second: 2025-12-03T10:04:12Z. */
export const causeTime = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

/** The first sentence of later causes: a user set the desired capacity (SetDesiredCapacity). */
export function desiredCapacityCause(at: Date, from: number, to: number): string {
  return `At ${causeTime(at)} a user request explicitly set group desired capacity changing the desired capacity from ${from} to ${to}.`;
}

/** The first sentence after UpdateAutoScalingGroup (EKS's node group scaling calls it too). */
export function constraintsCause(
  at: Date,
  group: Pick<AutoScalingGroupRecord, 'minSize' | 'maxSize' | 'desiredCapacity'>,
  from: number,
): string {
  return `At ${causeTime(at)} a user request update of AutoScalingGroup constraints to min: ${group.minSize}, max: ${group.maxSize}, desired: ${group.desiredCapacity} changing the desired capacity from ${from} to ${group.desiredCapacity}.`;
}

/** Records the launch or termination of one instance; `live` is the group's live count before it. */
export function recordScalingActivity(
  world: World,
  group: AutoScalingGroupRecord,
  kind: 'launch' | 'terminate',
  instance: Ec2InstanceRecord,
  live: number,
  reason: 'capacity' | 'refresh',
): void {
  const now = world.now();
  const at = causeTime(now);
  const action =
    reason === 'refresh'
      ? kind === 'launch'
        ? `At ${at} an instance was launched in response to an instance refresh.`
        : `At ${at} an instance was taken out of service in response to an instance refresh.`
      : kind === 'launch'
        ? `At ${at} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${live} to ${live + 1}.`
        : `At ${at} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${live} to ${live - 1}.`;
  const random = seededRandom(`${group.arn}#activity#${kind}#${instance.instanceId}`);
  world.autoScaling.recordActivity({
    id: random.uuid(),
    accountId: group.accountId,
    region: group.region,
    groupName: group.name,
    groupArn: group.arn,
    kind,
    instanceId: instance.instanceId,
    subnetId: instance.subnetId,
    availabilityZone: instance.availabilityZone,
    startedAt: now,
    // Auto Scaling joins the two sentences with two spaces.
    cause: group.capacityCause ? `${group.capacityCause}  ${action}` : action,
  });
}

/** Where an activity stands, read from its instance: in progress until it runs (or is gone). */
export function activityProgress(
  world: World,
  activity: ScalingActivityRecord,
): { statusCode: 'InProgress' | 'Successful' | 'Failed'; progress: number; endTime?: Date } {
  if (activity.failure) return { statusCode: 'Failed', progress: 100, endTime: activity.startedAt };
  const instance = world.ec2.find(activity.accountId, activity.region, activity.instanceId);
  const busy =
    activity.kind === 'launch'
      ? instance?.state === 'pending'
      : instance !== undefined && instance.state !== 'terminated';
  if (busy) return { statusCode: 'InProgress', progress: activity.kind === 'launch' ? 30 : 50 };
  const took =
    activity.kind === 'launch' ? world.timings.instanceLaunchMs : world.timings.instanceTerminateMs;
  return {
    statusCode: 'Successful',
    progress: 100,
    endTime: new Date(activity.startedAt.getTime() + took),
  };
}
