import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  ListAccessEntriesCommand,
  ListAssociatedAccessPoliciesCommand,
  UpdateClusterConfigCommand,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { startSandbox, type Sandbox } from '../index.ts';
import { accountKeys, eksClient } from '../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../testing/kubeClients.ts';

/** What EKS grants without being asked: the creator is cluster admin; node and Fargate roles get their entries. */

let sandbox: Sandbox;
let eks: EKSClient;
const ACCOUNT = '123456789012';
const CLUSTER_ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 200 });
  eks = eksClient(sandbox, accountKeys(sandbox));
});
afterAll(() => sandbox.close());

const privateSubnets = () =>
  sandbox.world
    .region(ACCOUNT, 'us-east-1')
    .network.subnets.filter((subnet) => !subnet.public)
    .map((subnet) => subnet.id);

async function createActiveCluster(name: string, accessConfig?: { authenticationMode: 'API' }) {
  await eks.send(
    new CreateClusterCommand({
      name,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/AmazonEKSClusterRole`,
      resourcesVpcConfig: { subnetIds: privateSubnets() },
      ...(accessConfig ? { accessConfig } : {}),
    }),
  );
  await sandbox.waitFor(
    async () =>
      (await eks.send(new DescribeClusterCommand({ name }))).cluster?.status === 'ACTIVE' ||
      undefined,
    { description: `${name} ACTIVE`, timeoutMs: 20_000 },
  );
}

/** Creates a namespace on the cluster as the home account's IAM user (the creator). */
async function createNamespace(cluster: string, namespace: string) {
  const keys = accountKeys(sandbox);
  const { endpoint, ca } = await clusterAccess(sandbox, keys, cluster);
  const token = await eksBearerToken(keys, { clusterName: cluster });
  return kubeRequest(endpoint, ca, token, '/api/v1/namespaces', {
    method: 'POST',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
  });
}

describe('the cluster creator and automatic access entries', () => {
  it('makes the creator of a default (CONFIG_MAP) cluster admin, and gives it an entry when the mode moves to API_AND_CONFIG_MAP', async () => {
    await createActiveCluster('creator-default');
    expect((await createNamespace('creator-default', 'x')).status).toBe(201);

    const update = await eks.send(
      new UpdateClusterConfigCommand({
        name: 'creator-default',
        accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
      }),
    );
    expect(update.update?.status).toBe('InProgress');
    await sandbox.waitFor(
      async () =>
        (await eks.send(new DescribeClusterCommand({ name: 'creator-default' }))).cluster
          ?.accessConfig?.authenticationMode === 'API_AND_CONFIG_MAP' || undefined,
      { description: 'API_AND_CONFIG_MAP', timeoutMs: 20_000 },
    );
    const creator = sandbox.accounts[0]!;
    const userArn = `arn:aws:iam::${ACCOUNT}:user/wheelhouse-sandbox`;
    expect(creator.id).toBe(ACCOUNT);
    const policies = await eks.send(
      new ListAssociatedAccessPoliciesCommand({
        clusterName: 'creator-default',
        principalArn: userArn,
      }),
    );
    expect(policies.associatedAccessPolicies?.map((policy) => policy.policyArn)).toEqual([
      CLUSTER_ADMIN,
    ]);
    expect((await createNamespace('creator-default', 'y')).status).toBe(201);
  });

  it('gives a new API-mode cluster EC2_LINUX and FARGATE_LINUX entries for its node and pod execution roles', async () => {
    await createActiveCluster('creator-api', { authenticationMode: 'API' });
    expect((await createNamespace('creator-api', 'x')).status).toBe(201);
    const nodeRole = `arn:aws:iam::${ACCOUNT}:role/creator-api-nodes`;
    const podRole = `arn:aws:iam::${ACCOUNT}:role/creator-api-fargate`;
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: 'creator-api',
        nodegroupName: 'general',
        nodeRole,
        subnets: privateSubnets(),
        scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 2 },
      }),
    );
    await eks.send(
      new CreateFargateProfileCommand({
        clusterName: 'creator-api',
        fargateProfileName: 'fp-default',
        podExecutionRoleArn: podRole,
        selectors: [{ namespace: 'default' }],
      }),
    );
    const entries = await eks.send(new ListAccessEntriesCommand({ clusterName: 'creator-api' }));
    expect(new Set(entries.accessEntries)).toEqual(
      new Set([`arn:aws:iam::${ACCOUNT}:user/wheelhouse-sandbox`, nodeRole, podRole]),
    );
    const node = await eks.send(
      new DescribeAccessEntryCommand({ clusterName: 'creator-api', principalArn: nodeRole }),
    );
    expect(node.accessEntry).toMatchObject({
      type: 'EC2_LINUX',
      username: 'system:node:{{EC2PrivateDNSName}}',
      kubernetesGroups: ['system:nodes'],
    });
    const fargate = await eks.send(
      new DescribeAccessEntryCommand({ clusterName: 'creator-api', principalArn: podRole }),
    );
    expect(fargate.accessEntry).toMatchObject({
      type: 'FARGATE_LINUX',
      username: 'system:node:{{SessionName}}',
    });
  });
});
