import { describe, expect, it } from 'vitest';
import { TEST_ROLE, TEST_CLUSTER_SUBNETS, testWorld } from '../../testing/testWorld.ts';
import { liveMembers } from '../ec2/autoScalingGroups.ts';
import { createCluster, deleteCluster } from './clusters.ts';
import { updateClusterVersion } from './clusterUpdates.ts';
import { createNodegroup, deleteNodegroup } from './nodegroupChanges.ts';
import { updateNodegroupConfig, updateNodegroupVersion } from './nodegroupUpdates.ts';

const ACCOUNT = '111122223333';

function setup(version = '1.35') {
  const { world, advance, runFor } = testWorld();
  const state = world.region(ACCOUNT, 'us-east-1');
  const cluster = createCluster(world, state, {
    name: 'c',
    version,
    roleArn: TEST_ROLE,
    resourcesVpcConfig: { subnetIds: TEST_CLUSTER_SUBNETS },
  });
  advance(world.timings.clusterCreateMs);
  const privateSubnets = state.network.subnets.filter((s) => !s.public).map((s) => s.id);
  const nodegroupInput = { nodegroupName: 'ng', subnets: privateSubnets, nodeRole: TEST_ROLE };
  /** The node group's instances as EC2 lists them, terminated ones aside. */
  const instances = () =>
    world.ec2
      .instances(ACCOUNT, 'us-east-1')
      .filter((i) => i.tags['eks:nodegroup-name'] === 'ng' && i.state !== 'terminated');
  const group = () =>
    world.autoScaling.group(
      ACCOUNT,
      'us-east-1',
      cluster.nodegroups.get('ng')!.autoScalingGroupName,
    )!;
  return { world, advance, runFor, state, cluster, nodegroupInput, instances, group };
}

describe('node group changes', () => {
  it('creates a node group whose Auto Scaling group launches tagged instances, then turns ACTIVE', () => {
    const { world, runFor, state, cluster, nodegroupInput, instances, group } = setup();
    const nodegroup = createNodegroup(world, state, 'c', {
      ...nodegroupInput,
      scalingConfig: { minSize: 1, desiredSize: 3, maxSize: 5 },
      capacityType: 'SPOT',
      instanceTypes: ['m6i.large', 'm5.large'],
      taints: [{ key: 'dedicated', value: 'batch', effect: 'NO_SCHEDULE' }],
    });
    expect(nodegroup).toMatchObject({
      status: 'CREATING',
      version: '1.35',
      releaseVersion: '1.35.1-20261118',
      capacityType: 'SPOT',
    });
    const uuid = nodegroup.arn.split('/').at(-1)!;
    expect(nodegroup.arn).toMatch(
      /^arn:aws:eks:us-east-1:111122223333:nodegroup\/c\/ng\/[0-9a-f-]{36}$/,
    );
    expect(nodegroup.autoScalingGroupName).toBe(`eks-ng-${uuid}`);
    expect(group()).toMatchObject({ desiredCapacity: 3, minSize: 1, maxSize: 5 });

    runFor(5_000);
    expect(instances().map((i) => i.state)).toContain('pending');
    expect(nodegroup.status).toBe('CREATING');
    runFor(world.timings.nodegroupCreateMs);
    expect(cluster.nodegroups.get('ng')!.status).toBe('ACTIVE');
    const launched = instances();
    expect(launched).toHaveLength(3);
    for (const instance of launched) {
      expect(instance).toMatchObject({
        state: 'running',
        lifecycle: 'spot',
        iamInstanceProfileArn: `arn:aws:iam::111122223333:instance-profile/eks-${uuid}`,
        autoScalingGroupName: nodegroup.autoScalingGroupName,
        tags: {
          'eks:cluster-name': 'c',
          'eks:nodegroup-name': 'ng',
          'kubernetes.io/cluster/c': 'owned',
          'aws:autoscaling:groupName': nodegroup.autoScalingGroupName,
          'k8s.io/cluster-autoscaler/enabled': 'true',
          'k8s.io/cluster-autoscaler/c': 'owned',
        },
      });
      expect(instance.instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(instance.privateDnsName).toBe(
        `ip-${instance.privateIpAddress.replace(/\./g, '-')}.ec2.internal`,
      );
    }
    // Spot spreads over the types; the zones are balanced over the three private subnets.
    expect(new Set(launched.map((i) => i.instanceType))).toEqual(
      new Set(['m6i.large', 'm5.large']),
    );
    expect(new Set(launched.map((i) => i.availabilityZone)).size).toBe(3);
    expect(() => createNodegroup(world, state, 'c', nodegroupInput)).toThrow(
      'NodeGroup already exists with name ng and cluster name c',
    );
  });

  it('validates scaling, labels, taints, subnets and versions with EKS codes', () => {
    const { world, state, nodegroupInput } = setup();
    const attempts: Array<[Record<string, unknown>, RegExp]> = [
      [
        { scalingConfig: { minSize: 4, desiredSize: 2, maxSize: 5 } },
        /^minSize can't be greater than desiredSize$/,
      ],
      [
        { scalingConfig: { minSize: 1, desiredSize: 6, maxSize: 5 } },
        /^desiredSize can't be greater than maxSize$/,
      ],
      [
        { scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 0 } },
        /Maximum capacity 0 can't be less than 1/,
      ],
      [{ scalingConfig: { desiredSize: -1, minSize: 0 } }, /desiredSize must be a whole number/],
      [{ taints: [{ key: 'a', effect: 'NoSchedule' }] }, /Member must satisfy enum value set/],
      [{ taints: [{ key: 'bad key', effect: 'NO_SCHEDULE' }] }, /Taint key 'bad key' is invalid/],
      [{ labels: { 'team/': 'a' } }, /Label key 'team\/' is invalid: name part must be non-empty/],
      [{ labels: { tier: '-web' } }, /Label value '-web' of key 'tier' is invalid/],
      [
        { labels: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`l${i}`, 'x'])) },
        /at most 50 Kubernetes labels/,
      ],
      [
        { subnets: ['subnet-0123456789abcdef0'] },
        /The subnet ID 'subnet-0123456789abcdef0' does not exist/,
      ],
      [{ version: '1.36' }, /Requested Nodegroup version 1.36 is invalid/],
      [{ version: '1.31' }, /Requested Nodegroup version 1.31 is invalid/],
      [{ releaseVersion: '1.34.2-20251120' }, /not valid for kubernetes version 1.35/],
      [{ capacityType: 'RESERVED' }, /Invalid capacityType/],
    ];
    for (const [extra, message] of attempts) {
      expect(
        () => createNodegroup(world, state, 'c', { ...nodegroupInput, ...extra }),
        String(message),
      ).toThrow(message);
    }
  });

  it('scales through a ConfigUpdate that ends when the new instances run, one update at a time', () => {
    const { world, runFor, state, cluster, nodegroupInput, instances } = setup();
    createNodegroup(world, state, 'c', { ...nodegroupInput, labels: { tier: 'web', old: 'x' } });
    runFor(world.timings.nodegroupCreateMs + 5_000);
    const nodegroup = cluster.nodegroups.get('ng')!;
    expect(instances()).toHaveLength(2);
    const update = updateNodegroupConfig(world, state, 'c', 'ng', {
      scalingConfig: { desiredSize: 4, maxSize: 6 },
      labels: { addOrUpdateLabels: { team: 'a' }, removeLabels: ['old'] },
      taints: { addOrUpdateTaints: [{ key: 'gpu', value: 'true', effect: 'NO_SCHEDULE' }] },
    });
    expect(update.type).toBe('ConfigUpdate');
    expect(update.params.map((param) => param.type)).toEqual([
      'DesiredSize',
      'MaxSize',
      'LabelsToAdd',
      'LabelsToRemove',
      'TaintsToAdd',
    ]);
    expect(nodegroup.status).toBe('UPDATING');
    expect(() =>
      updateNodegroupConfig(world, state, 'c', 'ng', { scalingConfig: { desiredSize: 1 } }),
    ).toThrow(/Nodegroup ng is currently in UPDATING state/);
    runFor(3_000);
    expect(instances().filter((i) => i.state === 'pending')).toHaveLength(2);
    runFor(world.timings.nodegroupUpdateMs);
    expect(update.status).toBe('Successful');
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      scalingConfig: { minSize: 1, desiredSize: 4, maxSize: 6 },
      labels: { tier: 'web', team: 'a' },
      taints: [{ key: 'gpu', value: 'true', effect: 'NO_SCHEDULE' }],
    });
    expect(instances().map((i) => i.state)).toEqual(['running', 'running', 'running', 'running']);

    const down = updateNodegroupConfig(world, state, 'c', 'ng', {
      scalingConfig: { desiredSize: 1 },
    });
    runFor(3_000);
    expect(instances().filter((i) => i.state === 'shutting-down')).toHaveLength(2);
    runFor(world.timings.nodegroupUpdateMs + world.timings.instanceTerminateMs);
    expect(down.status).toBe('Successful');
    expect(instances()).toHaveLength(1);
    expect(
      world.ec2.instances(ACCOUNT, 'us-east-1').filter((i) => i.state === 'terminated'),
    ).toHaveLength(3);
    expect(() =>
      updateNodegroupConfig(world, state, 'c', 'ng', { scalingConfig: { desiredSize: 1 } }),
    ).toThrow('No changes needed for the nodegroup config provided');
    expect(() =>
      updateNodegroupConfig(world, state, 'c', 'ng', {
        labels: { addOrUpdateLabels: { team: 'b' }, removeLabels: ['team'] },
      }),
    ).toThrow("The label key 'team' cannot be both added and removed in the same request.");
  });

  it('replaces every instance on a version update, never more than maxUnavailable down', () => {
    const { world, runFor, state, cluster, nodegroupInput, instances, group } = setup('1.34');
    createNodegroup(world, state, 'c', {
      ...nodegroupInput,
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
    });
    runFor(world.timings.nodegroupCreateMs + 5_000);
    updateClusterVersion(world, state, 'c', { version: '1.35' });
    runFor(world.timings.clusterUpdateMs);
    expect(() => updateClusterVersion(world, state, 'c', { version: '1.36' })).toThrow(
      /Nodegroup ng must be updated/,
    );
    const oldAmi = instances()[0]!.imageId;
    const oldIds = instances().map((i) => i.instanceId);
    const update = updateNodegroupVersion(world, state, 'c', 'ng', { version: '1.35' });
    expect(update.params).toEqual([
      { type: 'Version', value: '1.35' },
      { type: 'ReleaseVersion', value: '1.35.1-20261118' },
    ]);
    let lowestRunning = Infinity;
    let mostLive = 0;
    const seenAmis = new Set<string>();
    for (let step = 0; step < 120 && update.status === 'InProgress'; step++) {
      runFor(1_000);
      const live = instances().filter((i) => i.state === 'pending' || i.state === 'running');
      lowestRunning = Math.min(lowestRunning, live.filter((i) => i.state === 'running').length);
      mostLive = Math.max(mostLive, live.length);
      for (const instance of live) seenAmis.add(instance.imageId);
    }
    expect(update.status).toBe('Successful');
    // maxUnavailable 1 of 3: never below 2 running, never more than 1 extra instance.
    expect(lowestRunning).toBeGreaterThanOrEqual(2);
    expect(mostLive).toBe(4);
    expect(seenAmis.size).toBe(2);
    const now = instances();
    expect(now).toHaveLength(3);
    expect(now.every((i) => i.imageId !== oldAmi && !oldIds.includes(i.instanceId))).toBe(true);
    expect(group().launchTemplate.version).toBe('2');
    expect(cluster.nodegroups.get('ng')!).toMatchObject({ version: '1.35', status: 'ACTIVE' });
    expect(() => updateNodegroupVersion(world, state, 'c', 'ng', {})).toThrow(
      /already at version 1.35/,
    );
    // An invented release, and an older published one: EKS refuses both, nothing rolls back.
    expect(() =>
      updateNodegroupVersion(world, state, 'c', 'ng', { releaseVersion: '1.35.1-20240101' }),
    ).toThrow(
      /^Requested release version 1.35.1-20240101 is not valid for kubernetes version 1.35.$/,
    );
    expect(() =>
      updateNodegroupVersion(world, state, 'c', 'ng', { releaseVersion: '1.35.1-20251120' }),
    ).toThrow(
      "Requested release version 1.35.1-20251120 is older than the nodegroup's current release version 1.35.1-20261118.",
    );
    expect(cluster.nodegroups.get('ng')!.releaseVersion).toBe('1.35.1-20261118');
    expect(updateClusterVersion(world, state, 'c', { version: '1.36' }).status).toBe('InProgress');
  });

  it('fails an update whose instances cannot launch, after the timeout', () => {
    const { world, runFor, state, cluster, nodegroupInput, group } = setup();
    createNodegroup(world, state, 'c', nodegroupInput);
    runFor(world.timings.nodegroupCreateMs + 5_000);
    group().launchFailure = 'InsufficientInstanceCapacity - no t3.medium capacity.';
    const update = updateNodegroupConfig(world, state, 'c', 'ng', {
      scalingConfig: { desiredSize: 3, maxSize: 3 },
    });
    runFor(world.timings.nodegroupUpdateTimeoutMs + 1_000, 10_000);
    expect(update).toMatchObject({
      status: 'Failed',
      errors: [
        {
          errorCode: 'NodeCreationFailure',
          errorMessage: 'InsufficientInstanceCapacity - no t3.medium capacity.',
        },
      ],
    });
    expect(cluster.nodegroups.get('ng')!.status).toBe('ACTIVE');
    expect(liveMembers(world, group())).toHaveLength(2);
  });

  it('deletes node groups with their instances, after which the cluster can be deleted', () => {
    const { world, runFor, state, cluster, nodegroupInput, instances } = setup();
    createNodegroup(world, state, 'c', nodegroupInput);
    runFor(world.timings.nodegroupCreateMs + 5_000);
    expect(deleteNodegroup(world, state, 'c', 'ng').status).toBe('DELETING');
    expect(() => deleteCluster(world, state, 'c')).toThrow('Cluster has nodegroups attached');
    runFor(1_000);
    expect(instances().map((i) => i.state)).toEqual(['shutting-down', 'shutting-down']);
    runFor(world.timings.nodegroupDeleteMs + world.timings.instanceTerminateMs);
    expect(cluster.nodegroups.size).toBe(0);
    expect(instances()).toHaveLength(0);
    expect(world.autoScaling.groups(ACCOUNT, 'us-east-1')).toHaveLength(0);
    expect(world.autoScaling.launchTemplates(ACCOUNT, 'us-east-1')).toHaveLength(0);
    expect(deleteCluster(world, state, 'c').status).toBe('DELETING');
  });
});
