import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { World } from '../world.ts';
import { versionStatus, findVersion } from '../versionCalendar.ts';
import type { EksClusterRecord } from '../eks/types.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from './demoWorld.ts';
import { generatedAccounts, seedGeneratedWorld } from './generatedWorld.ts';

const TODAY = new Date('2026-11-26T12:00:00Z');

function demo() {
  const clock = manualClock(TODAY);
  const world = new World(demoAccounts(), DEMO_REGIONS, clock);
  seedDemoWorld(world);
  return { world, clock };
}

const allClusters = (world: World) =>
  world.regionStates().flatMap((state) => [...state.clusters.values()]);

describe('the demo world', () => {
  it('has two accounts in three regions, 12+ EKS clusters in mixed states and one empty region', () => {
    const { world } = demo();
    expect(world.accounts.map((account) => [account.id, account.name])).toEqual([
      ['123456789012', 'sandbox-prod'],
      ['210987654321', 'sandbox-dev'],
    ]);
    const clusters = allClusters(world);
    const eks = clusters.filter((cluster): cluster is EksClusterRecord => cluster.kind === 'eks');
    expect(eks.length).toBeGreaterThanOrEqual(12);
    const statuses = eks.map((cluster) => cluster.status);
    expect(statuses.filter((status) => status === 'ACTIVE').length).toBeGreaterThan(eks.length / 2);
    for (const status of ['CREATING', 'UPDATING', 'FAILED'] as const)
      expect(statuses).toContain(status);
    const failed = eks.find((cluster) => cluster.status === 'FAILED')!;
    expect(failed.health.length).toBeGreaterThan(0);
    expect(world.region('210987654321', 'ap-southeast-2').clusters.size).toBe(0);
  });

  it('spans support states, endpoint setups, logging, KMS and connected providers', () => {
    const { world } = demo();
    const eks = allClusters(world).filter(
      (cluster): cluster is EksClusterRecord => cluster.kind === 'eks',
    );
    const support = new Set(
      eks.map((cluster) => versionStatus(findVersion(cluster.version)!, TODAY)),
    );
    expect([...support].sort()).toEqual(['EXTENDED_SUPPORT', 'STANDARD_SUPPORT', 'UNSUPPORTED']);
    const endpoints = new Set(
      eks.map(
        (cluster) => `${cluster.vpc.endpointPublicAccess}/${cluster.vpc.endpointPrivateAccess}`,
      ),
    );
    expect(endpoints).toEqual(new Set(['true/false', 'false/true', 'true/true']));
    expect(eks.some((cluster) => cluster.vpc.publicAccessCidrs[0] !== '0.0.0.0/0')).toBe(true);
    expect(eks.some((cluster) => cluster.logging.size === 0)).toBe(true);
    expect(eks.some((cluster) => cluster.logging.size === 5)).toBe(true);
    expect(eks.some((cluster) => cluster.encryption.length > 0)).toBe(true);
    for (const cluster of eks)
      expect(Object.keys(cluster.tags).sort()).toEqual(['cost-center', 'env', 'team']);
    const connected = allClusters(world).filter((cluster) => cluster.kind === 'connected');
    expect(
      connected.map((cluster) => [
        cluster.status,
        cluster.kind === 'connected' && cluster.connector.provider,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['ACTIVE', 'GKE'],
        ['PENDING', 'AKS'],
      ]),
    );
  });

  it('gives every ACTIVE cluster 1-3 node groups and has two Fargate profiles with overlapping selectors', () => {
    const { world } = demo();
    const eks = allClusters(world).filter(
      (cluster): cluster is EksClusterRecord => cluster.kind === 'eks',
    );
    for (const cluster of eks.filter((candidate) => candidate.status === 'ACTIVE')) {
      expect(cluster.nodegroups.size, cluster.name).toBeGreaterThanOrEqual(1);
      expect(cluster.nodegroups.size, cluster.name).toBeLessThanOrEqual(3);
    }
    const nodegroups = eks.flatMap((cluster) => [...cluster.nodegroups.values()]);
    expect(new Set(nodegroups.map((nodegroup) => nodegroup.capacityType))).toEqual(
      new Set(['ON_DEMAND', 'SPOT']),
    );
    expect(nodegroups.some((nodegroup) => nodegroup.taints.length > 0)).toBe(true);
    expect(nodegroups[0]!.arn).toMatch(
      /^arn:aws:eks:[a-z0-9-]+:\d{12}:nodegroup\/[\w-]+\/[\w-]+\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const tools = eks.find((cluster) => cluster.name === 'platform-tools')!;
    const batch = [...tools.fargateProfiles.values()].filter((profile) =>
      profile.selectors.some((selector) => selector.namespace === 'batch'),
    );
    expect(batch.map((profile) => profile.name)).toEqual(['fp-batch', 'fp-batch-any']);
  });

  it('is the same on every start (seeded, not random)', () => {
    const describe = (world: World) =>
      JSON.stringify(
        allClusters(world).map((cluster) =>
          cluster.kind === 'eks'
            ? [
                cluster.arn,
                cluster.endpointId,
                cluster.vpc,
                [...cluster.nodegroups.values()].map((ng) => ng.arn),
              ]
            : [cluster.arn, cluster.connector.activationId],
        ),
      );
    expect(describe(demo().world)).toBe(describe(demo().world));
  });

  it('finishes the seeded upgrade and creation after their simulated durations', () => {
    const { world, clock } = demo();
    const prod = world.region('123456789012', 'us-east-1');
    clock.advance(15 * 60_000);
    world.tick();
    expect(prod.clusters.get('search-prod')).toMatchObject({ status: 'ACTIVE', version: '1.35' });
    expect(prod.clusters.get('analytics-next')!.status).toBe('CREATING');
    clock.advance(30 * 60_000);
    world.tick();
    expect(prod.clusters.get('analytics-next')!.status).toBe('ACTIVE');
  });
});

describe('a generated world', () => {
  it('has N accounts x regions x clusters, all ACTIVE', () => {
    const spec = { accounts: 3, regions: ['us-east-1', 'eu-west-1'], clustersPerRegion: 40 };
    const world = new World(generatedAccounts(spec), spec.regions, manualClock(TODAY));
    seedGeneratedWorld(world, spec);
    const clusters = allClusters(world);
    expect(clusters).toHaveLength(3 * 2 * 40);
    expect(clusters.every((cluster) => cluster.status === 'ACTIVE')).toBe(true);
    expect(new Set(world.accounts.map((account) => account.accessKeyId)).size).toBe(3);
  });
});
