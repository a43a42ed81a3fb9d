import * as asgSdk from '@aws-sdk/client-auto-scaling';
import * as ec2Sdk from '@aws-sdk/client-ec2';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { Sandbox } from '../sandbox.ts';
import { accountKeys, autoScalingClient, ec2Client, stsClient } from './awsClients.ts';

/**
 * The compute conformance scenario: every EC2 and Auto Scaling operation the
 * sandbox serves, on success and error paths, plus throttling, IAM denial and
 * a bad signature.
 */

const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

export async function driveComputeOperations(sandbox: Sandbox): Promise<void> {
  const keys = accountKeys(sandbox);
  const ec2 = ec2Client(sandbox, keys);
  const asg = autoScalingClient(sandbox, keys);

  const all = await ec2.send(new ec2Sdk.DescribeInstancesCommand({}));
  const ids = (all.Reservations ?? []).flatMap((r) =>
    (r.Instances ?? []).map((i) => i.InstanceId!),
  );
  await ec2.send(new ec2Sdk.DescribeInstancesCommand({ InstanceIds: ids.slice(0, 2) }));
  const page = await ec2.send(new ec2Sdk.DescribeInstancesCommand({ MaxResults: 5 }));
  await ec2.send(
    new ec2Sdk.DescribeInstancesCommand({ MaxResults: 5, NextToken: page.NextToken! }),
  );
  await ec2.send(
    new ec2Sdk.DescribeInstancesCommand({
      Filters: [
        { Name: 'tag-key', Values: ['kubernetes.io/cluster/checkout-prod'] },
        { Name: 'instance-state-name', Values: ['running', 'pending'] },
      ],
    }),
  );
  for (const input of [
    { InstanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] },
    { InstanceIds: ['i-nope'] },
    { InstanceIds: [ids[0]!], MaxResults: 5 },
    { MaxResults: 3 },
    { NextToken: 'garbage' },
    { Filters: [{ Name: 'nope', Values: ['x'] }] },
  ]) {
    await attempt(ec2.send(new ec2Sdk.DescribeInstancesCommand(input)));
  }
  const subnets = await ec2.send(new ec2Sdk.DescribeSubnetsCommand({}));
  await ec2.send(
    new ec2Sdk.DescribeSubnetsCommand({ SubnetIds: [subnets.Subnets![0]!.SubnetId!] }),
  );
  await ec2.send(
    new ec2Sdk.DescribeSubnetsCommand({
      Filters: [{ Name: 'tag:kubernetes.io/role/elb', Values: ['1'] }],
      MaxResults: 5,
    }),
  );
  await attempt(
    ec2.send(new ec2Sdk.DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })),
  );

  await ec2.send(new ec2Sdk.DescribeVpcsCommand({}));
  const vpcs = await ec2.send(
    new ec2Sdk.DescribeVpcsCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
  );
  await ec2.send(new ec2Sdk.DescribeVpcsCommand({ VpcIds: [vpcs.Vpcs![0]!.VpcId!] }));
  await attempt(ec2.send(new ec2Sdk.DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })));
  await ec2.send(new ec2Sdk.DescribeSecurityGroupsCommand({}));
  await ec2.send(
    new ec2Sdk.DescribeSecurityGroupsCommand({
      Filters: [{ Name: 'tag:aws:eks:cluster-name', Values: ['checkout-prod'] }],
      MaxResults: 5,
    }),
  );
  await ec2.send(new ec2Sdk.DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
  for (const input of [{ GroupIds: ['sg-0123456789abcdef0'] }, { MaxResults: 2 }]) {
    await attempt(ec2.send(new ec2Sdk.DescribeSecurityGroupsCommand(input)));
  }
  const templates = await ec2.send(new ec2Sdk.DescribeLaunchTemplatesCommand({}));
  await ec2.send(
    new ec2Sdk.DescribeLaunchTemplatesCommand({
      LaunchTemplateNames: ['checkout-prod-legacy-workers'],
    }),
  );
  await ec2.send(new ec2Sdk.DescribeLaunchTemplatesCommand({ MaxResults: 1 }));
  for (const input of [
    { LaunchTemplateIds: ['lt-0123456789abcdef0'] },
    { LaunchTemplateNames: ['nope'] },
  ]) {
    await attempt(ec2.send(new ec2Sdk.DescribeLaunchTemplatesCommand(input)));
  }
  await ec2.send(
    new ec2Sdk.DescribeLaunchTemplateVersionsCommand({
      LaunchTemplateName: 'checkout-prod-legacy-workers',
    }),
  );
  await ec2.send(
    new ec2Sdk.DescribeLaunchTemplateVersionsCommand({
      LaunchTemplateId: templates.LaunchTemplates![0]!.LaunchTemplateId!,
      Versions: ['$Latest', '$Default'],
    }),
  );
  await ec2.send(new ec2Sdk.DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'] }));
  for (const input of [
    { LaunchTemplateName: 'checkout-prod-legacy-workers', Versions: ['9'] },
    { LaunchTemplateId: 'lt-0123456789abcdef0' },
    { Versions: ['1'] },
  ]) {
    await attempt(ec2.send(new ec2Sdk.DescribeLaunchTemplateVersionsCommand(input)));
  }

  await ec2.send(
    new ec2Sdk.DescribeInstanceTypesCommand({ InstanceTypes: ['m5.large', 'm6g.large'] }),
  );
  const typesPage = await ec2.send(new ec2Sdk.DescribeInstanceTypesCommand({ MaxResults: 5 }));
  await ec2.send(
    new ec2Sdk.DescribeInstanceTypesCommand({ MaxResults: 5, NextToken: typesPage.NextToken! }),
  );
  await attempt(
    ec2.send(
      new ec2Sdk.DescribeInstanceTypesCommand({
        InstanceTypes: ['m5.huge' as ec2Sdk._InstanceType],
      }),
    ),
  );

  await asg.send(new asgSdk.DescribeAutoScalingGroupsCommand({}));
  const first = await asg.send(new asgSdk.DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }));
  await asg.send(
    new asgSdk.DescribeAutoScalingGroupsCommand({ MaxRecords: 1, NextToken: first.NextToken! }),
  );
  await asg.send(
    new asgSdk.DescribeAutoScalingGroupsCommand({
      Filters: [{ Name: 'tag:eks:cluster-name', Values: ['checkout-prod'] }],
      IncludeInstances: false,
    }),
  );
  await asg.send(new asgSdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['nope'] }));
  for (const input of [
    { MaxRecords: 0 },
    { NextToken: 'garbage' },
    { Filters: [{ Name: 'instance-type', Values: ['m5.large'] }] },
  ]) {
    await attempt(asg.send(new asgSdk.DescribeAutoScalingGroupsCommand(input)));
  }
  const name = 'checkout-prod-legacy-workers';
  await asg.send(
    new asgSdk.UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, MaxSize: 8 }),
  );
  await asg.send(
    new asgSdk.SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 4 }),
  );
  await sandbox.waitFor(() =>
    sandbox.world.ec2
      .instances(sandbox.accounts[0]!.id, 'us-east-1')
      .some((instance) => instance.autoScalingGroupName === name && instance.state === 'pending'),
  );
  // Pending and terminating instances, as Auto Scaling and EC2 list them mid-flight.
  await asg.send(new asgSdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
  await ec2.send(
    new ec2Sdk.DescribeInstancesCommand({
      Filters: [{ Name: 'tag:aws:autoscaling:groupName', Values: [name] }],
    }),
  );
  await asg.send(
    new asgSdk.SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 3 }),
  );
  for (const input of [
    { AutoScalingGroupName: name, DesiredCapacity: 20 },
    { AutoScalingGroupName: 'nope', DesiredCapacity: 1 },
  ]) {
    await attempt(asg.send(new asgSdk.SetDesiredCapacityCommand(input)));
  }
  for (const input of [
    { AutoScalingGroupName: name, MinSize: 5, MaxSize: 2 },
    { AutoScalingGroupName: name, LaunchTemplate: { LaunchTemplateName: 'nope' } },
  ]) {
    await attempt(asg.send(new asgSdk.UpdateAutoScalingGroupCommand(input)));
  }
  await sandbox.waitFor(() =>
    sandbox.world.ec2
      .instances(sandbox.accounts[0]!.id, 'us-east-1')
      .some(
        (instance) => instance.autoScalingGroupName === name && instance.state === 'terminated',
      ),
  );
  await ec2.send(
    new ec2Sdk.DescribeInstancesCommand({
      Filters: [{ Name: 'instance-state-name', Values: ['terminated'] }],
    }),
  );
  await asg.send(
    new asgSdk.DescribeScalingActivitiesCommand({ AutoScalingGroupName: name, MaxRecords: 2 }),
  );
  await asg.send(new asgSdk.DescribeScalingActivitiesCommand({ IncludeDeletedGroups: true }));
  for (const input of [{ MaxRecords: 0 }, { NextToken: 'garbage' }]) {
    await attempt(asg.send(new asgSdk.DescribeScalingActivitiesCommand(input)));
  }

  // Throttling, IAM denial and a bad signature, in each protocol.
  sandbox.faults.set([
    { service: 'ec2', throttleRate: 1, times: 1 },
    { service: 'autoscaling', throttleRate: 1, times: 1 },
  ]);
  await ec2.send(new ec2Sdk.DescribeSubnetsCommand({}));
  await asg.send(new asgSdk.DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }));
  sandbox.faults.clear();
  const { Credentials } = await stsClient(sandbox, keys).send(
    new AssumeRoleCommand({ RoleArn: sandbox.accounts[0]!.readOnlyRoleArn, RoleSessionName: 'ro' }),
  );
  const readOnly = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  };
  await ec2Client(sandbox, readOnly).send(new ec2Sdk.DescribeInstancesCommand({ MaxResults: 5 }));
  await attempt(
    autoScalingClient(sandbox, readOnly).send(
      new asgSdk.SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 3 }),
    ),
  );
  const forged = { ...keys, secretAccessKey: 'x'.repeat(40) };
  await attempt(ec2Client(sandbox, forged).send(new ec2Sdk.DescribeInstancesCommand({})));
  await attempt(
    autoScalingClient(sandbox, forged).send(new asgSdk.DescribeAutoScalingGroupsCommand({})),
  );
}
