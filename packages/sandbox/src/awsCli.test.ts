import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from './index.ts';
import { allowMissingReference } from './testing/botocoreModel.ts';

/** The real aws CLI (botocore) against the sandbox: it must parse every answer. */

const cliAvailable = !spawnSync('aws', ['--version'], { encoding: 'utf8' }).error;
let sandbox: Sandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  home = mkdtempSync(join(tmpdir(), 'wheelhouse-aws-cli-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), '');
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface CliKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Runs `aws` with the home account's keys in a clean environment (no profile of this machine leaks in). */
function aws(
  args: string[],
  keys: CliKeys = sandbox.accounts[0]!,
  target: Sandbox = sandbox,
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile(
      'aws',
      ['--endpoint-url', target.endpoint, '--output', 'json', ...args],
      { env, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Sends a presigned URL meant for sts.<region>.amazonaws.com to the sandbox, keeping the signed Host. */
function getPresigned(
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const endpoint = new URL(sandbox.endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        path: `${url.pathname}${url.search}`,
        headers: { host: url.host, ...headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the aws CLI against the sandbox', () => {
  it('lists and describes clusters, and tells who is calling', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [list, describeCluster, identity, missing] = await Promise.all([
      aws(['eks', 'list-clusters']),
      aws(['eks', 'describe-cluster', '--name', 'checkout-prod']),
      aws(['sts', 'get-caller-identity']),
      aws(['eks', 'describe-cluster', '--name', 'ghost']),
    ]);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      clusters: [
        'analytics-next',
        'checkout-prod',
        'legacy-billing',
        'platform-tools',
        'search-prod',
      ],
    });
    expect(describeCluster.code, describeCluster.stderr).toBe(0);
    expect(JSON.parse(describeCluster.stdout).cluster).toMatchObject({
      name: 'checkout-prod',
      status: 'ACTIVE',
      version: '1.34',
      tags: { team: 'payments' },
    });
    expect(identity.code, identity.stderr).toBe(0);
    expect(JSON.parse(identity.stdout)).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/wheelhouse-sandbox',
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(
      'An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: ghost.',
    );
  });

  it('assumes a role and mints an EKS token whose presigned URL the sandbox accepts', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [assumed, token] = await Promise.all([
      aws([
        'sts',
        'assume-role',
        '--role-arn',
        sandbox.accounts[1]!.consoleRoleArn,
        '--role-session-name',
        'cli',
      ]),
      // get-token presigns for sts.<region>.amazonaws.com whatever the endpoint: we forward it with that Host.
      aws(['eks', 'get-token', '--cluster-name', 'checkout-prod']),
    ]);
    expect(assumed.code, assumed.stderr).toBe(0);
    const credentials = JSON.parse(assumed.stdout).Credentials;
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
    const asDev = await aws(['eks', 'list-clusters'], {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
    });
    expect(asDev.code, asDev.stderr).toBe(0);
    expect(JSON.parse(asDev.stdout).clusters).toEqual([
      'dev-sandbox',
      'feature-previews',
      'qa-integration',
    ]);

    expect(token.code, token.stderr).toBe(0);
    const value: string = JSON.parse(token.stdout).status.token;
    expect(value.startsWith('k8s-aws-v1.')).toBe(true);
    const url = new URL(Buffer.from(value.slice('k8s-aws-v1.'.length), 'base64url').toString());
    const accepted = await getPresigned(url, { 'x-k8s-aws-id': 'checkout-prod' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('<Account>123456789012</Account>');
    const otherCluster = await getPresigned(url, { 'x-k8s-aws-id': 'search-prod' });
    expect(otherCluster.status).toBe(403);
  });

  it('describes instances, subnets and Auto Scaling groups, and reads their errors', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [instances, groups, subnets, scale, missing] = await Promise.all([
      aws([
        'ec2',
        'describe-instances',
        '--filters',
        'Name=tag:eks:cluster-name,Values=platform-tools',
        'Name=instance-state-name,Values=running',
      ]),
      aws([
        'autoscaling',
        'describe-auto-scaling-groups',
        '--filters',
        'Name=tag-key,Values=kubernetes.io/cluster/checkout-prod',
      ]),
      aws(['ec2', 'describe-subnets']),
      aws([
        'autoscaling',
        'set-desired-capacity',
        '--auto-scaling-group-name',
        'checkout-prod-legacy-workers',
        '--desired-capacity',
        '99',
      ]),
      aws(['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0']),
    ]);
    expect(instances.code, instances.stderr).toBe(0);
    const reservations = JSON.parse(instances.stdout).Reservations as Array<{
      Instances: Array<{ State: { Name: string }; LaunchTime: string; Tags: unknown[] }>;
    }>;
    const listed = reservations.flatMap((reservation) => reservation.Instances);
    expect(listed).toHaveLength(2);
    expect(listed[0]!.State.Name).toBe('running');
    expect(listed[0]!.Tags).toContainEqual({ Key: 'eks:nodegroup-name', Value: 'system' });
    expect(groups.code, groups.stderr).toBe(0);
    const names = (
      JSON.parse(groups.stdout).AutoScalingGroups as Array<{ AutoScalingGroupName: string }>
    ).map((group) => group.AutoScalingGroupName);
    expect(names).toHaveLength(4);
    expect(names).toContain('checkout-prod-legacy-workers');
    expect(subnets.code, subnets.stderr).toBe(0);
    expect(JSON.parse(subnets.stdout).Subnets).toHaveLength(6);
    expect(scale.code).not.toBe(0);
    expect(scale.stderr).toContain(
      'An error occurred (ValidationError) when calling the SetDesiredCapacity operation: New SetDesiredCapacity value 99 is above max value 6 for the AutoScalingGroup.',
    );
    expect(missing.stderr).toContain(
      "An error occurred (InvalidInstanceID.NotFound) when calling the DescribeInstances operation: The instance ID 'i-0123456789abcdef0' does not exist",
    );
  });

  it('describes instance types with their vCPUs and memory, and refuses an unknown one', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [types, unknown] = await Promise.all([
      aws(['ec2', 'describe-instance-types', '--instance-types', 'm5.large', 'm6g.large']),
      aws(['ec2', 'describe-instance-types', '--instance-types', 'm5.huge']),
    ]);
    expect(types.code, types.stderr).toBe(0);
    const listed = JSON.parse(types.stdout).InstanceTypes as Array<{
      InstanceType: string;
      VCpuInfo: { DefaultVCpus: number };
      MemoryInfo: { SizeInMiB: number };
      ProcessorInfo: { SupportedArchitectures: string[] };
    }>;
    expect(
      listed.map((t) => [t.InstanceType, t.VCpuInfo.DefaultVCpus, t.MemoryInfo.SizeInMiB]),
    ).toEqual([
      ['m5.large', 2, 8192],
      ['m6g.large', 2, 8192],
    ]);
    expect(listed[1]!.ProcessorInfo.SupportedArchitectures).toEqual(['arm64']);
    expect(unknown.stderr).toContain(
      'An error occurred (InvalidInstanceType) when calling the DescribeInstanceTypes operation: The following supplied instance types do not exist: [m5.huge]',
    );
  });
});

describe('the aws CLI reading the network, launch templates and scaling activities', () => {
  // Its own sandbox, fast enough that launches and terminations finish within the test.
  let fast: Sandbox;
  beforeAll(async () => {
    fast = await startSandbox({ speed: 100 });
  });
  afterAll(() => fast.close());

  it('describes the VPC, its security groups and the launch templates posture checks read', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [vpcs, groups, versions, missingVpc] = await Promise.all([
      aws(['ec2', 'describe-vpcs']),
      aws([
        'ec2',
        'describe-security-groups',
        '--filters',
        'Name=tag:aws:eks:cluster-name,Values=checkout-prod',
      ]),
      aws([
        'ec2',
        'describe-launch-template-versions',
        '--launch-template-name',
        'checkout-prod-legacy-workers',
      ]),
      aws(['ec2', 'describe-vpcs', '--vpc-ids', 'vpc-0123456789abcdef0']),
    ]);
    expect(vpcs.code, vpcs.stderr).toBe(0);
    const [vpc] = JSON.parse(vpcs.stdout).Vpcs as Array<{
      VpcId: string;
      CidrBlock: string;
      State: string;
    }>;
    expect(vpc).toMatchObject({ State: 'available', IsDefault: false });
    expect(vpc!.CidrBlock).toMatch(/^10\.\d+\.0\.0\/16$/);

    expect(groups.code, groups.stderr).toBe(0);
    const [clusterGroup] = JSON.parse(groups.stdout).SecurityGroups as Array<
      Record<string, unknown>
    >;
    expect(clusterGroup).toMatchObject({ VpcId: vpc!.VpcId });
    expect(clusterGroup!.GroupName).toMatch(/^eks-cluster-sg-checkout-prod-\d{10}$/);
    expect(clusterGroup!.IpPermissionsEgress).toEqual([
      expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
    ]);

    expect(versions.code, versions.stderr).toBe(0);
    const listed = JSON.parse(versions.stdout).LaunchTemplateVersions as Array<{
      VersionNumber: number;
      DefaultVersion: boolean;
      LaunchTemplateData: {
        MetadataOptions: { HttpTokens: string };
        NetworkInterfaces: Array<{ AssociatePublicIpAddress: boolean; Groups: string[] }>;
      };
    }>;
    expect(listed.map((version) => [version.VersionNumber, version.DefaultVersion])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(
      listed.map((version) => [
        version.LaunchTemplateData.MetadataOptions.HttpTokens,
        version.LaunchTemplateData.NetworkInterfaces[0]!.AssociatePublicIpAddress,
      ]),
    ).toEqual([
      ['required', false],
      ['optional', true],
    ]);
    expect(listed[0]!.LaunchTemplateData.NetworkInterfaces[0]!.Groups).toEqual([
      clusterGroup!.GroupId,
    ]);

    expect(missingVpc.stderr).toContain(
      "An error occurred (InvalidVpcID.NotFound) when calling the DescribeVpcs operation: The vpc ID 'vpc-0123456789abcdef0' does not exist",
    );
  });

  it('lists the launch and terminate activities a desired-capacity change starts', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const name = 'perf-lab-load-runners';
    const region = ['--region', 'eu-west-1'];
    const keys = fast.accounts[1]!;
    const before = await aws(
      ['autoscaling', 'describe-scaling-activities', '--auto-scaling-group-name', name, ...region],
      keys,
      fast,
    );
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout).Activities).toEqual([]);
    const grow = await aws(
      [
        'autoscaling',
        'set-desired-capacity',
        '--auto-scaling-group-name',
        name,
        '--desired-capacity',
        '3',
        ...region,
      ],
      keys,
      fast,
    );
    expect(grow.code, grow.stderr).toBe(0);
    await fast.waitFor(() =>
      fast.world.autoScaling
        .activities(keys.id, 'eu-west-1')
        .some((activity) => activity.groupName === name),
    );
    const during = await aws(
      ['autoscaling', 'describe-scaling-activities', '--auto-scaling-group-name', name, ...region],
      keys,
      fast,
    );
    expect(during.code, during.stderr).toBe(0);
    const [launch] = JSON.parse(during.stdout).Activities as Array<Record<string, string>>;
    expect(launch!.Description).toMatch(/^Launching a new EC2 instance: i-0[0-9a-f]{16}$/);
    expect(launch!.Cause).toMatch(
      /^At \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ a user request explicitly set group desired capacity changing the desired capacity from 2 to 3\. {2}At \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 3\.$/,
    );

    const shrink = await aws(
      [
        'autoscaling',
        'set-desired-capacity',
        '--auto-scaling-group-name',
        name,
        '--desired-capacity',
        '1',
        ...region,
      ],
      keys,
      fast,
    );
    expect(shrink.code, shrink.stderr).toBe(0);
    await fast.waitFor(() => {
      const activities = fast.world.autoScaling.activities(keys.id, 'eu-west-1');
      return activities.filter((activity) => activity.kind === 'terminate').length >= 2;
    });
    await fast.waitFor(() =>
      fast.world.ec2
        .instances(keys.id, 'eu-west-1')
        .filter((instance) => instance.autoScalingGroupName === name)
        .every((instance) => instance.state === 'running' || instance.state === 'terminated'),
    );
    const after = await aws(
      ['autoscaling', 'describe-scaling-activities', '--auto-scaling-group-name', name, ...region],
      keys,
      fast,
    );
    const activities = JSON.parse(after.stdout).Activities as Array<Record<string, string>>;
    expect(activities.map((activity) => activity.StatusCode)).toEqual([
      'Successful',
      'Successful',
      'Successful',
    ]);
    expect(activities[0]!.Description).toMatch(/^Terminating EC2 instance: i-0[0-9a-f]{16}$/);
    expect(activities[0]!.Cause).toContain('changing the desired capacity from 3 to 1.  At ');
    expect(activities.map((activity) => activity.Cause!.split('shrinking ')[1])).toEqual([
      expect.stringMatching(/the capacity from (3 to 2|2 to 1)\.$/),
      expect.stringMatching(/the capacity from (3 to 2|2 to 1)\.$/),
      undefined,
    ]);
  });
});

describe('the aws CLI reading identity providers and Pod Identity', () => {
  it('associates an OIDC provider and manages a Pod Identity association', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const describeSeeded = await aws([
      'eks',
      'describe-identity-provider-config',
      '--cluster-name',
      'checkout-prod',
      '--identity-provider-config',
      'type=oidc,name=corporate-sso',
    ]);
    expect(describeSeeded.code, describeSeeded.stderr).toBe(0);
    expect(JSON.parse(describeSeeded.stdout).identityProviderConfig.oidc).toMatchObject({
      identityProviderConfigName: 'corporate-sso',
      issuerUrl: 'https://sso.example.com/realms/engineering',
      groupsPrefix: 'sso:',
      status: 'ACTIVE',
    });
    const associate = await aws([
      'eks',
      'associate-identity-provider-config',
      '--cluster-name',
      'platform-tools',
      '--oidc',
      'identityProviderConfigName=cli-sso,issuerUrl=https://idp.example.com,clientId=kubernetes,groupsClaim=groups',
    ]);
    expect(associate.code, associate.stderr).toBe(0);
    expect(JSON.parse(associate.stdout).update).toMatchObject({
      type: 'AssociateIdentityProviderConfig',
      status: 'InProgress',
    });
    const listed = await aws([
      'eks',
      'list-identity-provider-configs',
      '--cluster-name',
      'platform-tools',
    ]);
    expect(JSON.parse(listed.stdout)).toEqual({
      identityProviderConfigs: [{ type: 'oidc', name: 'cli-sso' }],
    });
    const second = await aws([
      'eks',
      'associate-identity-provider-config',
      '--cluster-name',
      'checkout-prod',
      '--oidc',
      'identityProviderConfigName=other,issuerUrl=https://idp.example.com,clientId=k',
    ]);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('(InvalidRequestException)');

    const created = await aws([
      'eks',
      'create-pod-identity-association',
      '--cluster-name',
      'checkout-prod',
      '--namespace',
      'payments',
      '--service-account',
      'ledger',
      '--role-arn',
      'arn:aws:iam::123456789012:role/ledger-pods',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const association = JSON.parse(created.stdout).association;
    expect(association).toMatchObject({ namespace: 'payments', serviceAccount: 'ledger' });
    expect(association.associationId).toMatch(/^a-[a-z0-9]{17}$/);
    const byNamespace = await aws([
      'eks',
      'list-pod-identity-associations',
      '--cluster-name',
      'checkout-prod',
      '--namespace',
      'payments',
    ]);
    const { associations } = JSON.parse(byNamespace.stdout) as {
      associations: Array<{ serviceAccount: string }>;
    };
    expect(associations.map((item) => item.serviceAccount)).toEqual(['checkout-api', 'ledger']);
    const updated = await aws([
      'eks',
      'update-pod-identity-association',
      '--cluster-name',
      'checkout-prod',
      '--association-id',
      association.associationId,
      '--role-arn',
      'arn:aws:iam::123456789012:role/ledger-pods-v2',
    ]);
    expect(JSON.parse(updated.stdout).association.roleArn).toBe(
      'arn:aws:iam::123456789012:role/ledger-pods-v2',
    );
    const removed = await aws([
      'eks',
      'delete-pod-identity-association',
      '--cluster-name',
      'checkout-prod',
      '--association-id',
      association.associationId,
    ]);
    expect(removed.code, removed.stderr).toBe(0);
    const gone = await aws([
      'eks',
      'describe-pod-identity-association',
      '--cluster-name',
      'checkout-prod',
      '--association-id',
      association.associationId,
    ]);
    expect(gone.stderr).toContain('(ResourceNotFoundException)');
  });
});

describe('the aws CLI reading and changing EKS add-ons', () => {
  it('lists the catalogue and installed add-ons, updates one and reads its AddonUpdate', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const [catalogue, list, degraded, unknown] = await Promise.all([
      aws(['eks', 'describe-addon-versions', '--kubernetes-version', '1.34']),
      aws(['eks', 'list-addons', '--cluster-name', 'checkout-prod']),
      aws([
        '--region',
        'eu-west-1',
        'eks',
        'describe-addon',
        '--cluster-name',
        'ml-training',
        '--addon-name',
        'coredns',
      ]),
      aws(['eks', 'describe-addon', '--cluster-name', 'checkout-prod', '--addon-name', 'ghost']),
    ]);
    expect(catalogue.code, catalogue.stderr).toBe(0);
    const addons = JSON.parse(catalogue.stdout).addons as Array<{
      addonName: string;
      addonVersions: Array<{ compatibilities: Array<{ defaultVersion: boolean }> }>;
    }>;
    expect(addons.map((a) => a.addonName)).toEqual(
      expect.arrayContaining(['coredns', 'kube-proxy', 'vpc-cni', 'eks-pod-identity-agent']),
    );
    for (const addon of addons) {
      const defaults = addon.addonVersions.filter((v) => v.compatibilities[0]?.defaultVersion);
      expect(defaults, addon.addonName).toHaveLength(1);
    }
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).addons).toEqual(
      expect.arrayContaining(['coredns', 'kube-proxy', 'vpc-cni']),
    );
    expect(degraded.code, degraded.stderr).toBe(0);
    expect(JSON.parse(degraded.stdout).addon).toMatchObject({
      status: 'DEGRADED',
      health: { issues: [{ code: 'InsufficientNumberOfReplicas' }] },
    });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('(ResourceNotFoundException)');

    const installed = JSON.parse(
      (
        await aws([
          'eks',
          'describe-addon',
          '--cluster-name',
          'checkout-prod',
          '--addon-name',
          'coredns',
        ])
      ).stdout,
    ).addon as { addonVersion: string };
    const update = await aws([
      'eks',
      'update-addon',
      '--cluster-name',
      'checkout-prod',
      '--addon-name',
      'coredns',
      '--addon-version',
      installed.addonVersion,
      '--resolve-conflicts',
      'PRESERVE',
    ]);
    expect(update.code, update.stderr).toBe(0);
    const started = JSON.parse(update.stdout).update as { id: string; type: string };
    expect(started.type).toBe('AddonUpdate');
    const described = await aws([
      'eks',
      'describe-update',
      '--name',
      'checkout-prod',
      '--update-id',
      started.id,
      '--addon-name',
      'coredns',
    ]);
    expect(described.code, described.stderr).toBe(0);
    expect(JSON.parse(described.stdout).update.params).toEqual(
      expect.arrayContaining([{ type: 'ResolveConflicts', value: 'PRESERVE' }]),
    );
  });

  it("reads an add-on build's configuration schema and has a value it refuses named", async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const described = await aws([
      'eks',
      'describe-addon-configuration',
      '--addon-name',
      'coredns',
      '--addon-version',
      'v1.12.1-eksbuild.2',
    ]);
    expect(described.code, described.stderr).toBe(0);
    const answer = JSON.parse(described.stdout) as {
      addonName: string;
      configurationSchema: string;
    };
    expect(answer.addonName).toBe('coredns');
    expect(JSON.parse(answer.configurationSchema)).toMatchObject({
      type: 'object',
      properties: { replicaCount: { type: 'integer' } },
    });
    const refused = await aws([
      'eks',
      'update-addon',
      '--cluster-name',
      'checkout-prod',
      '--addon-name',
      'kube-proxy',
      '--configuration-values',
      'mode: nftables',
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('(InvalidParameterException)');
    expect(refused.stderr).toContain(
      '$.mode: does not have a value in the enumeration [iptables, ipvs]',
    );
  });

  it('lists insights of a cluster whose clients call a removed API and describes who calls it', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const listed = await aws(['eks', 'list-insights', '--cluster-name', 'legacy-billing']);
    expect(listed.code, listed.stderr).toBe(0);
    const { insights } = JSON.parse(listed.stdout) as {
      insights: Array<{
        id: string;
        name: string;
        category: string;
        insightStatus: { status: string };
      }>;
    };
    const removal = insights.find(
      (insight) => insight.name === 'Deprecated APIs removed in Kubernetes v1.32',
    );
    expect(removal?.insightStatus.status).toBe('WARNING');
    expect(
      insights.find((insight) => insight.category === 'MISCONFIGURATION')?.insightStatus.status,
    ).toBe('ERROR');
    const described = await aws([
      'eks',
      'describe-insight',
      '--cluster-name',
      'legacy-billing',
      '--id',
      removal!.id,
    ]);
    expect(described.code, described.stderr).toBe(0);
    const { insight } = JSON.parse(described.stdout) as {
      insight: {
        resources: Array<{ kubernetesResourceUri: string }>;
        categorySpecificSummary: {
          deprecationDetails: Array<{
            usage: string;
            clientStats: Array<{ userAgent: string; lastRequestTime: number }>;
          }>;
        };
      };
    };
    expect(insight.resources.map((resource) => resource.kubernetesResourceUri)).toContain(
      '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/datadog-cluster-agent',
    );
    const stats = insight.categorySpecificSummary.deprecationDetails[0]!.clientStats;
    expect(stats.map((stat) => stat.userAgent)).toContain(
      'kubectl/v1.27.4 (linux/amd64) kubernetes/fa3d799',
    );
    // The CLI prints the wire timestamps (epoch seconds): the agent called minutes ago, kubectl a day ago.
    const [agent, kubectl] = stats.map((stat) => Number(stat.lastRequestTime));
    expect(agent! - kubectl!).toBeCloseTo(25.9 * 3600, 0);
  });
});

describe('the aws CLI reading the EKS-optimized AMI release parameters', () => {
  it('gets the recommended release of a version, lists its releases and reads ParameterNotFound', async () => {
    if (!cliAvailable) {
      allowMissingReference('aws CLI');
      return;
    }
    const root = '/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard';
    const got = await aws([
      'ssm',
      'get-parameter',
      '--name',
      `${root}/recommended/release_version`,
    ]);
    expect(got.code, got.stderr).toBe(0);
    const { Parameter } = JSON.parse(got.stdout) as {
      Parameter: { Name: string; Type: string; Value: string; ARN: string; DataType: string };
    };
    expect(Parameter).toMatchObject({
      Name: `${root}/recommended/release_version`,
      Type: 'String',
      Value: '1.34.2-20261118',
      ARN: `arn:aws:ssm:us-east-1::parameter${root}/recommended/release_version`,
      DataType: 'text',
    });

    // The CLI follows NextToken itself: more releases than one page of 10.
    const listed = await aws([
      'ssm',
      'get-parameters-by-path',
      '--path',
      root,
      '--recursive',
      '--query',
      'Parameters[].Name',
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    const names = JSON.parse(listed.stdout) as string[];
    expect(names).toContain(
      `${root}/amazon-eks-node-al2023-x86_64-standard-1.34-v20251120/image_id`,
    );
    expect(names.length).toBeGreaterThan(10);

    const bottlerocket = await aws([
      'ssm',
      'get-parameters',
      '--names',
      '/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_version',
      '/aws/service/bottlerocket/aws-k8s-1.99/x86_64/latest/image_version',
    ]);
    expect(bottlerocket.code, bottlerocket.stderr).toBe(0);
    expect(JSON.parse(bottlerocket.stdout)).toMatchObject({
      Parameters: [{ Value: '1.33.5-20261118' }],
      InvalidParameters: ['/aws/service/bottlerocket/aws-k8s-1.99/x86_64/latest/image_version'],
    });

    const missing = await aws([
      'ssm',
      'get-parameter',
      '--name',
      '/aws/service/eks/optimized-ami/1.34/amazon-linux-2/recommended/release_version',
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('(ParameterNotFound) when calling the GetParameter operation');
  });
});
