import { describe, expect, it } from 'vitest';
import { testWorld } from '../../testing/testWorld.ts';
import { seededRandom } from '../random.ts';
import { setDesiredCapacity } from './autoScalingChanges.ts';
import { createAutoScalingGroup } from './autoScalingGroups.ts';
import { createLaunchTemplate } from './launchTemplates.ts';
import { activityProgress, FAILED_LAUNCH_RETRY_MS } from './scalingActivities.ts';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

function setup() {
  const { world, runFor } = testWorld();
  const network = world.region(ACCOUNT, REGION).network;
  const template = createLaunchTemplate(world, {
    accountId: ACCOUNT,
    region: REGION,
    name: 'workers',
    createdAt: world.now(),
    random: seededRandom('t'),
    data: {
      imageId: 'ami-0123456789abcdef0',
      instanceType: 'm5.large',
      iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/workers`,
      securityGroupIds: [network.securityGroupId],
    },
  });
  createAutoScalingGroup(world, {
    accountId: ACCOUNT,
    region: REGION,
    name: 'workers',
    uuid: '00000000-0000-4000-8000-000000000000',
    createdAt: world.now(),
    minSize: 0,
    maxSize: 6,
    desiredCapacity: 0,
    subnetIds: network.subnets.filter((s) => !s.public).map((s) => s.id),
    template,
    tags: {},
  });
  const activities = () =>
    world.autoScaling
      .activities(ACCOUNT, REGION)
      .map((activity) => ({ ...activity, ...activityProgress(world, activity) }));
  return { world, runFor, activities };
}

describe('scaling activities', () => {
  it('records one launch per instance, in progress until the instance runs', () => {
    const { world, runFor, activities } = setup();
    const changedAt = world.now();
    setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 2);
    runFor(1_000);
    const started = activities();
    expect(started.map((activity) => [activity.kind, activity.statusCode])).toEqual([
      ['launch', 'InProgress'],
      ['launch', 'InProgress'],
    ]);
    const at = `${changedAt.toISOString().slice(0, 19)}Z`;
    expect(started[0]!.cause).toBe(
      `At ${at} a user request explicitly set group desired capacity changing the desired capacity from 0 to 2.  ` +
        `At ${started[0]!.startedAt.toISOString().slice(0, 19)}Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 1.`,
    );
    expect(started[1]!.cause).toMatch(/increasing the capacity from 1 to 2\.$/);
    const instances = world.ec2.instances(ACCOUNT, REGION);
    expect(started.map((activity) => activity.instanceId).sort()).toEqual(
      instances.map((instance) => instance.instanceId).sort(),
    );
    runFor(world.timings.instanceLaunchMs);
    expect(activities().map((activity) => activity.statusCode)).toEqual([
      'Successful',
      'Successful',
    ]);
  });

  it('records terminations when the desired capacity shrinks', () => {
    const { world, runFor, activities } = setup();
    setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 2);
    runFor(world.timings.autoScalingStepMs + world.timings.instanceLaunchMs);
    setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 1);
    runFor(world.timings.autoScalingStepMs);
    const terminations = activities().filter((activity) => activity.kind === 'terminate');
    expect(terminations).toHaveLength(1);
    expect(terminations[0]!.statusCode).toBe('InProgress');
    expect(terminations[0]!.cause).toMatch(
      /changing the desired capacity from 2 to 1\. {2}At .+Z an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 2 to 1\.$/,
    );
    runFor(world.timings.instanceTerminateMs);
    expect(activities().find((activity) => activity.kind === 'terminate')!.statusCode).toBe(
      'Successful',
    );
  });
});

describe('failed launches', () => {
  it('records a Failed activity with the reason, then backs off before the next attempt', () => {
    const { world, runFor, activities } = setup();
    const group = world.autoScaling.group(ACCOUNT, REGION, 'workers')!;
    group.launchFailure =
      'Could not launch On-Demand Instances. InsufficientInstanceCapacity - We currently do not have sufficient m5.large capacity in the Availability Zone you requested';
    setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 1);
    runFor(60_000);
    const failed = activities();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ statusCode: 'Failed', failure: group.launchFailure });
    expect(failed[0]!.cause).toMatch(/increasing the capacity from 0 to 1\.$/);
    expect(world.ec2.instances(ACCOUNT, REGION)).toEqual([]);
    runFor(FAILED_LAUNCH_RETRY_MS);
    expect(activities().map((activity) => activity.statusCode)).toEqual(['Failed', 'Failed']);
  });
});
