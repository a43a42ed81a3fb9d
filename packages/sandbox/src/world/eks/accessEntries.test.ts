import { describe, expect, it } from 'vitest';
import { TEST_ROLE, TEST_CLUSTER_SUBNETS, testWorld } from '../../testing/testWorld.ts';
import { manualClock } from '../clock.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from '../seed/demoWorld.ts';
import { CLUSTER_WITHOUT_CONSOLE_ACCESS } from '../seed/accessEntrySeed.ts';
import { World } from '../world.ts';
import {
  accessEntryPrincipalOf,
  associateAccessPolicy,
  bootstrapCreatorAccess,
  createAccessEntry,
  listAccessEntryArns,
} from './accessEntries.ts';
import { CLUSTER_ADMIN_POLICY_ARN, VIEW_POLICY_ARN } from './accessPolicies.ts';
import { createCluster } from './clusters.ts';
import type { EksClusterRecord } from './types.ts';

const NOW = new Date('2026-11-26T12:00:00Z');

function apiCluster(mode: 'API' | 'CONFIG_MAP' = 'API'): EksClusterRecord {
  const { world } = testWorld();
  return createCluster(world, world.region('111122223333', 'us-east-1'), {
    name: 'alpha',
    roleArn: TEST_ROLE,
    resourcesVpcConfig: { subnetIds: TEST_CLUSTER_SUBNETS },
    accessConfig: { authenticationMode: mode },
  });
}

describe('access entries', () => {
  it('names users by their ARN and roles by a session template, as EKS does', () => {
    const cluster = apiCluster();
    const user = createAccessEntry(
      cluster,
      { principalArn: 'arn:aws:iam::111122223333:user/ana' },
      NOW,
    );
    const role = createAccessEntry(
      cluster,
      { principalArn: 'arn:aws:iam::444455556666:role/team/readers' },
      NOW,
    );
    expect(user).toMatchObject({
      username: 'arn:aws:iam::111122223333:user/ana',
      type: 'STANDARD',
    });
    expect(role.username).toBe('arn:aws:sts::444455556666:assumed-role/readers/{{SessionName}}');
    expect(role.arn).toMatch(
      /^arn:aws:eks:us-east-1:111122223333:access-entry\/alpha\/role\/444455556666\/readers\/[0-9a-f-]{36}$/,
    );
  });

  it('refuses session ARNs, system: groups, duplicates and CONFIG_MAP clusters', () => {
    const cluster = apiCluster();
    const principalArn = 'arn:aws:iam::111122223333:role/x';
    expect(() =>
      createAccessEntry(
        cluster,
        { principalArn: 'arn:aws:sts::111122223333:assumed-role/x/s' },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
    expect(() =>
      createAccessEntry(cluster, { principalArn, kubernetesGroups: ['system:masters'] }, NOW),
    ).toThrow(/system:/);
    createAccessEntry(cluster, { principalArn }, NOW);
    expect(() => createAccessEntry(cluster, { principalArn }, NOW)).toThrow(
      expect.objectContaining({ code: 'ResourceInUseException' }),
    );
    expect(() => listAccessEntryArns(apiCluster('CONFIG_MAP'), {})).toThrow(
      expect.objectContaining({ code: 'InvalidRequestException' }),
    );
  });

  it('filters entries by associated policy', () => {
    const cluster = apiCluster();
    for (const name of ['a', 'b']) {
      createAccessEntry(cluster, { principalArn: `arn:aws:iam::111122223333:role/${name}` }, NOW);
    }
    associateAccessPolicy(
      cluster,
      'arn:aws:iam::111122223333:role/b',
      VIEW_POLICY_ARN,
      { type: 'namespace', namespaces: ['web'] },
      NOW,
    );
    expect(listAccessEntryArns(cluster, { associatedPolicyArn: VIEW_POLICY_ARN }).items).toEqual([
      'arn:aws:iam::111122223333:role/b',
    ]);
  });

  it('gives the cluster creator (a session counts as its role) cluster admin, except under CONFIG_MAP', () => {
    const cluster = apiCluster();
    const creator = accessEntryPrincipalOf('arn:aws:sts::111122223333:assumed-role/Deployer/ci');
    expect(creator).toBe('arn:aws:iam::111122223333:role/Deployer');
    bootstrapCreatorAccess(cluster, creator, NOW);
    expect([...cluster.accessEntries.get(creator)!.policies.keys()]).toEqual([
      CLUSTER_ADMIN_POLICY_ARN,
    ]);
    const legacy = apiCluster('CONFIG_MAP');
    bootstrapCreatorAccess(legacy, creator, NOW);
    expect(legacy.accessEntries.size).toBe(0);
  });
});

describe('the demo access entries', () => {
  it('let the console view every API-mode cluster but the one without console access', () => {
    const world = new World(demoAccounts(), DEMO_REGIONS, manualClock(NOW));
    seedDemoWorld(world);
    const home = 'arn:aws:iam::123456789012:user/wheelhouse-sandbox';
    const devReader = 'arn:aws:iam::210987654321:role/WheelhouseReadOnly';
    const clusters = world
      .regionStates()
      .flatMap((state) => [...state.clusters.values()])
      .filter((cluster): cluster is EksClusterRecord => cluster.kind === 'eks');
    const withoutConsole = clusters.filter(
      (cluster) =>
        cluster.accessConfig.authenticationMode !== 'CONFIG_MAP' &&
        !cluster.accessEntries.has(home),
    );
    expect(withoutConsole.map((cluster) => cluster.name)).toEqual([CLUSTER_WITHOUT_CONSOLE_ACCESS]);
    const checkout = clusters.find((cluster) => cluster.name === 'checkout-prod')!;
    expect(
      checkout.accessEntries.get(devReader)?.policies.get(VIEW_POLICY_ARN)?.accessScope,
    ).toEqual({ type: 'cluster', namespaces: [] });
  });
});
