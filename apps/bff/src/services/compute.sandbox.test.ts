import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  ChangeResult,
  ClusterCompute,
  ClusterDetail,
  FargateMatch,
  NodegroupDetail,
  Problem,
} from '@wheelhouse/contract';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let operator: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/eu-west-1/checkout-eu`;
const PLATFORM = `/api/clusters/${HOME}/us-east-1/platform-tools`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 100 });
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

let tokens = 0;
const token = () => `compute-test-${++tokens}`;
const nodegroup = (path: string, name: string) =>
  operator.json<NodegroupDetail>(`${path}/nodegroups/${name}`);
const problem = async (response: Response) => (await response.json()) as Problem;
const until = <T>(probe: () => Promise<T | false | undefined>) =>
  c.sandbox!.waitFor(probe, { timeoutMs: 30_000 });

describe('the Compute tab', () => {
  it('lists managed node groups with their instances, self-managed groups with uniformity, and Fargate overlaps', async () => {
    const prod = await operator.json<ClusterDetail>(
      `/api/clusters/${HOME}/us-east-1/checkout-prod`,
    );
    expect(prod).toMatchObject({ name: 'checkout-prod', region: 'us-east-1', status: 'ACTIVE' });
    const compute = await operator.json<ClusterCompute>(
      `/api/clusters/${HOME}/us-east-1/checkout-prod/compute`,
    );
    expect(compute.errors).toEqual([]);
    expect(compute.nodegroups.map((ng) => ng.name)).toEqual([
      'arm-workers',
      'general-od',
      'spot-burst',
    ]);
    for (const ng of compute.nodegroups) expect(ng.currentInstances).toBe(ng.scaling.desiredSize);
    expect(compute.nodegroups.find((ng) => ng.name === 'spot-burst')!.capacityType).toBe('SPOT');
    const [legacy] = compute.selfManaged;
    expect(legacy!.uniformity.uniform).toBe(false);
    expect(legacy!.uniformity.outliers.length).toBeGreaterThan(0);

    const platform = await operator.json<ClusterCompute>(`${PLATFORM}/compute`);
    expect(platform.fargateOverlaps.length).toBeGreaterThan(0);
    const match = await operator.json<FargateMatch>(
      `${PLATFORM}/fargate-match?namespace=${platform.fargateOverlaps[0]!.namespace}&${Object.entries(
        platform.fargateOverlaps[0]!.labels,
      )
        .map(([k, v]) => `label=${encodeURIComponent(`${k}=${v}`)}`)
        .join('&')}`,
    );
    expect(match.random).toBe(true);
  });

  it('reports an EC2 failure as an error of that part, and still shows the node groups', async () => {
    c.sandbox!.faults.add({
      service: 'ec2',
      operation: 'DescribeInstances',
      errorCode: 'UnauthorizedOperation',
      errorStatus: 403,
      errorMessage: 'You are not authorized to perform this operation.',
    });
    try {
      const compute = await operator.json<ClusterCompute>(`${CHECKOUT}/compute`);
      expect(compute.nodegroups.length).toBe(2);
      expect(compute.errors).toEqual([
        expect.objectContaining({
          code: 'UnauthorizedOperation',
          message: 'EC2 DescribeInstances: You are not authorized to perform this operation.',
        }),
      ]);
    } finally {
      c.sandbox!.faults.clear();
    }
  });
});

describe('operator changes to node groups', () => {
  it('scales a node group as the operator: instances launch, CloudTrail names the person, the audit log has it', async () => {
    const before = await nodegroup(CHECKOUT, 'spot');
    const from = before.nodegroup.scaling.desiredSize;
    const response = await operator.request('POST', `${CHECKOUT}/nodegroups/spot/scaling`, {
      minSize: 1,
      maxSize: 6,
      desiredSize: from + 2,
      clientRequestToken: token(),
    });
    expect(response.status).toBe(202);
    const { update, auditId } = (await response.json()) as ChangeResult;
    expect(update).toMatchObject({ type: 'ConfigUpdate', status: 'InProgress' });
    expect(auditId).toBeGreaterThan(0);

    const after = await until(async () => {
      const detail = await nodegroup(CHECKOUT, 'spot');
      const running = detail.instances.filter(
        (i) => i.state === 'running' && i.lifecycleState === 'InService',
      );
      return running.length === from + 2 && detail;
    });
    expect(after.instances.every((i) => i.lifecycle === 'spot')).toBe(true);
    expect(after.updates[0]).toMatchObject({ id: update!.id });

    const event = c.sandbox!.trail.find((e) => e.eventName === 'UpdateNodegroupConfig');
    expect(event?.sourceIdentity).toBe('operator');
    expect(event?.userIdentity.arn).toMatch(
      /assumed-role\/WheelhouseConsole\/wheelhouse-operator$/,
    );
    const audit = await operator.json<AuditPage>('/api/audit?action=nodegroup.scale');
    expect(audit.items[0]).toMatchObject({
      user: 'operator',
      outcome: 'success',
      params: { minSize: 1, maxSize: 6, desiredSize: from + 2 },
    });
    expect(audit.items[0]!.requestId).toBe(event?.requestID);
  });

  it('applies a retried click once: the same clientRequestToken returns the same update', async () => {
    await until(async () => (await nodegroup(CHECKOUT, 'general')).nodegroup.status === 'ACTIVE');
    const body = { addOrUpdateLabels: { tier: 'web' }, clientRequestToken: token() };
    const first = (await (
      await operator.request('POST', `${CHECKOUT}/nodegroups/general/labels-taints`, body)
    ).json()) as ChangeResult;
    const again = (await (
      await operator.request('POST', `${CHECKOUT}/nodegroups/general/labels-taints`, body)
    ).json()) as ChangeResult;
    expect(again.update?.id).toBe(first.update?.id);
    expect(
      c.sandbox!.trail.filter(
        (e) =>
          e.eventName === 'UpdateNodegroupConfig' &&
          e.requestParameters?.clientRequestToken === body.clientRequestToken,
      ).length,
    ).toBe(2);
    const updates = (await nodegroup(CHECKOUT, 'general')).updates.filter(
      (u) => u.id === first.update?.id,
    );
    expect(updates).toHaveLength(1);
  });

  it("shows EKS's own error when another update is in progress", async () => {
    await until(async () => (await nodegroup(CHECKOUT, 'general')).nodegroup.status === 'ACTIVE');
    const start = await operator.request('POST', `${CHECKOUT}/nodegroups/general/labels-taints`, {
      addOrUpdateTaints: [{ key: 'dedicated', value: 'checkout', effect: 'NO_SCHEDULE' }],
      clientRequestToken: token(),
    });
    expect(start.status).toBe(202);
    const clash = await operator.request('POST', `${CHECKOUT}/nodegroups/general/scaling`, {
      minSize: 1,
      maxSize: 5,
      desiredSize: 3,
      clientRequestToken: token(),
    });
    expect(clash.status).toBe(409);
    const body = await problem(clash);
    expect(body.awsCode).toBe('ResourceInUseException');
    expect(body.detail).toMatch(/general/);
    const audit = await operator.json<AuditPage>(
      '/api/audit?action=nodegroup.scale&outcome=failure',
    );
    // The failed change's entry is completed (never left pending) with EKS's own words.
    expect(audit.items[0]).toMatchObject({ action: 'nodegroup.scale', outcome: 'failure' });
    expect(audit.items[0]!.error).toContain('ResourceInUseException');
    expect(audit.items[0]!.error).toContain(body.detail);
    const tainted = await until(async () => {
      const detail = await nodegroup(CHECKOUT, 'general');
      return (
        detail.nodegroup.status === 'ACTIVE' &&
        detail.nodegroup.taints.some((t) => t.key === 'dedicated') &&
        detail
      );
    });
    expect(tainted.nodegroup.taints).toContainEqual({
      key: 'dedicated',
      value: 'checkout',
      effect: 'NO_SCHEDULE',
    });
  });

  it('refuses inconsistent sizes before calling EKS, naming the field', async () => {
    const response = await operator.request('POST', `${CHECKOUT}/nodegroups/general/scaling`, {
      minSize: 5,
      maxSize: 6,
      desiredSize: 2,
      clientRequestToken: token(),
    });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.field)).toContain('desiredSize');
  });

  it('creates a node group and deletes it after the name is typed', async () => {
    const cluster = await operator.json<ClusterDetail>(CHECKOUT);
    const created = await operator.request('POST', `${CHECKOUT}/nodegroups`, {
      name: 'batch-spot',
      nodeRole: `arn:aws:iam::${HOME}:role/eks-node-role`,
      subnets: cluster.networking.subnetIds.slice(0, 2),
      instanceTypes: ['m6i.large'],
      capacityType: 'SPOT',
      scaling: { minSize: 0, maxSize: 3, desiredSize: 1 },
      labels: { workload: 'batch' },
      clientRequestToken: token(),
    });
    expect(created.status).toBe(202);
    await until(
      async () => (await nodegroup(CHECKOUT, 'batch-spot')).nodegroup.status === 'ACTIVE',
    );
    expect(
      (
        await operator.request('DELETE', `${CHECKOUT}/nodegroups/batch-spot`, {
          confirmName: 'batch',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await operator.request('DELETE', `${CHECKOUT}/nodegroups/batch-spot`, {
          confirmName: 'batch-spot',
        })
      ).status,
    ).toBe(202);
    await until(
      async () =>
        (await operator.request('GET', `${CHECKOUT}/nodegroups/batch-spot`)).status === 404,
    );
  });
});

describe('operator changes to Fargate profiles', () => {
  const network = () => c.sandbox!.world.region(HOME, 'eu-west-1').network.subnets;
  const profile = (name: string, subnets: string[]) => ({
    name,
    podExecutionRoleArn: `arn:aws:iam::${HOME}:role/eks-fargate-pods`,
    subnets,
    selectors: [{ namespace: 'jobs', labels: { team: 'data' } }],
    clientRequestToken: token(),
  });

  it("refuses a public subnet with EKS's message, and six selectors before calling EKS", async () => {
    const publicSubnet = network().find((s) => s.public)!.id;
    const refused = await operator.request(
      'POST',
      `${CHECKOUT}/fargate-profiles`,
      profile('jobs', [publicSubnet]),
    );
    expect(refused.status).toBe(400);
    const body = await problem(refused);
    expect(body.awsCode).toBe('InvalidParameterException');
    expect(body.detail).toContain(publicSubnet);

    const many = {
      ...profile('jobs', [network().find((s) => !s.public)!.id]),
      selectors: Array.from({ length: 6 }, (_, i) => ({ namespace: `ns-${i}` })),
    };
    const tooMany = await operator.request('POST', `${CHECKOUT}/fargate-profiles`, many);
    expect(tooMany.status).toBe(400);
    expect((await problem(tooMany)).errors?.[0]).toEqual({
      field: 'selectors',
      message: 'at most 5 selectors',
    });
  });

  it('creates a profile that turns ACTIVE, and deletes it', async () => {
    const privateSubnets = network()
      .filter((s) => !s.public)
      .map((s) => s.id);
    expect(
      (
        await operator.request(
          'POST',
          `${CHECKOUT}/fargate-profiles`,
          profile('jobs', privateSubnets),
        )
      ).status,
    ).toBe(202);
    await until(async () =>
      (await operator.json<ClusterCompute>(`${CHECKOUT}/compute`)).fargateProfiles.find(
        (p) => p.name === 'jobs' && p.status === 'ACTIVE',
      ),
    );
    expect(
      (
        await operator.request('DELETE', `${CHECKOUT}/fargate-profiles/jobs`, {
          confirmName: 'jobs',
        })
      ).status,
    ).toBe(202);
    await until(
      async () =>
        !(await operator.json<ClusterCompute>(`${CHECKOUT}/compute`)).fargateProfiles.some(
          (p) => p.name === 'jobs',
        ),
    );
    const audit = await operator.json<AuditPage>(
      '/api/audit?target=fargateprofile/checkout-eu/jobs',
    );
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'fargate.delete:success',
      'fargate.create:success',
      'fargate.create:failure',
    ]);
  });
});
