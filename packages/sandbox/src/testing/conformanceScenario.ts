import * as eksSdk from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Sandbox } from '../sandbox.ts';
import { accountKeys, eksClient, stsClient } from './awsClients.ts';

/**
 * The conformance test's scenario: every EKS operation the sandbox serves, on
 * success and error paths, plus STS, IAM denial, throttling and a bad signature.
 */

/** Runs a call and ignores its failure: the answer is what we record. */
const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

export async function driveEveryOperation(sandbox: Sandbox): Promise<void> {
  const keys = accountKeys(sandbox);
  const eks = eksClient(sandbox, keys);
  const west = eksClient(sandbox, keys, 'eu-west-1');
  const sdk = eksSdk;
  const subnets = sandbox.world
    .region(sandbox.accounts[0]!.id, 'us-east-1')
    .network.subnets.map((subnet) => subnet.id);
  const role = 'arn:aws:iam::123456789012:role/AmazonEKSClusterRole';

  // Reads, across states and kinds.
  await eks.send(new sdk.ListClustersCommand({}));
  const page = await eks.send(new sdk.ListClustersCommand({ include: ['all'], maxResults: 2 }));
  await eks.send(new sdk.ListClustersCommand({ include: ['all'], nextToken: page.nextToken! }));
  await attempt(eks.send(new sdk.ListClustersCommand({ maxResults: 0 })));
  for (const name of ['checkout-prod', 'analytics-next', 'search-prod', 'gke-analytics', 'ghost']) {
    await attempt(eks.send(new sdk.DescribeClusterCommand({ name })));
  }
  await west.send(new sdk.DescribeClusterCommand({ name: 'data-pipeline-eu' }));
  await eks.send(new sdk.ListNodegroupsCommand({ clusterName: 'checkout-prod', maxResults: 1 }));
  await attempt(eks.send(new sdk.ListNodegroupsCommand({ clusterName: 'gke-analytics' })));
  await eks.send(
    new sdk.DescribeNodegroupCommand({ clusterName: 'checkout-prod', nodegroupName: 'spot-burst' }),
  );
  await eks.send(
    new sdk.DescribeNodegroupCommand({ clusterName: 'legacy-billing', nodegroupName: 'legacy-ng' }),
  );
  await attempt(
    eks.send(
      new sdk.DescribeNodegroupCommand({ clusterName: 'checkout-prod', nodegroupName: 'x' }),
    ),
  );
  await eks.send(new sdk.ListFargateProfilesCommand({ clusterName: 'platform-tools' }));
  await eks.send(
    new sdk.DescribeFargateProfileCommand({
      clusterName: 'platform-tools',
      fargateProfileName: 'fp-default',
    }),
  );
  await attempt(
    eks.send(
      new sdk.DescribeFargateProfileCommand({
        clusterName: 'platform-tools',
        fargateProfileName: 'x',
      }),
    ),
  );
  await eks.send(new sdk.ListUpdatesCommand({ name: 'checkout-prod' }));
  await eks.send(
    new sdk.ListUpdatesCommand({ name: 'checkout-prod', nodegroupName: 'general-od' }),
  );
  const history = await eks.send(new sdk.ListUpdatesCommand({ name: 'search-prod' }));
  await eks.send(
    new sdk.DescribeUpdateCommand({ name: 'search-prod', updateId: history.updateIds![0]! }),
  );
  await attempt(
    eks.send(
      new sdk.DescribeUpdateCommand({
        name: 'checkout-prod',
        updateId: 'nope',
        nodegroupName: 'general-od',
      }),
    ),
  );
  await eks.send(new sdk.DescribeClusterVersionsCommand({}));
  await eks.send(new sdk.DescribeClusterVersionsCommand({ includeAll: true, maxResults: 3 }));
  await attempt(
    eks.send(new sdk.DescribeClusterVersionsCommand({ versionStatus: 'NOPE' as 'UNSUPPORTED' })),
  );

  // Changes, with their error paths.
  const created = await eks.send(
    new sdk.CreateClusterCommand({
      name: 'conformance',
      version: '1.35',
      roleArn: role,
      resourcesVpcConfig: { subnetIds: subnets.slice(0, 3) },
      logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
      encryptionConfig: [
        {
          resources: ['secrets'],
          provider: { keyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc' },
        },
      ],
      tags: { team: 'qa' },
    }),
  );
  await attempt(
    eks.send(
      new sdk.CreateClusterCommand({
        name: 'conformance',
        roleArn: role,
        resourcesVpcConfig: { subnetIds: subnets },
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.CreateClusterCommand({
        name: 'old',
        version: '1.28',
        roleArn: role,
        resourcesVpcConfig: { subnetIds: subnets },
      }),
    ),
  );
  await attempt(
    eks.send(new sdk.UpdateClusterVersionCommand({ name: 'conformance', version: '1.37' })),
  );
  await sandbox.waitFor(
    () =>
      sandbox.world.region('123456789012', 'us-east-1').clusters.get('conformance')?.status ===
      'ACTIVE',
  );
  const arn = created.cluster!.arn!;
  await eks.send(new sdk.TagResourceCommand({ resourceArn: arn, tags: { owner: 'me' } }));
  await eks.send(new sdk.ListTagsForResourceCommand({ resourceArn: arn }));
  await eks.send(new sdk.UntagResourceCommand({ resourceArn: arn, tagKeys: ['owner'] }));
  await attempt(
    eks.send(new sdk.TagResourceCommand({ resourceArn: `${arn}-ghost`, tags: { a: 'b' } })),
  );
  await attempt(eks.send(new sdk.ListTagsForResourceCommand({ resourceArn: 'arn:nope' })));

  const waitActive = () =>
    sandbox.waitFor(
      () =>
        sandbox.world.region('123456789012', 'us-east-1').clusters.get('conformance')?.status ===
        'ACTIVE',
    );
  const configs: eksSdk.UpdateClusterConfigCommandInput[] = [
    {
      name: 'conformance',
      logging: { clusterLogging: [{ types: ['audit', 'scheduler'], enabled: true }] },
    },
    {
      name: 'conformance',
      resourcesVpcConfig: { endpointPrivateAccess: true, publicAccessCidrs: ['198.51.100.0/24'] },
    },
    { name: 'conformance', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } },
    { name: 'conformance', upgradePolicy: { supportType: 'STANDARD' } },
    { name: 'conformance', deletionProtection: true },
  ];
  for (const config of configs) {
    const { update } = await eks.send(new sdk.UpdateClusterConfigCommand(config));
    await eks.send(new sdk.DescribeUpdateCommand({ name: 'conformance', updateId: update!.id! }));
    await waitActive();
  }
  await attempt(eks.send(new sdk.DeleteClusterCommand({ name: 'conformance' })));
  await eks.send(
    new sdk.UpdateClusterConfigCommand({ name: 'conformance', deletionProtection: false }),
  );
  await attempt(
    eks.send(
      new sdk.UpdateClusterConfigCommand({
        name: 'conformance',
        logging: { clusterLogging: [] },
        deletionProtection: true,
      }),
    ),
  );
  await waitActive();
  const version = await eks.send(
    new sdk.UpdateClusterVersionCommand({
      name: 'conformance',
      version: '1.36',
      clientRequestToken: 'conf-1',
    }),
  );
  await eks.send(
    new sdk.UpdateClusterVersionCommand({
      name: 'conformance',
      version: '1.36',
      clientRequestToken: 'conf-1',
    }),
  );
  await eks.send(
    new sdk.DescribeUpdateCommand({ name: 'conformance', updateId: version.update!.id! }),
  );
  await attempt(eks.send(new sdk.DeleteClusterCommand({ name: 'conformance' })));
  await waitActive();
  await eks.send(new sdk.DeleteClusterCommand({ name: 'conformance' }));
  await attempt(eks.send(new sdk.DeleteClusterCommand({ name: 'checkout-prod' })));
  await attempt(eks.send(new sdk.DeleteClusterCommand({ name: 'gke-analytics' })));

  // Node groups and Fargate profiles on a seeded cluster.
  const apac = eksClient(sandbox, keys, 'ap-southeast-2');
  const apacSubnets = sandbox.world
    .region(sandbox.accounts[0]!.id, 'ap-southeast-2')
    .network.subnets.filter((subnet) => !subnet.public)
    .map((subnet) => subnet.id);
  const ng = { clusterName: 'edge-apac', nodegroupName: 'conformance-ng' };
  const edge = () =>
    sandbox.world.region('123456789012', 'ap-southeast-2').clusters.get('edge-apac');
  const ngStatus = () => {
    const cluster = edge();
    return cluster?.kind === 'eks' ? cluster.nodegroups.get('conformance-ng')?.status : undefined;
  };
  await apac.send(
    new sdk.CreateNodegroupCommand({
      ...ng,
      subnets: apacSubnets,
      nodeRole: 'arn:aws:iam::123456789012:role/AmazonEKSNodeRole',
      capacityType: 'SPOT',
      instanceTypes: ['m6i.large', 'm5.large'],
      taints: [{ key: 'spot', value: 'true', effect: 'NO_SCHEDULE' }],
      labels: { lifecycle: 'spot' },
      tags: { team: 'qa' },
      // An older published AMI release, so that UpdateNodegroupVersion has a newer one to move to.
      releaseVersion: '1.35.1-20260915',
    }),
  );
  await attempt(
    apac.send(new sdk.CreateNodegroupCommand({ ...ng, subnets: apacSubnets, nodeRole: role })),
  );
  await attempt(
    apac.send(
      new sdk.CreateNodegroupCommand({
        ...ng,
        nodegroupName: 'bad',
        subnets: apacSubnets,
        nodeRole: role,
        scalingConfig: { minSize: 3, desiredSize: 1, maxSize: 2 },
      }),
    ),
  );
  await sandbox.waitFor(() => ngStatus() === 'ACTIVE');
  const scale = await apac.send(
    new sdk.UpdateNodegroupConfigCommand({
      ...ng,
      scalingConfig: { desiredSize: 2 },
      labels: { addOrUpdateLabels: { tier: 'x' } },
      updateConfig: { maxUnavailablePercentage: 50 },
    }),
  );
  await attempt(
    apac.send(new sdk.UpdateNodegroupConfigCommand({ ...ng, scalingConfig: { desiredSize: 1 } })),
  );
  await apac.send(
    new sdk.DescribeUpdateCommand({
      name: 'edge-apac',
      nodegroupName: 'conformance-ng',
      updateId: scale.update!.id!,
    }),
  );
  await sandbox.waitFor(() => ngStatus() === 'ACTIVE');
  await apac.send(new sdk.DescribeNodegroupCommand(ng));
  await attempt(apac.send(new sdk.UpdateNodegroupVersionCommand({ ...ng, version: '1.36' })));
  await apac.send(
    new sdk.UpdateNodegroupVersionCommand({ ...ng, releaseVersion: '1.35.1-20261118' }),
  );
  await sandbox.waitFor(() => ngStatus() === 'ACTIVE');
  await apac.send(new sdk.DeleteNodegroupCommand(ng));
  await attempt(apac.send(new sdk.DeleteNodegroupCommand({ ...ng, nodegroupName: 'ghost' })));
  const fp = { clusterName: 'edge-apac', fargateProfileName: 'conformance-fp' };
  await apac.send(
    new sdk.CreateFargateProfileCommand({
      ...fp,
      podExecutionRoleArn: 'arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole',
      selectors: [{ namespace: 'jobs' }],
    }),
  );
  await attempt(
    apac.send(
      new sdk.CreateFargateProfileCommand({
        ...fp,
        fargateProfileName: 'second',
        podExecutionRoleArn: role,
        selectors: [{ namespace: 'x' }],
      }),
    ),
  );
  await apac.send(new sdk.DeleteFargateProfileCommand(fp));
  await attempt(
    apac.send(new sdk.DeleteFargateProfileCommand({ ...fp, fargateProfileName: 'ghost' })),
  );

  await eks.send(
    new sdk.RegisterClusterCommand({
      name: 'conformance-connected',
      connectorConfig: { provider: 'TANZU', roleArn: 'arn:aws:iam::123456789012:role/Connector' },
      tags: { team: 'qa' },
    }),
  );
  await attempt(
    eks.send(
      new sdk.RegisterClusterCommand({
        name: 'conformance-connected',
        connectorConfig: { provider: 'GKE', roleArn: role },
      }),
    ),
  );
  await eks.send(new sdk.DescribeClusterCommand({ name: 'conformance-connected' }));
  await eks.send(new sdk.DeregisterClusterCommand({ name: 'conformance-connected' }));
  await attempt(eks.send(new sdk.DeregisterClusterCommand({ name: 'checkout-prod' })));

  // IAM denial, throttling and STS.
  const sts = stsClient(sandbox, keys);
  await sts.send(new GetCallerIdentityCommand({}));
  const readOnly = await sts.send(
    new AssumeRoleCommand({
      RoleArn: sandbox.accounts[0]!.readOnlyRoleArn,
      RoleSessionName: 'conformance',
      SourceIdentity: 'conf',
    }),
  );
  await attempt(
    sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/Nope',
        RoleSessionName: 'c1',
      }),
    ),
  );
  await attempt(
    sts.send(
      new AssumeRoleCommand({
        RoleArn: sandbox.accounts[0]!.readOnlyRoleArn,
        RoleSessionName: 'c',
      }),
    ),
  );
  const denied = eksClient(sandbox, {
    accessKeyId: readOnly.Credentials!.AccessKeyId!,
    secretAccessKey: readOnly.Credentials!.SecretAccessKey!,
    sessionToken: readOnly.Credentials!.SessionToken!,
  });
  await attempt(denied.send(new sdk.DeleteClusterCommand({ name: 'checkout-prod' })));
  sandbox.faults.set([{ throttleRate: 1, times: 2 }]);
  await attempt(eks.send(new sdk.ListClustersCommand({})));
  sandbox.faults.set([{ service: 'sts', throttleRate: 1, times: 1 }]);
  await attempt(sts.send(new GetCallerIdentityCommand({})));
  sandbox.faults.clear();
  await attempt(
    eksClient(sandbox, { ...keys, secretAccessKey: 'x'.repeat(40) }).send(
      new sdk.ListClustersCommand({}),
    ),
  );
}
