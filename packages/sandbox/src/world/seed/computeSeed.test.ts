import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { isSettled, liveMembers } from '../ec2/autoScalingGroups.ts';
import type { EksClusterRecord } from '../eks/types.ts';
import { World } from '../world.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from './demoWorld.ts';

const TODAY = new Date('2026-11-26T12:00:00Z');
const PROD = '123456789012';
const DEV = '210987654321';

function demo() {
  const world = new World(demoAccounts(), DEMO_REGIONS, manualClock(TODAY));
  seedDemoWorld(world);
  return world;
}

const eksClusters = (world: World) =>
  world
    .regionStates()
    .flatMap((state) => [...state.clusters.values()])
    .filter((cluster): cluster is EksClusterRecord => cluster.kind === 'eks');

describe('the demo world compute', () => {
  it('gives every node group its Auto Scaling group and running instances launched in the past', () => {
    const world = demo();
    for (const cluster of eksClusters(world)) {
      for (const nodegroup of cluster.nodegroups.values()) {
        const group = world.autoScaling.group(
          cluster.accountId,
          cluster.region,
          nodegroup.autoScalingGroupName,
        );
        expect(group, nodegroup.name).toBeDefined();
        const live = liveMembers(world, group!).map((entry) => entry.instance!);
        const degraded = nodegroup.status === 'DEGRADED';
        expect(live, `${cluster.name}/${nodegroup.name}`).toHaveLength(
          nodegroup.scalingConfig.desiredSize - (degraded ? 1 : 0),
        );
        expect(isSettled(world, group!)).toBe(!degraded);
        for (const instance of live) {
          expect(instance.state).toBe('running');
          expect(instance.launchTime.getTime()).toBeLessThan(TODAY.getTime());
          expect(instance.launchTime.getTime()).toBeGreaterThanOrEqual(
            nodegroup.createdAt.getTime(),
          );
          expect(instance.lifecycle).toBe(nodegroup.capacityType === 'SPOT' ? 'spot' : 'on-demand');
          expect(nodegroup.instanceTypes).toContain(instance.instanceType);
          expect(instance.tags['eks:nodegroup-name']).toBe(nodegroup.name);
        }
      }
    }
  });

  it('seeds self-managed groups owned by their cluster, two of them not uniform', () => {
    const world = demo();
    const selfManaged = world
      .regionStates()
      .flatMap((state) =>
        world.autoScaling
          .groups(state.accountId, state.region)
          .filter((group) => !('eks:nodegroup-name' in group.tags)),
      );
    expect(selfManaged.map((group) => group.name).sort()).toEqual([
      'checkout-prod-legacy-workers',
      'ml-training-cpu-workers',
      'perf-lab-load-runners',
      'qa-integration-runners',
    ]);
    const traits = (accountId: string, region: string, name: string) => {
      const group = world.autoScaling.group(accountId, region, name)!;
      expect(group.tags).toMatchObject({ Name: name });
      const instances = liveMembers(world, group).map((entry) => entry.instance!);
      for (const instance of instances) {
        expect(Object.keys(instance.tags)).toEqual(
          expect.arrayContaining([expect.stringMatching(/^kubernetes\.io\/cluster\//), 'Name']),
        );
      }
      return {
        types: new Set(instances.map((i) => i.instanceType)).size,
        images: new Set(instances.map((i) => i.imageId)).size,
        profiles: new Set(instances.map((i) => i.iamInstanceProfileArn)).size,
      };
    };
    expect(traits(PROD, 'us-east-1', 'checkout-prod-legacy-workers')).toEqual({
      types: 1,
      images: 2,
      profiles: 1,
    });
    expect(traits(PROD, 'eu-west-1', 'ml-training-cpu-workers')).toEqual({
      types: 2,
      images: 1,
      profiles: 1,
    });
    expect(traits(DEV, 'us-east-1', 'qa-integration-runners')).toEqual({
      types: 1,
      images: 1,
      profiles: 2,
    });
    expect(traits(DEV, 'eu-west-1', 'perf-lab-load-runners')).toEqual({
      types: 1,
      images: 1,
      profiles: 1,
    });
  });

  it('is the same on every start', () => {
    const ids = (world: World) =>
      world
        .regionStates()
        .flatMap((state) => world.ec2.instances(state.accountId, state.region))
        .map(
          (instance) => `${instance.instanceId} ${instance.privateIpAddress} ${instance.imageId}`,
        );
    expect(ids(demo())).toEqual(ids(demo()));
  });
});
