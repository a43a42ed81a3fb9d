import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';
import {
  isCurrent,
  launchIntoGroup,
  liveMembers,
  membersOf,
  pickForTermination,
  type MemberInstance,
} from './autoScalingGroups.ts';
import type { AutoScalingGroupRecord } from './autoScalingTypes.ts';
import { terminateInstance } from './instanceLifecycle.ts';
import { recordFailedLaunch, recordScalingActivity } from './scalingActivities.ts';

/** How many instances one scaling activity launches or terminates (the rest follow a step later). */
const MAX_PER_ACTIVITY = 2;

const running = ({ instance }: MemberInstance) => instance?.state === 'running';

type Reason = 'capacity' | 'refresh';

/** Terminates each instance, recording an activity per instance unless the group is being deleted. */
function terminate(
  world: World,
  entries: MemberInstance[],
  group?: AutoScalingGroupRecord,
  reason: Reason = 'capacity',
): void {
  let live = group ? liveMembers(world, group).length : 0;
  for (const { instance } of entries) {
    terminateInstance(world, instance!);
    if (group) recordScalingActivity(world, group, 'terminate', instance!, live--, reason);
  }
}

function launch(
  world: World,
  group: AutoScalingGroupRecord,
  count: number,
  reason: Reason = 'capacity',
): boolean {
  if (count <= 0) return false;
  if (group.launchFailure) {
    recordFailedLaunch(world, group, liveMembers(world, group).length, group.launchFailure);
    return false;
  }
  // Instances of one activity share a reservation, as one RunInstances call's do.
  const reservationId = `r-0${seededRandom(`${group.arn}#reservation#${group.launches}`).hex(16)}`;
  let live = liveMembers(world, group).length;
  for (let i = 0; i < count; i++) {
    const instance = launchIntoGroup(world, group, { reservationId });
    recordScalingActivity(world, group, 'launch', instance, live++, reason);
  }
  return true;
}

/** Brings the live count to the desired capacity: launch in balance, terminate by the default policy. */
function scaleStep(world: World, group: AutoScalingGroupRecord): boolean {
  let live = liveMembers(world, group);
  if (live.length < group.desiredCapacity) {
    return launch(world, group, Math.min(MAX_PER_ACTIVITY, group.desiredCapacity - live.length));
  }
  let acted = false;
  for (let i = 0; i < Math.min(MAX_PER_ACTIVITY, live.length - group.desiredCapacity); i++) {
    const victim = pickForTermination(world, group, live);
    if (!victim) break;
    terminate(world, [victim], group);
    live = live.filter((entry) => entry !== victim);
    acted = true;
  }
  return acted;
}

/**
 * One step of a rolling replacement: replacements launch first (at most
 * `maxUnavailable` above desired), and an outdated instance is terminated
 * only once running replacements keep the capacity, at most `maxUnavailable`
 * at a time.
 */
function refreshStep(world: World, group: AutoScalingGroupRecord): boolean {
  const live = liveMembers(world, group);
  const stale = live.filter((entry) => !isCurrent(world, group, entry));
  if (stale.length === 0) {
    group.refresh = undefined;
    return scaleStep(world, group);
  }
  const surge = group.refresh!.maxUnavailable;
  const desired = group.desiredCapacity;
  const fresh = live.filter((entry) => isCurrent(world, group, entry));
  const acted = launch(
    world,
    group,
    Math.min(MAX_PER_ACTIVITY, desired - fresh.length, desired + surge - live.length),
    'refresh',
  );
  const shuttingDown = membersOf(world, group).filter(
    ({ instance }) => instance?.state === 'shutting-down',
  ).length;
  const drainable = Math.min(
    surge - shuttingDown,
    live.filter(running).length - (desired - surge),
    fresh.filter(running).length + stale.length - desired,
  );
  const victims = stale
    .filter(running)
    .sort((a, b) => a.instance!.launchTime.getTime() - b.instance!.launchTime.getTime())
    .slice(0, Math.max(0, drainable));
  terminate(world, victims, group, 'refresh');
  return acted || victims.length > 0;
}

/** One reconciliation of a group: forget terminated members, then scale, replace or delete. */
export function reconcileGroup(world: World, group: AutoScalingGroupRecord): void {
  group.members = group.members.filter((member) => {
    const instance = world.ec2.find(group.accountId, group.region, member.instanceId);
    return instance !== undefined && instance.state !== 'terminated';
  });
  if (group.deleting) {
    terminate(world, liveMembers(world, group));
    if (group.members.length === 0) world.autoScaling.removeGroup(group);
    return;
  }
  const now = world.clock.elapsedMs();
  if (now < group.nextActivityAt) return;
  const acted = group.refresh ? refreshStep(world, group) : scaleStep(world, group);
  if (acted) group.nextActivityAt = now + world.timings.autoScalingStepMs;
}

/** Reconciles every Auto Scaling group of the world (a tick hook). */
export function reconcileAutoScaling(world: World): void {
  for (const group of world.autoScaling.allGroups()) reconcileGroup(world, group);
}
