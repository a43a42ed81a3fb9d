import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  DeleteFargateProfileCommand,
  DeleteNodegroupCommand,
  DeleteClusterCommand,
  DeregisterClusterCommand,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  ListClustersCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
  ListTagsForResourceCommand,
  ListUpdatesCommand,
  RegisterClusterCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateClusterConfigCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupConfigCommand,
  paginateListClusters,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { X509Certificate } from 'node:crypto';
import { startSandbox, type Sandbox } from './index.ts';
import { accountKeys, eksClient } from './testing/awsClients.ts';

let sandbox: Sandbox;
let eks: EKSClient;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 50 });
  eks = eksClient(sandbox, accountKeys(sandbox));
});
afterAll(() => sandbox.close());

const subnets = () => {
  const network = sandbox.world.region(sandbox.accounts[0]!.id, 'us-east-1').network;
  return network.subnets.filter((subnet) => !subnet.public).map((subnet) => subnet.id);
};

async function statusOf(name: string): Promise<string | undefined> {
  try {
    return (await eks.send(new DescribeClusterCommand({ name }))).cluster?.status;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return 'GONE';
    throw error;
  }
}

describe('EKS through the AWS SDK v3', () => {
  it('lists and describes the seeded clusters of the signing account and region', async () => {
    const { clusters } = await eks.send(new ListClustersCommand({}));
    expect(clusters).toEqual([
      'analytics-next',
      'checkout-prod',
      'legacy-billing',
      'platform-tools',
      'search-prod',
    ]);
    const { clusters: all } = await eks.send(new ListClustersCommand({ include: ['all'] }));
    expect(all).toContain('gke-analytics');

    const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'checkout-prod' }));
    expect(cluster).toMatchObject({
      name: 'checkout-prod',
      arn: 'arn:aws:eks:us-east-1:123456789012:cluster/checkout-prod',
      status: 'ACTIVE',
      version: '1.34',
      resourcesVpcConfig: { endpointPublicAccess: true, endpointPrivateAccess: true },
      tags: { team: 'payments', env: 'prod', 'cost-center': 'cc-1042' },
    });
    expect(cluster!.createdAt).toEqual(new Date('2024-03-12T14:05:00Z'));
    // The cluster's own Kubernetes API server, on a loopback port of the sandbox.
    expect(cluster!.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(cluster!.identity?.oidc?.issuer).toMatch(
      /^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\//,
    );
    const pem = Buffer.from(cluster!.certificateAuthority!.data!, 'base64').toString();
    const ca = new X509Certificate(pem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe('CN=kubernetes');
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    // The same CA on every describe.
    const again = await eks.send(new DescribeClusterCommand({ name: 'checkout-prod' }));
    expect(again.cluster!.certificateAuthority!.data).toBe(cluster!.certificateAuthority!.data);

    const other = eksClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    expect((await other.send(new ListClustersCommand({}))).clusters).toEqual([
      'checkout-eu',
      'data-pipeline-eu',
      'ml-training',
    ]);
    const failed = await other.send(new DescribeClusterCommand({ name: 'data-pipeline-eu' }));
    expect(failed.cluster!.health!.issues![0]!.code).toBe('Ec2SubnetNotFound');
    expect(failed.cluster!.endpoint).toBeUndefined();
  });

  it('answers a missing cluster with ResourceNotFoundException and its clusterName', async () => {
    const error = await eks
      .send(new DescribeClusterCommand({ name: 'nope' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({
      message: 'No cluster found for name: nope.',
      clusterName: 'nope',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('creates a cluster that turns ACTIVE, is idempotent on its clientRequestToken, and deletes it', async () => {
    const request = {
      name: 'sdk-created',
      version: '1.35',
      roleArn: 'arn:aws:iam::123456789012:role/AmazonEKSClusterRole',
      resourcesVpcConfig: { subnetIds: subnets(), endpointPrivateAccess: true },
      tags: { team: 'qa' },
      clientRequestToken: 'create-sdk-created-1',
    };
    const created = await eks.send(new CreateClusterCommand(request));
    expect(created.cluster).toMatchObject({
      status: 'CREATING',
      version: '1.35',
      clientRequestToken: 'create-sdk-created-1',
    });
    const retried = await eks.send(new CreateClusterCommand(request));
    expect(retried.cluster!.arn).toBe(created.cluster!.arn);
    await expect(
      eks.send(new CreateClusterCommand({ ...request, clientRequestToken: 'another' })),
    ).rejects.toBeInstanceOf(ResourceInUseException);
    await sandbox.waitFor(async () => (await statusOf('sdk-created')) === 'ACTIVE', {
      description: 'ACTIVE',
    });

    const deleted = await eks.send(new DeleteClusterCommand({ name: 'sdk-created' }));
    expect(deleted.cluster!.status).toBe('DELETING');
    await sandbox.waitFor(async () => (await statusOf('sdk-created')) === 'GONE', {
      description: 'deleted',
    });
  });

  it('runs config and version updates through InProgress → Successful', async () => {
    const west = eksClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    const { update } = await west.send(
      new UpdateClusterConfigCommand({
        name: 'checkout-eu',
        logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] },
      }),
    );
    expect(update).toMatchObject({ type: 'LoggingUpdate', status: 'InProgress' });
    const { updateIds } = await west.send(new ListUpdatesCommand({ name: 'checkout-eu' }));
    expect(updateIds![0]).toBe(update!.id);
    await sandbox.waitFor(async () => {
      const { update: current } = await west.send(
        new DescribeUpdateCommand({ name: 'checkout-eu', updateId: update!.id }),
      );
      return current!.status === 'Successful';
    });
    const { cluster } = await west.send(new DescribeClusterCommand({ name: 'checkout-eu' }));
    expect(cluster!.logging!.clusterLogging![0]).toEqual({
      types: ['api', 'audit'],
      enabled: true,
    });

    const version = await west.send(
      new UpdateClusterVersionCommand({ name: 'checkout-eu', version: '1.35' }),
    );
    expect(version.update!.params).toContainEqual({ type: 'Version', value: '1.35' });
    await expect(
      west.send(new UpdateClusterVersionCommand({ name: 'checkout-eu', version: '1.36' })),
    ).rejects.toMatchObject({
      name: 'ResourceInUseException',
    });
    await sandbox.waitFor(
      async () =>
        (await west.send(new DescribeClusterCommand({ name: 'checkout-eu' }))).cluster!.version ===
        '1.35',
    );
  });

  it('lets a cluster past extended support step to the next minor, even one past its own end', async () => {
    const now = sandbox.world.now();
    const { clusterVersions } = await eks.send(
      new DescribeClusterVersionsCommand({ includeAll: true }),
    );
    const statusOf = (version: string) =>
      clusterVersions!.find((entry) => entry.clusterVersion === version)?.versionStatus;
    // legacy-billing is seeded on 1.30, whose extended support ended 2026-07-23.
    expect(now >= new Date('2026-07-23T00:00:00Z')).toBe(true);
    expect(statusOf('1.30')).toBe('UNSUPPORTED');
    await expect(
      eks.send(new UpdateClusterVersionCommand({ name: 'legacy-billing', version: '1.32' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const { update } = await eks.send(
      new UpdateClusterVersionCommand({ name: 'legacy-billing', version: '1.31' }),
    );
    expect(update!.params).toContainEqual({ type: 'Version', value: '1.31' });
    await sandbox.waitFor(
      async () =>
        (await eks.send(new DescribeClusterCommand({ name: 'legacy-billing' }))).cluster!
          .version === '1.31',
    );
  });

  it('refuses deleting a cluster with node groups', async () => {
    await expect(
      eks.send(new DeleteClusterCommand({ name: 'checkout-prod' })),
    ).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Cluster has nodegroups attached',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('lists and describes node groups, their updates, and Fargate profiles', async () => {
    const { nodegroups } = await eks.send(
      new ListNodegroupsCommand({ clusterName: 'checkout-prod' }),
    );
    expect(nodegroups).toEqual(['arm-workers', 'general-od', 'spot-burst']);
    const { nodegroup } = await eks.send(
      new DescribeNodegroupCommand({ clusterName: 'checkout-prod', nodegroupName: 'spot-burst' }),
    );
    expect(nodegroup).toMatchObject({
      capacityType: 'SPOT',
      scalingConfig: { minSize: 0, desiredSize: 2, maxSize: 20 },
      taints: [{ key: 'lifecycle', value: 'spot', effect: 'PREFER_NO_SCHEDULE' }],
    });
    expect(nodegroup!.resources!.autoScalingGroups![0]!.name).toMatch(/^eks-spot-burst-/);
    const updates = await eks.send(
      new ListUpdatesCommand({ name: 'checkout-prod', nodegroupName: 'spot-burst' }),
    );
    expect(updates.updateIds).toEqual([]);
    await expect(
      eks.send(
        new DescribeNodegroupCommand({ clusterName: 'checkout-prod', nodegroupName: 'nope' }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', nodegroupName: 'nope' });

    const { fargateProfileNames } = await eks.send(
      new ListFargateProfilesCommand({ clusterName: 'platform-tools' }),
    );
    expect(fargateProfileNames).toEqual(['fp-batch', 'fp-batch-any', 'fp-default']);
    const { fargateProfile } = await eks.send(
      new DescribeFargateProfileCommand({
        clusterName: 'platform-tools',
        fargateProfileName: 'fp-batch',
      }),
    );
    expect(fargateProfile!.selectors).toEqual([{ namespace: 'batch', labels: { tier: 'batch' } }]);
  });

  it('tags and untags clusters and node groups by ARN', async () => {
    const { nodegroup } = await eks.send(
      new DescribeNodegroupCommand({ clusterName: 'platform-tools', nodegroupName: 'system' }),
    );
    for (const arn of [
      'arn:aws:eks:us-east-1:123456789012:cluster/platform-tools',
      nodegroup!.nodegroupArn!,
    ]) {
      await eks.send(
        new TagResourceCommand({ resourceArn: arn, tags: { owner: 'sre', 'on call': 'yes' } }),
      );
      await eks.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['env'] }));
      const { tags } = await eks.send(new ListTagsForResourceCommand({ resourceArn: arn }));
      expect(tags).toEqual({
        team: 'platform',
        'cost-center': 'cc-1001',
        owner: 'sre',
        'on call': 'yes',
      });
    }
    await expect(
      eks.send(
        new ListTagsForResourceCommand({
          resourceArn: 'arn:aws:eks:us-east-1:123456789012:cluster/ghost',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(
      eks.send(new ListTagsForResourceCommand({ resourceArn: 'not-an-arn' })),
    ).rejects.toMatchObject({
      name: 'BadRequestException',
    });
  });

  it('registers a connected cluster with an activation and deregisters it', async () => {
    const { cluster } = await eks.send(
      new RegisterClusterCommand({
        name: 'rancher-lab',
        connectorConfig: {
          provider: 'RANCHER',
          roleArn: 'arn:aws:iam::123456789012:role/AmazonEKSConnectorAgentRole',
        },
      }),
    );
    expect(cluster).toMatchObject({ status: 'PENDING', connectorConfig: { provider: 'RANCHER' } });
    expect(cluster!.connectorConfig!.activationCode).toBeTruthy();
    expect(
      cluster!.connectorConfig!.activationExpiry!.getTime() - cluster!.createdAt!.getTime(),
    ).toBe(3 * 86_400_000);
    const described = await eks.send(new DescribeClusterCommand({ name: 'rancher-lab' }));
    expect(described.cluster!.connectorConfig!.activationCode).toBeUndefined();
    await expect(
      eks.send(
        new RegisterClusterCommand({
          name: 'bad-provider',
          connectorConfig: {
            provider: 'NOMAD' as 'OTHER',
            roleArn: 'arn:aws:iam::123456789012:role/x',
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const { cluster: gone } = await eks.send(new DeregisterClusterCommand({ name: 'rancher-lab' }));
    expect(gone!.status).toBe('DELETING');
  });

  it('describes Kubernetes versions with their support status', async () => {
    const { clusterVersions } = await eks.send(new DescribeClusterVersionsCommand({}));
    const byVersion = Object.fromEntries(
      clusterVersions!.map((entry) => [entry.clusterVersion, entry]),
    );
    expect(byVersion['1.36']).toMatchObject({
      versionStatus: 'STANDARD_SUPPORT',
      defaultVersion: true,
    });
    expect(byVersion['1.32']!.versionStatus).toBe('EXTENDED_SUPPORT');
    expect(byVersion['1.29']).toBeUndefined();
    expect(byVersion['1.34']!.releaseDate).toEqual(new Date('2025-10-02T00:00:00Z'));
    const all = await eks.send(
      new DescribeClusterVersionsCommand({ includeAll: true, versionStatus: 'UNSUPPORTED' }),
    );
    expect(all.clusterVersions!.map((entry) => entry.clusterVersion)).toContain('1.29');
  });

  it('rejects an invalid maxResults with InvalidParameterException', async () => {
    await expect(eks.send(new ListClustersCommand({ maxResults: 101 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('node group and Fargate profile changes through the SDK', () => {
  const apac = () => eksClient(sandbox, accountKeys(sandbox), 'ap-southeast-2');
  const privateSubnets = () =>
    sandbox.world
      .region(sandbox.accounts[0]!.id, 'ap-southeast-2')
      .network.subnets.filter((subnet) => !subnet.public)
      .map((subnet) => subnet.id);

  it('creates, scales and deletes a managed node group', async () => {
    const client = apac();
    const ids = { clusterName: 'edge-apac', nodegroupName: 'batch' };
    const { nodegroup } = await client.send(
      new CreateNodegroupCommand({
        ...ids,
        subnets: privateSubnets(),
        nodeRole: 'arn:aws:iam::123456789012:role/AmazonEKSNodeRole',
        scalingConfig: { minSize: 0, desiredSize: 1, maxSize: 3 },
        instanceTypes: ['c6i.large'],
        labels: { workload: 'batch' },
      }),
    );
    expect(nodegroup).toMatchObject({
      status: 'CREATING',
      version: '1.35',
      capacityType: 'ON_DEMAND',
    });
    const statusOf = async () =>
      (await client.send(new DescribeNodegroupCommand(ids)).catch(() => undefined))?.nodegroup
        ?.status ?? 'GONE';
    await sandbox.waitFor(async () => (await statusOf()) === 'ACTIVE');

    const { update } = await client.send(
      new UpdateNodegroupConfigCommand({ ...ids, scalingConfig: { desiredSize: 3 } }),
    );
    expect(update).toMatchObject({
      type: 'ConfigUpdate',
      params: [{ type: 'DesiredSize', value: '3' }],
    });
    await sandbox.waitFor(async () => {
      const { update: current } = await client.send(
        new DescribeUpdateCommand({
          name: 'edge-apac',
          nodegroupName: 'batch',
          updateId: update!.id,
        }),
      );
      return current!.status === 'Successful';
    });
    const scaled = await client.send(new DescribeNodegroupCommand(ids));
    expect(scaled.nodegroup!.scalingConfig).toEqual({ minSize: 0, desiredSize: 3, maxSize: 3 });

    await client.send(new DeleteNodegroupCommand(ids));
    await sandbox.waitFor(async () => (await statusOf()) === 'GONE');
  });

  it('creates and deletes a Fargate profile', async () => {
    const client = apac();
    const ids = { clusterName: 'edge-apac', fargateProfileName: 'fp-jobs' };
    const { fargateProfile } = await client.send(
      new CreateFargateProfileCommand({
        ...ids,
        podExecutionRoleArn: 'arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole',
        selectors: [{ namespace: 'jobs', labels: { runner: 'fargate' } }],
      }),
    );
    expect(fargateProfile!.status).toBe('CREATING');
    expect(fargateProfile!.subnets).toEqual(privateSubnets());
    const statusOf = async () =>
      (await client.send(new DescribeFargateProfileCommand(ids)).catch(() => undefined))
        ?.fargateProfile?.status ?? 'GONE';
    await sandbox.waitFor(async () => (await statusOf()) === 'ACTIVE');
    await client.send(new DeleteFargateProfileCommand(ids));
    await sandbox.waitFor(async () => (await statusOf()) === 'GONE');
  });
});

describe('pagination over a generated world', () => {
  it('pages 250 clusters with the SDK paginator, 100 at a time', async () => {
    const big = await startSandbox({
      world: { accounts: 1, regions: ['us-west-2'], clustersPerRegion: 250 },
    });
    try {
      const client = eksClient(big, accountKeys(big), 'us-west-2');
      const names: string[] = [];
      let pages = 0;
      for await (const page of paginateListClusters({ client }, {})) {
        names.push(...(page.clusters ?? []));
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(new Set(names).size).toBe(250);
      expect(names[0]).toBe('cluster-0001');
    } finally {
      await big.close();
    }
  });
});
