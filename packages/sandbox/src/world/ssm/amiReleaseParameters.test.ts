import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from '../seed/demoWorld.ts';
import { World } from '../world.ts';
import { publicAmiParameters } from './amiReleaseParameters.ts';

function demo(): World {
  const world = new World(
    demoAccounts(),
    DEMO_REGIONS,
    manualClock(new Date('2026-12-01T12:00:00Z')),
  );
  seedDemoWorld(world);
  return world;
}

describe('the public AMI release parameters', () => {
  it('recommend the newest build per version, and have no AL2 from 1.33 on', () => {
    const parameters = publicAmiParameters('us-east-1');
    const al2023 = '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard';
    expect(parameters.get(`${al2023}/recommended/release_version`)?.value).toBe('1.31.13-20261118');
    expect(
      parameters.get(`${al2023}/amazon-eks-node-al2023-x86_64-standard-1.31-v20250920/image_id`)
        ?.lastModified,
    ).toEqual(new Date('2025-09-22T18:00:00Z'));
    expect(
      parameters.has(
        '/aws/service/eks/optimized-ami/1.32/amazon-linux-2/recommended/release_version',
      ),
    ).toBe(true);
    expect(
      parameters.has(
        '/aws/service/eks/optimized-ami/1.33/amazon-linux-2/recommended/release_version',
      ),
    ).toBe(false);
    expect(
      parameters.get('/aws/service/bottlerocket/aws-k8s-1.33/x86_64/1.33.5-20251120/image_version')
        ?.value,
    ).toBe('1.33.5-20251120');
  });

  it("list every seeded instance's image among the releases of its node group's AMI family", () => {
    const world = demo();
    const drifted: string[] = [];
    for (const state of world.regionStates()) {
      const images = new Map(
        [...publicAmiParameters(state.region).values()]
          .filter((parameter) => parameter.dataType === 'aws:ec2:image')
          .map((parameter) => [parameter.value, parameter.name]),
      );
      for (const cluster of state.clusters.values()) {
        if (cluster.kind !== 'eks') continue;
        for (const nodegroup of cluster.nodegroups.values()) {
          const instances = world.ec2
            .instances(state.accountId, state.region)
            .filter((instance) => instance.autoScalingGroupName === nodegroup.autoScalingGroupName);
          for (const instance of instances) {
            const name = images.get(instance.imageId);
            expect(name, `${cluster.name}/${nodegroup.name} ${instance.imageId}`).toBeDefined();
            if (!name!.includes('/recommended/') && !name!.includes('/latest/'))
              drifted.push(`${cluster.name}/${nodegroup.name}`);
          }
        }
      }
    }
    // Some seeded managed node groups run an older release than the recommended one, some the newest.
    expect(new Set(drifted).size).toBeGreaterThan(3);
    expect(drifted).not.toContain('dev-sandbox/dev-general');
  });
});
