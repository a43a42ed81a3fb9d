import { describe, expect, it } from 'vitest';
import { TEST_ROLE, TEST_CLUSTER_SUBNETS, testWorld } from '../../testing/testWorld.ts';
import type { World } from '../world.ts';
import {
  createCluster,
  deleteCluster,
  listClusterNames,
  type CreateClusterInput,
} from './clusters.ts';
import { updateClusterConfig, updateClusterVersion } from './clusterUpdates.ts';
import { newFargateProfile } from './fargateProfiles.ts';
import { newNodegroup } from './nodegroups.ts';
import { deregisterCluster, registerCluster } from './registrations.ts';

const ACCOUNT = '111122223333';
const input = (overrides: Partial<CreateClusterInput> = {}): CreateClusterInput => ({
  name: 'alpha',
  roleArn: TEST_ROLE,
  resourcesVpcConfig: { subnetIds: TEST_CLUSTER_SUBNETS },
  ...overrides,
});
const eksError = (code: string) => expect.objectContaining({ code });

function activeCluster(
  world: World,
  advance: (ms: number) => void,
  name = 'alpha',
  version?: string,
) {
  const cluster = createCluster(
    world,
    world.region(ACCOUNT, 'us-east-1'),
    input({ name, ...(version ? { version } : {}) }),
  );
  advance(world.timings.clusterCreateMs);
  return cluster;
}

describe('cluster lifecycle', () => {
  it('goes CREATING → ACTIVE after the creation time, and DELETING → gone', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = createCluster(world, state, input());
    expect(cluster).toMatchObject({
      status: 'CREATING',
      version: '1.36',
      arn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/alpha`,
      accessConfig: { authenticationMode: 'CONFIG_MAP' },
    });
    expect(cluster.endpointId).toMatch(/^[0-9A-F]{32}$/);
    advance(59_000);
    expect(cluster.status).toBe('CREATING');
    advance(1_000);
    expect(cluster.status).toBe('ACTIVE');

    deleteCluster(world, state, 'alpha');
    expect(cluster.status).toBe('DELETING');
    advance(world.timings.clusterDeleteMs);
    expect(state.clusters.has('alpha')).toBe(false);
  });

  it('validates names, versions, subnets, endpoint access and CIDRs as EKS does', () => {
    const { world } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const attempts: Array<[Partial<CreateClusterInput>, RegExp]> = [
      [{ name: '-bad' }, /regular expression pattern/],
      [{ version: '1.29' }, /unsupported Kubernetes version 1.29/],
      [{ version: '1.99' }, /unsupported Kubernetes version/],
      [{ roleArn: 'not-an-arn' }, /not a valid IAM role ARN/],
      [
        { resourcesVpcConfig: { subnetIds: [TEST_CLUSTER_SUBNETS[0]!] } },
        /at least two different AZs/,
      ],
      [
        {
          resourcesVpcConfig: { subnetIds: [...TEST_CLUSTER_SUBNETS, 'subnet-0123456789abcdef0'] },
        },
        /^The subnet ID 'subnet-0123456789abcdef0' does not exist \(Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID\.NotFound\)$/,
      ],
      [
        { resourcesVpcConfig: { subnetIds: TEST_CLUSTER_SUBNETS, endpointPublicAccess: false } },
        /public or private endpoint access/,
      ],
      [
        {
          resourcesVpcConfig: {
            subnetIds: TEST_CLUSTER_SUBNETS,
            publicAccessCidrs: ['300.1.1.1/8'],
          },
        },
        /CIDRs are invalid/,
      ],
      [{ kubernetesNetworkConfig: { serviceIpv4Cidr: '8.8.0.0/16' } }, /serviceIpv4Cidr/],
      [{ logging: { clusterLogging: [{ types: ['kernel'], enabled: true }] } }, /Invalid log type/],
      [{ tags: { 'aws:owner': 'x' } }, /reserved/],
    ];
    for (const [overrides, message] of attempts) {
      expect(() => createCluster(world, state, input(overrides)), String(message)).toThrow(message);
    }
    expect(state.clusters.size).toBe(0);
  });

  it('refuses a taken name with ResourceInUseException', () => {
    const { world } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    createCluster(world, state, input());
    expect(() => createCluster(world, state, input())).toThrow(eksError('ResourceInUseException'));
  });

  it('refuses to delete a cluster that still has node groups or Fargate profiles', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = activeCluster(world, advance);
    const common = { uuid: '00000000-0000-4000-8000-000000000000', createdAt: world.now() };
    cluster.nodegroups.set(
      'ng',
      newNodegroup(cluster, {
        ...common,
        name: 'ng',
        scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 2 },
        instanceTypes: ['m6i.large'],
        subnets: TEST_CLUSTER_SUBNETS,
        nodeRole: TEST_ROLE,
      }),
    );
    expect(() => deleteCluster(world, state, 'alpha')).toThrow('Cluster has nodegroups attached');
    cluster.nodegroups.clear();
    cluster.fargateProfiles.set(
      'fp',
      newFargateProfile(cluster, {
        ...common,
        name: 'fp',
        podExecutionRoleArn: TEST_ROLE,
        subnets: TEST_CLUSTER_SUBNETS,
        selectors: [{ namespace: 'default' }],
      }),
    );
    expect(() => deleteCluster(world, state, 'alpha')).toThrow(
      'Cluster has fargate profiles attached',
    );
    expect(cluster.status).toBe('ACTIVE');
  });
});

describe('cluster updates', () => {
  it('runs a logging update UPDATING → ACTIVE, applying the change when it succeeds', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = activeCluster(world, advance);
    const update = updateClusterConfig(world, state, 'alpha', {
      logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] },
    });
    expect(update).toMatchObject({ type: 'LoggingUpdate', status: 'InProgress' });
    expect(cluster.status).toBe('UPDATING');
    expect(cluster.logging.size).toBe(0);
    expect(() => updateClusterConfig(world, state, 'alpha', { deletionProtection: true })).toThrow(
      eksError('ResourceInUseException'),
    );
    advance(world.timings.clusterUpdateMs);
    expect(update.status).toBe('Successful');
    expect(cluster.status).toBe('ACTIVE');
    expect([...cluster.logging]).toEqual(['api', 'audit']);
    expect(() =>
      updateClusterConfig(world, state, 'alpha', {
        logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
      }),
    ).toThrow('No changes needed for the logging config provided');
  });

  it('updates endpoint access and public CIDRs, and refuses two kinds of change at once', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = activeCluster(world, advance);
    expect(() =>
      updateClusterConfig(world, state, 'alpha', {
        logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
        deletionProtection: true,
      }),
    ).toThrow('Only one type of update can be allowed.');
    const update = updateClusterConfig(world, state, 'alpha', {
      resourcesVpcConfig: { endpointPrivateAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
    });
    expect(update.type).toBe('EndpointAccessUpdate');
    expect(update.params).toContainEqual({
      type: 'PublicAccessCidrs',
      value: '["203.0.113.0/24"]',
    });
    advance(world.timings.clusterUpdateMs);
    expect(cluster.vpc).toMatchObject({
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
    });
  });

  it('moves authentication mode forward only', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = activeCluster(world, advance);
    updateClusterConfig(world, state, 'alpha', { accessConfig: { authenticationMode: 'API' } });
    advance(world.timings.clusterUpdateMs);
    expect(cluster.accessConfig.authenticationMode).toBe('API');
    expect(() =>
      updateClusterConfig(world, state, 'alpha', {
        accessConfig: { authenticationMode: 'CONFIG_MAP' },
      }),
    ).toThrow('Unsupported authentication mode update from API to CONFIG_MAP');
  });

  it('upgrades one minor version at a time, only when ACTIVE and node groups match', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    const cluster = activeCluster(world, advance, 'alpha', '1.34');
    for (const version of ['1.34', '1.36', '1.33']) {
      expect(() => updateClusterVersion(world, state, 'alpha', { version })).toThrow(
        `Unsupported Kubernetes minor version update from 1.34 to ${version}`,
      );
    }
    cluster.nodegroups.set(
      'old',
      newNodegroup(cluster, {
        name: 'old',
        uuid: '00000000-0000-4000-8000-000000000001',
        createdAt: world.now(),
        version: '1.33',
        scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 1 },
        instanceTypes: ['m6i.large'],
        subnets: TEST_CLUSTER_SUBNETS,
        nodeRole: TEST_ROLE,
      }),
    );
    expect(() => updateClusterVersion(world, state, 'alpha', { version: '1.35' })).toThrow(
      eksError('InvalidRequestException'),
    );
    cluster.nodegroups.clear();
    const update = updateClusterVersion(world, state, 'alpha', { version: '1.35' });
    expect(() => updateClusterVersion(world, state, 'alpha', { version: '1.35' })).toThrow(
      eksError('ResourceInUseException'),
    );
    expect(() => deleteCluster(world, state, 'alpha')).toThrow(
      /currently has update .* in progress/,
    );
    advance(world.timings.clusterUpdateMs);
    expect(update.status).toBe('Successful');
    expect(cluster).toMatchObject({ version: '1.35', platformVersion: 'eks.6', status: 'ACTIVE' });
  });

  it('refuses updates on a CREATING cluster', () => {
    const { world } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    createCluster(world, state, input({ version: '1.35' }));
    expect(() => updateClusterVersion(world, state, 'alpha', { version: '1.36' })).toThrow(
      /is in CREATING state/,
    );
  });
});

describe('connected clusters', () => {
  it('registers PENDING with a 3-day activation, hides them from ListClusters unless include=all, and fails them on expiry', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    activeCluster(world, advance, 'eks-one');
    const cluster = registerCluster(world, state, {
      name: 'onprem',
      connectorConfig: { provider: 'OPENSHIFT', roleArn: TEST_ROLE },
    });
    expect(cluster.status).toBe('PENDING');
    expect(cluster.connector.activationExpiry.getTime() - cluster.createdAt.getTime()).toBe(
      3 * 86_400_000,
    );
    expect(cluster.connector.activationCode).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(listClusterNames(state, {}).items).toEqual(['eks-one']);
    expect(listClusterNames(state, { include: ['all'] }).items).toEqual(['eks-one', 'onprem']);
    expect(() => listClusterNames(state, { include: ['ALL'] })).toThrow(
      eksError('InvalidParameterException'),
    );

    advance(3 * 86_400_000 - 1_000);
    expect(cluster.status).toBe('PENDING');
    advance(1_000);
    expect(cluster.status).toBe('FAILED');
  });

  it('accepts only EKS Connector providers, and deregisters connected clusters only', () => {
    const { world, advance } = testWorld();
    const state = world.region(ACCOUNT, 'us-east-1');
    expect(() =>
      registerCluster(world, state, {
        name: 'x',
        connectorConfig: { provider: 'NOMAD', roleArn: TEST_ROLE },
      }),
    ).toThrow(
      /enum value set: \[EKS_ANYWHERE, ANTHOS, GKE, AKS, OPENSHIFT, TANZU, RANCHER, EC2, OTHER\]/,
    );
    const eks = activeCluster(world, advance, 'eks-one');
    expect(() => deregisterCluster(world, state, eks.name)).toThrow(
      eksError('ResourceNotFoundException'),
    );
    registerCluster(world, state, {
      name: 'gke',
      connectorConfig: { provider: 'GKE', roleArn: TEST_ROLE },
    });
    expect(() => deleteCluster(world, state, 'gke')).toThrow(/Use DeregisterCluster/);
    deregisterCluster(world, state, 'gke');
    advance(world.timings.deregisterMs);
    expect(state.clusters.has('gke')).toBe(false);
  });
});
