import { describe, expect, it } from 'vitest';
import { testWorld } from '../../testing/testWorld.ts';
import { seededRandom } from '../random.ts';
import { setDesiredCapacity, updateAutoScalingGroup } from './autoScalingChanges.ts';
import { createAutoScalingGroup, liveMembers } from './autoScalingGroups.ts';
import { createLaunchTemplate } from './launchTemplates.ts';
import type { Ec2InstanceState } from './types.ts';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

function setup(desiredCapacity = 3) {
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
  const group = createAutoScalingGroup(world, {
    accountId: ACCOUNT,
    region: REGION,
    name: 'workers',
    uuid: '00000000-0000-4000-8000-000000000000',
    createdAt: world.now(),
    minSize: 0,
    maxSize: 6,
    desiredCapacity,
    subnetIds: network.subnets.filter((s) => !s.public).map((s) => s.id),
    template,
    tags: { 'kubernetes.io/cluster/c': 'owned', Name: 'workers' },
  });
  const live = () => liveMembers(world, group).map((entry) => entry.instance!);
  return { world, runFor, group, live };
}

describe('Auto Scaling groups', () => {
  it('launch to the desired capacity over the zones, announcing every state change', () => {
    const { world, runFor, live } = setup(3);
    const seen: Array<[string, Ec2InstanceState]> = [];
    world.ec2.onChange((instance) => seen.push([instance.instanceId, instance.state]));
    runFor(1_000);
    expect(live().map((i) => i.state)).toEqual(['pending', 'pending']);
    runFor(world.timings.autoScalingStepMs + world.timings.instanceLaunchMs);
    const instances = live();
    expect(instances.map((i) => i.state)).toEqual(['running', 'running', 'running']);
    expect(new Set(instances.map((i) => i.availabilityZone))).toEqual(
      new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    );
    expect(instances[0]!).toMatchObject({
      instanceType: 'm5.large',
      imageId: 'ami-0123456789abcdef0',
      lifecycle: 'on-demand',
      tags: { Name: 'workers', 'aws:autoscaling:groupName': 'workers' },
    });
    expect(instances[0]!.privateDnsName).toMatch(
      /^ip-10-\d+-\d+-\d+\.eu-west-1\.compute\.internal$/,
    );
    const first = instances[0]!.instanceId;
    expect(seen.filter(([id]) => id === first).map(([, state]) => state)).toEqual([
      'pending',
      'running',
    ]);
  });

  it('scale in from the fullest zone, oldest first, sparing protected instances; EC2 forgets terminated ones later', () => {
    const { world, runFor, group, live } = setup(4);
    runFor(60_000);
    const [oldest, second] = live().sort((a, b) => a.launchTime.getTime() - b.launchTime.getTime());
    group.members.find((m) => m.instanceId === oldest!.instanceId)!.protectedFromScaleIn = true;
    setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 3);
    runFor(1_000);
    // Zone a has two instances (the protected oldest and the fourth): the fourth goes.
    const gone = world.ec2
      .instances(ACCOUNT, REGION)
      .find((instance) => instance.state === 'shutting-down')!;
    expect(gone.availabilityZone).toBe(oldest!.availabilityZone);
    expect(gone.instanceId).not.toBe(oldest!.instanceId);
    expect(live().map((i) => i.instanceId)).toContain(second!.instanceId);
    runFor(world.timings.instanceTerminateMs);
    expect(world.ec2.find(ACCOUNT, REGION, gone.instanceId)?.state).toBe('terminated');
    expect(group.members.map((m) => m.instanceId)).not.toContain(gone.instanceId);
    runFor(world.timings.terminatedInstanceRetentionMs, 60_000);
    expect(world.ec2.find(ACCOUNT, REGION, gone.instanceId)).toBeUndefined();
  });

  it('refuse sizes out of bounds and move the desired capacity into new bounds', () => {
    const { world } = setup(3);
    expect(() => setDesiredCapacity(world, ACCOUNT, REGION, 'workers', 7)).toThrow(
      'New SetDesiredCapacity value 7 is above max value 6 for the AutoScalingGroup.',
    );
    expect(() => setDesiredCapacity(world, ACCOUNT, REGION, 'nope', 1)).toThrow(
      "AutoScalingGroup name not found - AutoScalingGroup 'nope' not found",
    );
    expect(() =>
      updateAutoScalingGroup(world, ACCOUNT, REGION, 'workers', { minSize: 5, maxSize: 4 }),
    ).toThrow('Max bound, 4, must be greater than or equal to min bound, 5');
    expect(() =>
      updateAutoScalingGroup(world, ACCOUNT, REGION, 'workers', { desiredCapacity: 9 }),
    ).toThrow('Desired capacity:9 must be between the specified min size:0 and max size:6');
    updateAutoScalingGroup(world, ACCOUNT, REGION, 'workers', { minSize: 4 });
    expect(world.autoScaling.group(ACCOUNT, REGION, 'workers')).toMatchObject({
      minSize: 4,
      desiredCapacity: 4,
    });
    expect(() =>
      updateAutoScalingGroup(world, ACCOUNT, REGION, 'workers', {
        launchTemplate: { name: 'workers', version: '7' },
      }),
    ).toThrow(/does not have version 7/);
  });
});
