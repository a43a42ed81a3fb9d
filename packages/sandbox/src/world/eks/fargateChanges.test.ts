import { describe, expect, it } from 'vitest';
import { TEST_ROLE, TEST_SUBNETS, testWorld } from '../../testing/testWorld.ts';
import { createCluster } from './clusters.ts';
import { createFargateProfile, deleteFargateProfile } from './fargateChanges.ts';

const ACCOUNT = '111122223333';

function setup() {
  const { world, advance } = testWorld();
  const state = world.region(ACCOUNT, 'us-east-1');
  const privateSubnets = state.network.subnets.filter((s) => !s.public).map((s) => s.id);
  const cluster = createCluster(world, state, {
    name: 'c',
    version: '1.35',
    roleArn: TEST_ROLE,
    resourcesVpcConfig: { subnetIds: privateSubnets },
  });
  advance(world.timings.clusterCreateMs);
  const input = {
    podExecutionRoleArn: TEST_ROLE,
    subnets: privateSubnets,
    selectors: [{ namespace: 'batch', labels: { tier: 'batch' } }],
  };
  return { world, advance, state, cluster, input, privateSubnets };
}

describe('Fargate profile changes', () => {
  it('creates profiles one at a time, defaulting to the cluster private subnets, and deletes them', () => {
    const { world, advance, state, cluster, input, privateSubnets } = setup();
    const profile = createFargateProfile(world, state, 'c', {
      podExecutionRoleArn: TEST_ROLE,
      selectors: [{ namespace: 'batch' }],
      fargateProfileName: 'fp-a',
    });
    expect(profile.status).toBe('CREATING');
    expect(profile.subnets).toEqual(privateSubnets);
    expect(profile.arn).toMatch(
      /^arn:aws:eks:us-east-1:111122223333:fargateprofile\/c\/fp-a\/[0-9a-f-]{36}$/,
    );
    expect(() =>
      createFargateProfile(world, state, 'c', { ...input, fargateProfileName: 'fp-b' }),
    ).toThrow(
      expect.objectContaining({
        code: 'ResourceInUseException',
        message:
          'Cannot create Fargate Profile fp-b because cluster c currently has Fargate profile fp-a in status CREATING',
      }),
    );
    advance(world.timings.fargateProfileCreateMs);
    expect(profile.status).toBe('ACTIVE');
    expect(() =>
      createFargateProfile(world, state, 'c', { ...input, fargateProfileName: 'fp-a' }),
    ).toThrow('A Fargate Profile already exists with this name in this cluster.');
    const second = createFargateProfile(world, state, 'c', {
      ...input,
      fargateProfileName: 'fp-b',
    });
    expect(() => deleteFargateProfile(world, state, 'c', 'fp-a')).toThrow(
      'Cannot delete Fargate Profile fp-a because cluster c currently has Fargate profile fp-b in status CREATING',
    );
    advance(world.timings.fargateProfileCreateMs);
    expect(second.status).toBe('ACTIVE');
    deleteFargateProfile(world, state, 'c', 'fp-a');
    advance(world.timings.fargateProfileDeleteMs);
    expect([...cluster.fargateProfiles.keys()]).toEqual(['fp-b']);
  });

  it('refuses bad selectors and subnets with EKS codes and wording', () => {
    const { world, state, input } = setup();
    const publicSubnet = state.network.subnets.find((subnet) => subnet.public)!.id;
    const six = Array.from({ length: 6 }, (_, i) => ({ namespace: `ns${i}` }));
    const sixLabels = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`l${i}`, 'x']));
    const attempts: Array<[Record<string, unknown>, string | RegExp]> = [
      [{ selectors: [] }, 'Fargate Profile requires at least one selector.'],
      [{ selectors: six }, /cannot have more than 5 selectors/],
      [
        { selectors: [{ labels: { a: 'b' } }] },
        'Fargate Profile must have at least one selector with at least one namespace value.',
      ],
      [
        { selectors: [{ namespace: 'x', labels: sixLabels }] },
        'Request contains Selector with more than 5 Label pairs',
      ],
      [{ selectors: [{ namespace: 'x', labels: { 'bad key': 'v' } }] }, /Label key 'bad key'/],
      [
        { subnets: [publicSubnet] },
        `Subnet ${publicSubnet} provided in Fargate Profile is not a private subnet`,
      ],
      [{ subnets: [TEST_SUBNETS[0]] }, `The subnet ID '${TEST_SUBNETS[0]}' does not exist`],
      [{ fargateProfileName: 'eks-mine' }, "Fargate Profile names can't start with 'eks-'."],
      [{ podExecutionRoleArn: 'role' }, /is not a valid IAM role ARN/],
    ];
    for (const [extra, message] of attempts) {
      expect(
        () =>
          createFargateProfile(world, state, 'c', {
            ...input,
            fargateProfileName: 'fp',
            ...extra,
          }),
        String(message),
      ).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
      expect(() =>
        createFargateProfile(world, state, 'c', {
          ...input,
          fargateProfileName: 'fp',
          ...extra,
        }),
      ).toThrow(message);
    }
  });
});
