import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeAutoScalingGroupsCommand,
  SetDesiredCapacityCommand,
  UpdateAutoScalingGroupCommand,
  type AutoScalingClient,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import {
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  paginateDescribeInstances,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import {
  CreateNodegroupCommand,
  DeleteNodegroupCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  ListUpdatesCommand,
  UpdateNodegroupConfigCommand,
  UpdateNodegroupVersionCommand,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from './index.ts';
import {
  accountKeys,
  autoScalingClient,
  ec2Client,
  eksClient,
  stsClient,
} from './testing/awsClients.ts';

/** Managed and self-managed node groups through the real SDK v3 clients: EKS, Auto Scaling and EC2 agree. */

let sandbox: Sandbox;
let eks: EKSClient;
let ec2: EC2Client;
let asg: AutoScalingClient;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 100 });
  const keys = accountKeys(sandbox);
  eks = eksClient(sandbox, keys);
  ec2 = ec2Client(sandbox, keys);
  asg = autoScalingClient(sandbox, keys);
});
afterAll(() => sandbox.close());

/** The error a call fails with (the test fails if it succeeds). */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught as Error & { $metadata: { httpStatusCode?: number } },
  );
  expect(error, 'the call should have failed').toBeDefined();
  return error!;
}

async function waitForUpdate(clusterName: string, nodegroupName: string, updateId: string) {
  return sandbox.waitFor(
    async () => {
      const { update } = await eks.send(
        new DescribeUpdateCommand({ name: clusterName, nodegroupName, updateId }),
      );
      return update?.status === 'InProgress' ? undefined : update;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

async function groupOf(clusterName: string, nodegroupName: string): Promise<AutoScalingGroup> {
  const { nodegroup } = await eks.send(
    new DescribeNodegroupCommand({ clusterName, nodegroupName }),
  );
  const name = nodegroup!.resources!.autoScalingGroups![0]!.name!;
  const { AutoScalingGroups } = await asg.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
  );
  return AutoScalingGroups![0]!;
}

async function instancesById(ids: string[], client = ec2): Promise<Instance[]> {
  const { Reservations } = await client.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ids }] }),
  );
  return (Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);
}

const liveIds = (group: AutoScalingGroup) =>
  (group.Instances ?? [])
    .filter((i) => i.LifecycleState === 'InService' || i.LifecycleState === 'Pending')
    .map((i) => i.InstanceId!);

describe('managed node groups drive instances', () => {
  it('scales 2 → 4 with two new running instances in Auto Scaling and EC2, then back down', async () => {
    const ids = { clusterName: 'checkout-prod', nodegroupName: 'arm-workers' };
    const before = await groupOf(ids.clusterName, ids.nodegroupName);
    expect(before.Instances).toHaveLength(2);
    const { update } = await eks.send(
      new UpdateNodegroupConfigCommand({ ...ids, scalingConfig: { desiredSize: 4 } }),
    );
    expect(update).toMatchObject({
      type: 'ConfigUpdate',
      status: 'InProgress',
      params: [{ type: 'DesiredSize', value: '4' }],
    });
    const during = await eks.send(new DescribeNodegroupCommand(ids));
    expect(during.nodegroup).toMatchObject({
      status: 'UPDATING',
      scalingConfig: { desiredSize: 4 },
    });

    expect((await waitForUpdate(ids.clusterName, ids.nodegroupName, update!.id!)).status).toBe(
      'Successful',
    );
    const after = await groupOf(ids.clusterName, ids.nodegroupName);
    expect(after.DesiredCapacity).toBe(4);
    expect(after.Instances!.map((i) => i.LifecycleState)).toEqual(Array(4).fill('InService'));
    const added = liveIds(after).filter((id) => !liveIds(before).includes(id));
    expect(added).toHaveLength(2);
    const launched = await instancesById(added);
    expect(launched).toHaveLength(2);
    for (const instance of launched) {
      expect(instance.State?.Name).toBe('running');
      expect(instance.LaunchTime!.getTime()).toBeGreaterThanOrEqual(
        update!.createdAt!.getTime() - 1000,
      );
      expect(instance.Architecture).toBe('arm64');
      expect(Object.fromEntries(instance.Tags!.map((tag) => [tag.Key, tag.Value]))).toMatchObject({
        'eks:cluster-name': 'checkout-prod',
        'eks:nodegroup-name': 'arm-workers',
        'kubernetes.io/cluster/checkout-prod': 'owned',
        'aws:autoscaling:groupName': after.AutoScalingGroupName,
        'k8s.io/cluster-autoscaler/enabled': 'true',
        'k8s.io/cluster-autoscaler/checkout-prod': 'owned',
      });
    }
    expect((await eks.send(new DescribeNodegroupCommand(ids))).nodegroup?.status).toBe('ACTIVE');

    const down = await eks.send(
      new UpdateNodegroupConfigCommand({ ...ids, scalingConfig: { desiredSize: 1 } }),
    );
    expect((await waitForUpdate(ids.clusterName, ids.nodegroupName, down.update!.id!)).status).toBe(
      'Successful',
    );
    const shrunk = await groupOf(ids.clusterName, ids.nodegroupName);
    expect(liveIds(shrunk)).toHaveLength(1);
    const gone = await instancesById(liveIds(after).filter((id) => !liveIds(shrunk).includes(id)));
    expect(gone.map((i) => i.State?.Name)).toEqual(['terminated', 'terminated', 'terminated']);
  });

  it('replaces every instance with the new AMI on a version update', async () => {
    const west = eksClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    const westAsg = autoScalingClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    const westEc2 = ec2Client(sandbox, accountKeys(sandbox), 'eu-west-1');
    const ids = { clusterName: 'checkout-eu', nodegroupName: 'general' };
    const groupNow = async () => {
      const { nodegroup } = await west.send(new DescribeNodegroupCommand(ids));
      const name = nodegroup!.resources!.autoScalingGroups![0]!.name!;
      return (
        await westAsg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))
      ).AutoScalingGroups![0]!;
    };
    const oldIds = liveIds(await groupNow());
    const oldAmis = new Set((await instancesById(oldIds, westEc2)).map((i) => i.ImageId));
    expect(oldAmis.size).toBe(1);
    const { update } = await west.send(new UpdateNodegroupVersionCommand(ids));
    expect(update).toMatchObject({
      type: 'VersionUpdate',
      params: [
        { type: 'Version', value: '1.34' },
        { type: 'ReleaseVersion', value: '1.34.2-20261118' },
      ],
    });
    const done = await sandbox.waitFor(
      async () => {
        const current = (
          await west.send(
            new DescribeUpdateCommand({ name: 'checkout-eu', ...ids, updateId: update!.id! }),
          )
        ).update;
        return current?.status === 'InProgress' ? undefined : current;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(done.status).toBe('Successful');
    const newIds = liveIds(await groupNow());
    expect(newIds).toHaveLength(3);
    expect(newIds.some((id) => oldIds.includes(id))).toBe(false);
    const replaced = await instancesById(newIds, westEc2);
    expect(new Set(replaced.map((i) => i.ImageId)).size).toBe(1);
    expect(oldAmis.has(replaced[0]!.ImageId)).toBe(false);
    const { nodegroup } = await west.send(new DescribeNodegroupCommand(ids));
    expect(nodegroup).toMatchObject({ releaseVersion: '1.34.2-20261118', status: 'ACTIVE' });
  });

  it('refuses bad changes with the codes and messages EKS uses', async () => {
    const ids = { clusterName: 'checkout-prod', nodegroupName: 'general-od' };
    const invalid = await failure(
      eks.send(
        new UpdateNodegroupConfigCommand({
          ...ids,
          scalingConfig: { minSize: 5, desiredSize: 4, maxSize: 10 },
        }),
      ),
    );
    expect(invalid.name).toBe('InvalidParameterException');
    expect(invalid.$metadata.httpStatusCode).toBe(400);
    expect(invalid.message).toBe("Minimum capacity 5 can't be greater than desired size 4");
    expect((invalid as unknown as { nodegroupName?: string }).nodegroupName).toBe('general-od');

    const label = await failure(
      eks.send(
        new UpdateNodegroupConfigCommand({
          ...ids,
          labels: { addOrUpdateLabels: { 'Team_Name/x': 'a' } },
        }),
      ),
    );
    expect(label.name).toBe('InvalidParameterException');
    expect(label.message).toMatch(/^Label key 'Team_Name\/x' is invalid: prefix part/);

    const both = await failure(
      eks.send(
        new UpdateNodegroupConfigCommand({
          ...ids,
          taints: {
            addOrUpdateTaints: [{ key: 'gpu', effect: 'NO_SCHEDULE' }],
            removeTaints: [{ key: 'gpu', effect: 'NO_SCHEDULE' }],
          },
        }),
      ),
    );
    expect(both.message).toBe(
      "The taint key 'gpu' cannot be both added and removed in the same request.",
    );

    const skew = await failure(
      eks.send(new UpdateNodegroupVersionCommand({ ...ids, version: '1.35' })),
    );
    expect(skew.name).toBe('InvalidParameterException');
    expect(skew.message).toMatch(/Requested Nodegroup version 1.35 is invalid/);

    const { update } = await eks.send(
      new UpdateNodegroupConfigCommand({ ...ids, labels: { addOrUpdateLabels: { zone: 'a' } } }),
    );
    const busy = await failure(
      eks.send(new UpdateNodegroupConfigCommand({ ...ids, scalingConfig: { desiredSize: 4 } })),
    );
    expect(busy.name).toBe('ResourceInUseException');
    expect(busy.$metadata.httpStatusCode).toBe(409);
    expect(busy.message).toContain('Nodegroup general-od is currently in UPDATING state');
    expect((await waitForUpdate('checkout-prod', 'general-od', update!.id!)).status).toBe(
      'Successful',
    );
    const { nodegroup } = await eks.send(new DescribeNodegroupCommand(ids));
    expect(nodegroup?.labels).toMatchObject({ workload: 'general', zone: 'a' });
  });

  it('applies an update once per clientRequestToken', async () => {
    const ids = { clusterName: 'search-prod', nodegroupName: 'search-arm' };
    const input = { ...ids, scalingConfig: { desiredSize: 3 }, clientRequestToken: 'scale-once-1' };
    const first = await eks.send(new UpdateNodegroupConfigCommand(input));
    const second = await eks.send(new UpdateNodegroupConfigCommand(input));
    expect(second.update?.id).toBe(first.update?.id);
    const other = await failure(
      eks.send(new UpdateNodegroupConfigCommand({ ...input, scalingConfig: { desiredSize: 4 } })),
    );
    expect(other.name).toBe('InvalidParameterException');
    const { updateIds } = await eks.send(new ListUpdatesCommand({ name: 'search-prod', ...ids }));
    expect(updateIds).toEqual([first.update!.id]);
    const done = await waitForUpdate('search-prod', 'search-arm', first.update!.id!);
    expect(done.status).toBe('Successful');
    expect(liveIds(await groupOf('search-prod', 'search-arm'))).toHaveLength(3);
  });

  it('creates a node group whose instances run before it is ACTIVE, and deletes it with them', async () => {
    const apac = eksClient(sandbox, accountKeys(sandbox), 'ap-southeast-2');
    const apacEc2 = ec2Client(sandbox, accountKeys(sandbox), 'ap-southeast-2');
    const subnets = sandbox.world
      .region(sandbox.accounts[0]!.id, 'ap-southeast-2')
      .network.subnets.filter((subnet) => !subnet.public)
      .map((subnet) => subnet.id);
    const ids = { clusterName: 'edge-apac', nodegroupName: 'spot-pool' };
    const { nodegroup } = await apac.send(
      new CreateNodegroupCommand({
        ...ids,
        subnets,
        nodeRole: 'arn:aws:iam::123456789012:role/AmazonEKSNodeRole',
        capacityType: 'SPOT',
        instanceTypes: ['c6i.large', 'c5.large'],
        scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 },
      }),
    );
    expect(nodegroup?.status).toBe('CREATING');
    const byTag = async () => {
      const { Reservations } = await apacEc2.send(
        new DescribeInstancesCommand({
          Filters: [{ Name: 'tag:eks:nodegroup-name', Values: ['spot-pool'] }],
        }),
      );
      return (Reservations ?? []).flatMap((r) => r.Instances ?? []);
    };
    await sandbox.waitFor(
      async () =>
        (await apac.send(new DescribeNodegroupCommand(ids))).nodegroup?.status === 'ACTIVE',
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    const running = await byTag();
    expect(running.map((i) => [i.State?.Name, i.InstanceLifecycle])).toEqual([
      ['running', 'spot'],
      ['running', 'spot'],
    ]);
    await apac.send(new DeleteNodegroupCommand(ids));
    await sandbox.waitFor(
      async () =>
        (await apac.send(new DescribeNodegroupCommand(ids)).catch((error: Error) => error.name)) ===
        'ResourceNotFoundException',
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect((await byTag()).map((i) => i.State?.Name)).toEqual(['terminated', 'terminated']);
  });
});

describe('an EKS-owned Auto Scaling group changed directly', () => {
  it('scales, and the node group reports the new size (as after Cluster Autoscaler)', async () => {
    const west = eksClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    const westAsg = autoScalingClient(sandbox, accountKeys(sandbox), 'eu-west-1');
    const ids = { clusterName: 'ml-training', nodegroupName: 'cpu' };
    const { nodegroup } = await west.send(new DescribeNodegroupCommand(ids));
    const name = nodegroup!.resources!.autoScalingGroups![0]!.name!;
    await westAsg.send(
      new SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 3 }),
    );
    const synced = await sandbox.waitFor(async () => {
      const current = (await west.send(new DescribeNodegroupCommand(ids))).nodegroup;
      return current?.scalingConfig?.desiredSize === 3 ? current : undefined;
    });
    expect(synced.status).toBe('ACTIVE');
    const group = await sandbox.waitFor(async () => {
      const found = (
        await westAsg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))
      ).AutoScalingGroups![0]!;
      return found.Instances!.filter((i) => i.LifecycleState === 'InService').length === 3
        ? found
        : undefined;
    });
    expect(group.DesiredCapacity).toBe(3);
  });
});

describe('self-managed node groups', () => {
  it('are found by the tag-key filter beside the managed ones, the half-updated one really mixed', async () => {
    const { AutoScalingGroups } = await asg.send(
      new DescribeAutoScalingGroupsCommand({
        Filters: [{ Name: 'tag-key', Values: ['kubernetes.io/cluster/checkout-prod'] }],
      }),
    );
    const tagsOf = (group: AutoScalingGroup) =>
      Object.fromEntries((group.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
    const selfManaged = AutoScalingGroups!.filter((group) => !tagsOf(group)['eks:nodegroup-name']);
    expect(selfManaged.map((group) => group.AutoScalingGroupName)).toEqual([
      'checkout-prod-legacy-workers',
    ]);
    expect(AutoScalingGroups!.length).toBe(4);
    const legacy = selfManaged[0]!;
    expect(tagsOf(legacy)).toEqual({
      'kubernetes.io/cluster/checkout-prod': 'owned',
      Name: 'checkout-prod-legacy-workers',
    });
    expect(legacy.Instances!.map((i) => i.LaunchTemplate?.Version).sort()).toEqual(['1', '2', '2']);
    const instances = await instancesById(liveIds(legacy));
    const images = instances.map((i) => i.ImageId!);
    expect(new Set(images).size).toBe(2);
    expect(new Set(instances.map((i) => i.InstanceType)).size).toBe(1);
    for (const instance of instances) {
      expect(instance.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'kubernetes.io/cluster/checkout-prod', Value: 'owned' },
          { Key: 'Name', Value: 'checkout-prod-legacy-workers' },
        ]),
      );
    }

    const other = await asg.send(
      new DescribeAutoScalingGroupsCommand({
        Filters: [
          { Name: 'tag-key', Values: ['kubernetes.io/cluster/checkout-prod'] },
          { Name: 'tag:Name', Values: ['checkout-prod-legacy-workers', 'nope'] },
        ],
      }),
    );
    expect(other.AutoScalingGroups!.map((group) => group.AutoScalingGroupName)).toEqual([
      'checkout-prod-legacy-workers',
    ]);
  });

  it('scale in through SetDesiredCapacity (outdated instance first), recorded in the trail with the source identity', async () => {
    const sts = stsClient(sandbox, accountKeys(sandbox));
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: sandbox.accounts[0]!.consoleRoleArn,
        RoleSessionName: 'ops',
        SourceIdentity: 'alice',
      }),
    );
    const asOps = autoScalingClient(sandbox, {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    const name = 'checkout-prod-legacy-workers';
    const describe = async () =>
      (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] })))
        .AutoScalingGroups![0]!;
    const old = (await describe()).Instances!.find((i) => i.LaunchTemplate?.Version === '1')!;

    const above = await failure(
      asOps.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 7 })),
    );
    expect(above.name).toBe('ValidationError');
    expect(above.message).toBe(
      'New SetDesiredCapacity value 7 is above max value 6 for the AutoScalingGroup.',
    );
    await asOps.send(
      new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, MinSize: 1, MaxSize: 6 }),
    );
    await asOps.send(
      new SetDesiredCapacityCommand({ AutoScalingGroupName: name, DesiredCapacity: 2 }),
    );
    const shrunk = await sandbox.waitFor(async () => {
      const group = await describe();
      return group.Instances!.length === 2 ? group : undefined;
    });
    expect(shrunk).toMatchObject({ MinSize: 1, DesiredCapacity: 2 });
    expect(shrunk.Instances!.map((i) => i.InstanceId)).not.toContain(old.InstanceId);
    expect((await instancesById([old.InstanceId!]))[0]?.State?.Name).toBe('terminated');

    const events = sandbox.trail.filter(
      (event) =>
        event.eventSource === 'autoscaling.amazonaws.com' &&
        event.requestParameters?.autoScalingGroupName === name,
    );
    expect(events.map((event) => [event.eventName, event.errorCode])).toEqual([
      ['SetDesiredCapacity', 'ValidationError'],
      ['UpdateAutoScalingGroup', undefined],
      ['SetDesiredCapacity', undefined],
    ]);
    expect(events[2]).toMatchObject({
      sourceIdentity: 'alice',
      userIdentity: { type: 'AssumedRole', sessionContext: { sourceIdentity: 'alice' } },
      requestParameters: { autoScalingGroupName: name, desiredCapacity: 2 },
    });
  });

  it('show the group whose instances differ in role, in the other account', async () => {
    const dev = accountKeys(sandbox, 1);
    const { AutoScalingGroups } = await autoScalingClient(sandbox, dev).send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['qa-integration-runners'] }),
    );
    const instances = await instancesById(liveIds(AutoScalingGroups![0]!), ec2Client(sandbox, dev));
    expect(new Set(instances.map((i) => i.IamInstanceProfile?.Arn))).toEqual(
      new Set([
        'arn:aws:iam::210987654321:instance-profile/qa-integration-runners',
        'arn:aws:iam::210987654321:instance-profile/qa-runners-debug',
      ]),
    );
  });
});

describe('EC2 reads', () => {
  it('filters and pages instances, and answers bad requests as EC2 does', async () => {
    const all: Instance[] = [];
    for await (const page of paginateDescribeInstances(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: 'instance-state-name', Values: ['running'] }] },
    )) {
      const items = (page.Reservations ?? []).flatMap((r) => r.Instances ?? []);
      expect(items.length).toBeLessThanOrEqual(5);
      all.push(...items);
    }
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all.map((i) => i.InstanceId)).size).toBe(all.length);
    const spot = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:eks:nodegroup-name', Values: ['spot-*'] },
          { Name: 'instance-state-name', Values: ['running'] },
        ],
      }),
    );
    const spotInstances = spot.Reservations!.flatMap((r) => r.Instances!);
    expect(spotInstances.length).toBe(2);
    expect(spotInstances.every((i) => i.InstanceLifecycle === 'spot')).toBe(true);

    const missing = await failure(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
    );
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual([
      'InvalidInstanceID.NotFound',
      "The instance ID 'i-0123456789abcdef0' does not exist",
      400,
    ]);
    const malformed = await failure(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-xyz'] })),
    );
    expect([malformed.name, malformed.message]).toEqual([
      'InvalidInstanceID.Malformed',
      'Invalid id: "i-xyz"',
    ]);
    const combination = await failure(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: [all[0]!.InstanceId!], MaxResults: 5 })),
    );
    expect(combination.name).toBe('InvalidParameterCombination');
    const filter = await failure(
      ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
    );
    expect([filter.name, filter.message]).toEqual([
      'InvalidParameterValue',
      "The filter 'colour' is invalid",
    ]);
  });

  it('describes the VPC subnets, public ones mapping public IPs and tagged for load balancers', async () => {
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    expect(Subnets).toHaveLength(6);
    const tag = (subnet: NonNullable<typeof Subnets>[number], key: string) =>
      subnet.Tags?.find((t) => t.Key === key)?.Value;
    const publicOnes = Subnets!.filter((subnet) => subnet.MapPublicIpOnLaunch);
    expect(publicOnes).toHaveLength(3);
    expect(publicOnes.every((subnet) => tag(subnet, 'kubernetes.io/role/elb') === '1')).toBe(true);
    const privateOnes = Subnets!.filter((subnet) => !subnet.MapPublicIpOnLaunch);
    expect(
      privateOnes.every((subnet) => tag(subnet, 'kubernetes.io/role/internal-elb') === '1'),
    ).toBe(true);
    const filtered = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: 'map-public-ip-on-launch', Values: ['false'] }],
      }),
    );
    expect(filtered.Subnets!.map((s) => s.SubnetId).sort()).toEqual(
      privateOnes.map((s) => s.SubnetId).sort(),
    );
    const missing = await failure(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })),
    );
    expect(missing.name).toBe('InvalidSubnetID.NotFound');
  });

  it('injects faults per service: throttling is retried, errors surface', async () => {
    sandbox.faults.set([{ service: 'ec2', throttleRate: 1, times: 1 }]);
    const retried = await ec2.send(new DescribeSubnetsCommand({}));
    expect(retried.$metadata.attempts).toBe(2);
    sandbox.faults.set([
      {
        service: 'autoscaling',
        operation: 'DescribeAutoScalingGroups',
        errorStatus: 500,
        errorCode: 'InternalFailure',
        times: 3,
      },
    ]);
    const broken = await failure(asg.send(new DescribeAutoScalingGroupsCommand({})));
    expect(broken.name).toBe('InternalFailure');
    sandbox.faults.clear();
  });
});

describe('the compute admin API', () => {
  it('lists a cluster instances as JSON', async () => {
    const response = await fetch(
      `${sandbox.endpoint}/_sandbox/instances?accountId=123456789012&region=us-east-1&cluster=platform-tools`,
    );
    expect(response.status).toBe(200);
    const instances = (await response.json()) as Array<Record<string, unknown>>;
    expect(instances).toHaveLength(2);
    expect(instances[0]).toMatchObject({
      accountId: '123456789012',
      region: 'us-east-1',
      state: 'running',
      tags: { 'eks:cluster-name': 'platform-tools', 'eks:nodegroup-name': 'system' },
    });
    expect(Date.parse(instances[0]!.launchTime as string)).not.toBeNaN();
    const tick = await fetch(`${sandbox.endpoint}/_sandbox/tick`, { method: 'POST' });
    expect(tick.status).toBe(200);
  });
});
