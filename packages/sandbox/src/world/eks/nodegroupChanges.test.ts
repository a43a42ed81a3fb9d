import { describe, expect, it } from 'vitest';
import { TEST_ROLE, TEST_SUBNETS, testWorld } from '../../testing/testWorld.ts';
import { createCluster, deleteCluster } from './clusters.ts';
import { updateClusterVersion } from './clusterUpdates.ts';
import { createFargateProfile, deleteFargateProfile } from './fargateChanges.ts';
import {
  createNodegroup,
  deleteNodegroup,
  updateNodegroupConfig,
  updateNodegroupVersion,
} from './nodegroupChanges.ts';

const ACCOUNT = '111122223333';

function setup(version = '1.35') {
  const { world, advance } = testWorld();
  const state = world.region(ACCOUNT, 'us-east-1');
  const cluster = createCluster(world, state, {
    name: 'c',
    version,
    roleArn: TEST_ROLE,
    resourcesVpcConfig: { subnetIds: TEST_SUBNETS },
  });
  advance(world.timings.clusterCreateMs);
  return { world, advance, state, cluster };
}

const nodegroupInput = { nodegroupName: 'ng', subnets: TEST_SUBNETS, nodeRole: TEST_ROLE };

describe('node group changes', () => {
  it('creates a node group that turns ACTIVE, with its ARN, ASG and latest AMI release', () => {
    const { world, advance, state, cluster } = setup();
    const nodegroup = createNodegroup(world, state, 'c', {
      ...nodegroupInput,
      scalingConfig: { minSize: 1, desiredSize: 3, maxSize: 5 },
      capacityType: 'SPOT',
      taints: [{ key: 'dedicated', value: 'batch', effect: 'NO_SCHEDULE' }],
    });
    expect(nodegroup).toMatchObject({
      status: 'CREATING',
      version: '1.35',
      releaseVersion: '1.35.1-20261118',
      capacityType: 'SPOT',
      instanceTypes: ['t3.medium'],
    });
    expect(nodegroup.arn).toMatch(
      /^arn:aws:eks:us-east-1:111122223333:nodegroup\/c\/ng\/[0-9a-f-]{36}$/,
    );
    expect(nodegroup.autoScalingGroupName).toBe(`eks-ng-${nodegroup.arn.split('/').at(-1)}`);
    advance(world.timings.nodegroupCreateMs);
    expect(cluster.nodegroups.get('ng')!.status).toBe('ACTIVE');
    expect(() => createNodegroup(world, state, 'c', nodegroupInput)).toThrow(
      'NodeGroup already exists with name ng and cluster name c',
    );
  });

  it('validates scaling, taints and versions', () => {
    const { world, state } = setup();
    const attempts: Array<[Record<string, unknown>, RegExp]> = [
      [
        { scalingConfig: { minSize: 4, desiredSize: 2, maxSize: 5 } },
        /Minimum capacity 4 can't be greater than desired size 2/,
      ],
      [
        { scalingConfig: { minSize: 1, desiredSize: 6, maxSize: 5 } },
        /Desired capacity 6 can't be greater than max size 5/,
      ],
      [{ taints: [{ key: 'a', effect: 'NoSchedule' }] }, /Taints need a key and an effect/],
      [{ version: '1.36' }, /Requested Nodegroup version 1.36 is invalid/],
      [{ version: '1.31' }, /Requested Nodegroup version 1.31 is invalid/],
      [{ capacityType: 'RESERVED' }, /Invalid capacityType/],
    ];
    for (const [extra, message] of attempts) {
      expect(
        () => createNodegroup(world, state, 'c', { ...nodegroupInput, ...extra }),
        String(message),
      ).toThrow(message);
    }
  });

  it('scales and relabels through a ConfigUpdate applied when it completes', () => {
    const { world, advance, state, cluster } = setup();
    createNodegroup(world, state, 'c', { ...nodegroupInput, labels: { tier: 'web', old: 'x' } });
    advance(world.timings.nodegroupCreateMs);
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
    const nodegroup = cluster.nodegroups.get('ng')!;
    expect(nodegroup.status).toBe('UPDATING');
    expect(() =>
      updateNodegroupConfig(world, state, 'c', 'ng', { scalingConfig: { desiredSize: 1 } }),
    ).toThrow(expect.objectContaining({ code: 'ResourceInUseException' }));
    advance(world.timings.nodegroupUpdateMs);
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      scalingConfig: { minSize: 1, desiredSize: 4, maxSize: 6 },
      labels: { tier: 'web', team: 'a' },
      taints: [{ key: 'gpu', value: 'true', effect: 'NO_SCHEDULE' }],
    });
    expect(() =>
      updateNodegroupConfig(world, state, 'c', 'ng', { scalingConfig: { desiredSize: 4 } }),
    ).toThrow('No changes needed for the nodegroup config provided');
  });

  it('upgrades a node group to the cluster version, which then allows the next cluster upgrade', () => {
    const { world, advance, state, cluster } = setup('1.34');
    createNodegroup(world, state, 'c', nodegroupInput);
    advance(world.timings.nodegroupCreateMs);
    updateClusterVersion(world, state, 'c', { version: '1.35' });
    advance(world.timings.clusterUpdateMs);
    expect(() => updateClusterVersion(world, state, 'c', { version: '1.36' })).toThrow(
      /Nodegroup ng must be updated/,
    );
    const update = updateNodegroupVersion(world, state, 'c', 'ng', {});
    expect(update.params).toEqual([
      { type: 'Version', value: '1.35' },
      { type: 'ReleaseVersion', value: '1.35.1-20261118' },
    ]);
    advance(world.timings.nodegroupUpdateMs);
    expect(cluster.nodegroups.get('ng')!.version).toBe('1.35');
    expect(() => updateNodegroupVersion(world, state, 'c', 'ng', {})).toThrow(
      /already at version 1.35/,
    );
    expect(updateClusterVersion(world, state, 'c', { version: '1.36' }).status).toBe('InProgress');
  });

  it('deletes node groups, after which the cluster can be deleted', () => {
    const { world, advance, state, cluster } = setup();
    createNodegroup(world, state, 'c', nodegroupInput);
    advance(world.timings.nodegroupCreateMs);
    expect(deleteNodegroup(world, state, 'c', 'ng').status).toBe('DELETING');
    expect(() => deleteCluster(world, state, 'c')).toThrow('Cluster has nodegroups attached');
    advance(world.timings.nodegroupDeleteMs);
    expect(cluster.nodegroups.size).toBe(0);
    expect(deleteCluster(world, state, 'c').status).toBe('DELETING');
  });
});

describe('Fargate profile changes', () => {
  it('creates profiles one at a time on private subnets, and deletes them', () => {
    const { world, advance, state, cluster } = setup();
    const input = {
      podExecutionRoleArn: TEST_ROLE,
      subnets: TEST_SUBNETS,
      selectors: [{ namespace: 'batch', labels: { tier: 'batch' } }],
    };
    const profile = createFargateProfile(world, state, 'c', {
      ...input,
      fargateProfileName: 'fp-a',
    });
    expect(profile.status).toBe('CREATING');
    expect(profile.arn).toMatch(
      /^arn:aws:eks:us-east-1:111122223333:fargateprofile\/c\/fp-a\/[0-9a-f-]{36}$/,
    );
    expect(() =>
      createFargateProfile(world, state, 'c', { ...input, fargateProfileName: 'fp-b' }),
    ).toThrow(/currently has Fargate profile fp-a in status CREATING/);
    advance(world.timings.fargateProfileCreateMs);
    expect(profile.status).toBe('ACTIVE');
    expect(() =>
      createFargateProfile(world, state, 'c', { ...input, fargateProfileName: 'fp-a' }),
    ).toThrow('A Fargate Profile already exists with this name in the cluster.');
    const publicSubnet = state.network.subnets.find((subnet) => subnet.public)!.id;
    expect(() =>
      createFargateProfile(world, state, 'c', {
        ...input,
        fargateProfileName: 'fp-c',
        subnets: [publicSubnet],
      }),
    ).toThrow(/is not a private subnet/);
    expect(() =>
      createFargateProfile(world, state, 'c', {
        ...input,
        fargateProfileName: 'fp-d',
        selectors: [],
      }),
    ).toThrow(/1 to 5 selectors/);
    deleteFargateProfile(world, state, 'c', 'fp-a');
    advance(world.timings.fargateProfileDeleteMs);
    expect(cluster.fargateProfiles.size).toBe(0);
  });
});
