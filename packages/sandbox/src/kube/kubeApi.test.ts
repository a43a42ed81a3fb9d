import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
} from '@aws-sdk/client-eks';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from '../index.ts';
import { accountKeys, eksClient, stsClient, type TestCredentials } from '../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest, streamLines } from '../testing/kubeClients.ts';
import type { Node, Pod } from './objects/types.ts';

/** The Kubernetes API of seeded clusters, through raw HTTPS as any client speaks it. */

let sandbox: Sandbox;
let home: TestCredentials;
let checkout: { endpoint: string; ca: string };
let homeToken: string;

const UNAUTHORIZED = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
};

async function get<T = Record<string, unknown>>(
  path: string,
  token = homeToken,
  access = checkout,
): Promise<T> {
  const response = await kubeRequest(access.endpoint, access.ca, token, path);
  expect(response.status, `${path}: ${response.body}`).toBe(200);
  return response.json<T>();
}

async function adminPost(
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.endpoint}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  home = accountKeys(sandbox);
  checkout = await clusterAccess(sandbox, home, 'checkout-prod');
  homeToken = await eksBearerToken(home, { clusterName: 'checkout-prod' });
});
afterAll(() => sandbox.close());

describe('a cluster API server', () => {
  it("serves DescribeCluster's endpoint with a certificate from the cluster's CA, and one node per running instance", async () => {
    expect(checkout.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const version = await get<{ gitVersion: string }>('/version');
    expect(version.gitVersion).toMatch(/^v1\.34\.2-eks-[0-9a-f]{7}$/);
    const nodes = await get<{ items: Node[] }>('/api/v1/nodes');
    const instances = sandbox.world.ec2
      .instances('123456789012', 'us-east-1')
      .filter((i) => i.state === 'running' && i.tags['kubernetes.io/cluster/checkout-prod']);
    expect(nodes.items.map((node) => node.metadata.name).sort()).toEqual(
      instances.map((i) => i.privateDnsName).sort(),
    );
    const spot = nodes.items.find(
      (node) => node.metadata.labels?.['eks.amazonaws.com/nodegroup'] === 'spot-burst',
    )!;
    expect(spot.metadata.labels).toMatchObject({
      'eks.amazonaws.com/capacityType': 'SPOT',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'node.kubernetes.io/instance-type': expect.stringMatching(/large$/),
      'topology.kubernetes.io/zone': expect.stringMatching(/^us-east-1[abc]$/),
    });
    expect(spot.spec.taints).toContainEqual({
      key: 'lifecycle',
      value: 'spot',
      effect: 'PreferNoSchedule',
    });
    expect(spot.status.allocatable.pods).toBe('29');
  });

  it("answers 401 Unauthorized to no token, an expired token, another cluster's token and a bad signature", async () => {
    const tokens = [
      undefined,
      await eksBearerToken(home, {
        clusterName: 'checkout-prod',
        signingDate: new Date(Date.now() - 16 * 60_000),
      }),
      await eksBearerToken(home, { clusterName: 'search-prod' }),
      await eksBearerToken({ ...home, secretAccessKey: 'wrong' }, { clusterName: 'checkout-prod' }),
    ];
    for (const token of tokens) {
      const response = await kubeRequest(checkout.endpoint, checkout.ca, token, '/api/v1/pods');
      expect(response.status).toBe(401);
      expect(response.json()).toEqual(UNAUTHORIZED);
    }
  });

  it('describes its resources for discovery, with short names and verbs', async () => {
    const core = await get<{
      resources: Array<{
        name: string;
        shortNames?: string[];
        verbs: string[];
        namespaced: boolean;
      }>;
    }>('/api/v1');
    expect(core.resources.find((r) => r.name === 'pods')).toMatchObject({
      shortNames: ['po'],
      namespaced: true,
    });
    expect(core.resources.find((r) => r.name === 'pods/log')?.verbs).toEqual(['get']);
    expect(core.resources.find((r) => r.name === 'nodes')).toMatchObject({
      shortNames: ['no'],
      namespaced: false,
    });
    const groups = await get<{ groups: Array<{ name: string }> }>('/apis');
    expect(groups.groups.map((g) => g.name).sort()).toEqual([
      'apiextensions.k8s.io',
      'apps',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'autoscaling',
      'autoscaling.k8s.io',
      'batch',
      'coordination.k8s.io',
      'discovery.k8s.io',
      'metrics.k8s.io',
      'networking.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'scheduling.k8s.io',
      'storage.k8s.io',
    ]);
    // PodDisruptionBudgets (policy/v1), which a drain honours, are served and seeded.
    const budgets = await get<{
      items: Array<{ metadata: { name: string }; spec: Record<string, unknown> }>;
    }>('/apis/policy/v1/namespaces/payments/poddisruptionbudgets');
    expect(
      budgets.items.map((b) => [b.metadata.name, b.spec.minAvailable ?? b.spec.maxUnavailable]),
    ).toEqual([
      ['checkout-api', 2],
      ['payments-gateway', 1],
    ]);
    const autoscaling = await get<{ resources: Array<{ name: string; shortNames?: string[] }> }>(
      '/apis/autoscaling/v2',
    );
    expect(autoscaling.resources[0]).toMatchObject({
      name: 'horizontalpodautoscalers',
      shortNames: ['hpa'],
    });
  });

  it("answers kubectl's Table requests with its columns (wide ones at priority 1)", async () => {
    const response = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/api/v1/namespaces/payments/pods',
      {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      },
    );
    const table = response.json<{
      kind: string;
      columnDefinitions: Array<{ name: string; priority: number }>;
      rows: Array<{ cells: unknown[]; object: { metadata: { name: string } } }>;
    }>();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Ready:0',
      'Status:0',
      'Restarts:0',
      'Age:0',
      'IP:1',
      'Node:1',
      'Nominated Node:1',
      'Readiness Gates:1',
    ]);
    const notifier = table.rows.find((row) => String(row.cells[0]).startsWith('notifier-'))!;
    expect(notifier.cells[2]).toBe('CrashLoopBackOff');
    expect(notifier.cells[3]).toMatch(/^\d+ \(\d+[sm]\d*s? ago\)$/);
    expect(
      table.rows.find((row) => String(row.cells[0]).startsWith('fraud-scorer-'))!.cells[2],
    ).toBe('ImagePullBackOff');
  });

  it('answers metadata-only lists (PartialObjectMetadataList) without specs, paged as the full list', async () => {
    const ask = (path: string) =>
      kubeRequest(checkout.endpoint, checkout.ca, homeToken, path, {
        accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
      });
    const list = (await ask('/api/v1/namespaces/payments/pods?limit=2')).json<{
      kind: string;
      apiVersion: string;
      metadata: { continue?: string };
      items: Array<{ kind: string; metadata: { name: string; labels?: object }; spec?: unknown }>;
    }>();
    expect(list).toMatchObject({ kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1' });
    expect(list.items).toHaveLength(2);
    expect(list.metadata.continue).toBeTruthy();
    for (const item of list.items) {
      expect(item.kind).toBe('PartialObjectMetadata');
      expect(item.metadata.labels).toBeDefined();
      expect(item.spec).toBeUndefined();
    }
    const full = await get<{ items: Array<{ metadata: { name: string } }> }>(
      '/api/v1/namespaces/payments/pods?limit=2',
    );
    expect(list.items.map((item) => item.metadata.name)).toEqual(
      full.items.map((item) => item.metadata.name),
    );
  });
});

describe('the resource metrics API (metrics.k8s.io, as metrics-server serves it)', () => {
  interface Usage {
    cpu: string;
    memory: string;
  }

  it('is in discovery, and lists and gets node and pod usage from the simulated load', async () => {
    const resources = await get<{ resources: Array<Record<string, unknown>> }>(
      '/apis/metrics.k8s.io/v1beta1',
    );
    expect(resources.resources).toEqual([
      expect.objectContaining({ name: 'nodes', kind: 'NodeMetrics', namespaced: false }),
      expect.objectContaining({ name: 'pods', kind: 'PodMetrics', namespaced: true }),
    ]);
    const nodes = await get<{ kind: string; items: Array<Record<string, unknown>> }>(
      '/apis/metrics.k8s.io/v1beta1/nodes',
    );
    expect(nodes.kind).toBe('NodeMetricsList');
    const stored = await get<{ items: Node[] }>('/api/v1/nodes');
    expect(nodes.items.map((item) => (item.metadata as { name: string }).name).sort()).toEqual(
      stored.items.map((node) => node.metadata.name).sort(),
    );
    const first = nodes.items[0] as { metadata: { name: string }; usage: Usage };
    expect(first).toMatchObject({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      window: expect.stringMatching(/^\d+(\.\d+)?s$/),
      usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) },
    });
    const one = await get<{ usage: Usage }>(
      `/apis/metrics.k8s.io/v1beta1/nodes/${first.metadata.name}`,
    );
    expect(one.usage.cpu).toMatch(/^\d+n$/);

    const pods = await get<{
      items: Array<{
        metadata: { name: string; namespace: string };
        containers: Array<{ name: string; usage: Usage }>;
      }>;
    }>('/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods');
    const api = pods.items.find((item) => item.metadata.name.startsWith('checkout-api-'))!;
    expect(api.metadata.namespace).toBe('payments');
    expect(api.containers[0]).toEqual({
      name: expect.any(String),
      usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) },
    });
    expect(Number.parseInt(api.containers[0]!.usage.cpu, 10)).toBeGreaterThan(0);
    const missing = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods/no-such-pod',
    );
    expect(missing.status).toBe(404);
  });
});

describe('the Vertical Pod Autoscaler (a CRD)', () => {
  interface VpaList {
    items: Array<{
      metadata: { name: string };
      spec: { targetRef: { kind: string; name: string }; updatePolicy: { updateMode: string } };
      status: {
        recommendation?: {
          containerRecommendations: Array<Record<string, Record<string, string>>>;
        };
        conditions?: Array<{ type: string; status: string }>;
      };
    }>;
  }

  it('is served, in discovery and with recommendations, where its CRD is installed', async () => {
    const crd = await get<{ spec: { group: string } }>(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/verticalpodautoscalers.autoscaling.k8s.io',
    );
    expect(crd.spec.group).toBe('autoscaling.k8s.io');
    const group = await get<{ preferredVersion: { groupVersion: string } }>(
      '/apis/autoscaling.k8s.io',
    );
    expect(group.preferredVersion.groupVersion).toBe('autoscaling.k8s.io/v1');
    const resources = await get<{ resources: Array<Record<string, unknown>> }>(
      '/apis/autoscaling.k8s.io/v1',
    );
    expect(resources.resources).toEqual([
      expect.objectContaining({
        name: 'verticalpodautoscalers',
        kind: 'VerticalPodAutoscaler',
        namespaced: true,
        shortNames: ['vpa'],
      }),
    ]);
    const all = await get<VpaList>('/apis/autoscaling.k8s.io/v1/verticalpodautoscalers');
    expect(
      all.items.map((vpa) => [
        vpa.metadata.name,
        `${vpa.spec.targetRef.kind}/${vpa.spec.targetRef.name}`,
        vpa.spec.updatePolicy.updateMode,
      ]),
    ).toEqual([
      ['payments-gateway', 'Deployment/payments-gateway', 'Off'],
      ['image-resizer', 'Deployment/image-resizer', 'Auto'],
    ]);
    const resizer = all.items.find((vpa) => vpa.metadata.name === 'image-resizer')!;
    const [container] = resizer.status.recommendation!.containerRecommendations;
    expect(container).toMatchObject({
      containerName: 'image-resizer',
      // Its policy caps CPU at 250m; it would want more at 140% of its 200m request.
      target: { cpu: '250m' },
      uncappedTarget: { cpu: expect.stringMatching(/^\d+m$/) },
    });
    expect(Number.parseInt(container!.uncappedTarget!.cpu!, 10)).toBeGreaterThan(250);
    expect(resizer.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'RecommendationProvided', status: 'True' }),
    );
  });

  it('is not found where its CRD is not installed', async () => {
    const platform = await clusterAccess(sandbox, home, 'platform-tools');
    const token = await eksBearerToken(home, { clusterName: 'platform-tools' });
    const groups = await get<{ groups: Array<{ name: string }> }>('/apis', token, platform);
    expect(groups.groups.map((g) => g.name)).not.toContain('autoscaling.k8s.io');
    for (const path of [
      '/apis/autoscaling.k8s.io/v1',
      '/apis/autoscaling.k8s.io/v1/verticalpodautoscalers',
    ]) {
      const response = await kubeRequest(platform.endpoint, platform.ca, token, path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe('Karpenter (CRDs on the clusters that run it)', () => {
  interface Conditioned {
    metadata: { name: string; labels?: Record<string, string> };
    status: { conditions?: Array<{ type: string; status: string }> };
  }
  interface NodePoolList {
    items: Array<
      Conditioned & {
        spec: {
          limits: Record<string, string>;
          disruption: { consolidationPolicy: string; consolidateAfter: string };
          template: { spec: { taints?: Array<{ key: string }> } };
        };
        status: { resources: Record<string, string> };
      }
    >;
  }
  interface NodeClaimList {
    items: Array<
      Conditioned & {
        status: { providerID: string; nodeName: string; capacity: Record<string, string> };
      }
    >;
  }
  const ready = (object: Conditioned) =>
    object.status.conditions?.find((c) => c.type === 'Ready')?.status;

  it('lists NodePools, NodeClaims and EC2NodeClasses, with nodes launched through them', async () => {
    const search = await clusterAccess(sandbox, home, 'search-prod');
    const token = await eksBearerToken(home, { clusterName: 'search-prod' });
    const read = <T>(path: string) => get<T>(path, token, search);
    const crds = await read<{ items: Array<{ metadata: { name: string } }> }>(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    );
    expect(crds.items.map((crd) => crd.metadata.name)).toEqual(
      expect.arrayContaining([
        'nodepools.karpenter.sh',
        'nodeclaims.karpenter.sh',
        'ec2nodeclasses.karpenter.k8s.aws',
      ]),
    );
    const core = await read<{ resources: Array<{ name: string; namespaced: boolean }> }>(
      '/apis/karpenter.sh/v1',
    );
    expect(core.resources.map((r) => [r.name, r.namespaced])).toEqual([
      ['nodepools', false],
      ['nodeclaims', false],
    ]);
    const aws = await read<{ resources: Array<{ name: string; shortNames: string[] }> }>(
      '/apis/karpenter.k8s.aws/v1',
    );
    expect(aws.resources).toEqual([
      expect.objectContaining({ name: 'ec2nodeclasses', shortNames: ['ec2nc', 'ec2ncs'] }),
    ]);

    const pools = await read<NodePoolList>('/apis/karpenter.sh/v1/nodepools');
    expect(pools.items.map((pool) => pool.metadata.name)).toEqual(['default', 'gpu']);
    const general = pools.items[0]!;
    expect(general.spec.limits).toEqual({ cpu: '1000', memory: '1000Gi' });
    expect(general.spec.disruption).toMatchObject({
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
    });
    expect(pools.items[1]!.spec.template.spec.taints).toEqual([
      expect.objectContaining({ key: 'nvidia.com/gpu' }),
    ]);
    // m6i.2xlarge + c6i.2xlarge + m6i.xlarge: 8 + 8 + 4 vCPUs on three nodes.
    expect(general.status.resources).toMatchObject({ cpu: '20', nodes: '3' });
    expect(ready(general)).toBe('True');

    const claims = await read<NodeClaimList>('/apis/karpenter.sh/v1/nodeclaims');
    expect(claims.items).toHaveLength(4);
    const nodes = await read<{ items: Node[] }>('/api/v1/nodes');
    for (const claim of claims.items) {
      expect(claim.metadata.name).toMatch(/^(default|gpu)-[a-z0-9]{5}$/);
      expect(claim.status.providerID).toMatch(/^aws:\/\/\/us-east-1[abc]\/i-0[0-9a-f]{16}$/);
      expect(ready(claim)).toBe('True');
      expect(claim.status.conditions?.map((c) => c.type)).toEqual([
        'Launched',
        'Registered',
        'Initialized',
        'Ready',
      ]);
      const node = nodes.items.find((n) => n.metadata.name === claim.status.nodeName)!;
      expect(node.spec.providerID).toBe(claim.status.providerID);
      expect(node.metadata.labels).toMatchObject({
        'karpenter.sh/nodepool': claim.metadata.labels!['karpenter.sh/nodepool'],
        'karpenter.sh/capacity-type': claim.metadata.labels!['karpenter.sh/capacity-type'],
        'node.kubernetes.io/instance-type':
          claim.metadata.labels!['node.kubernetes.io/instance-type'],
        'topology.kubernetes.io/zone': claim.metadata.labels!['topology.kubernetes.io/zone'],
        'karpenter.k8s.aws/instance-category': expect.stringMatching(/^[cmg]$/),
      });
    }
    const gpuNode = nodes.items.find((n) => n.metadata.labels?.['karpenter.sh/nodepool'] === 'gpu');
    expect(gpuNode?.spec.taints).toEqual([
      expect.objectContaining({ key: 'nvidia.com/gpu', effect: 'NoSchedule' }),
    ]);

    const classes = await read<{
      items: Array<Conditioned & { spec: { role: string }; status: { amis: unknown[] } }>;
    }>('/apis/karpenter.k8s.aws/v1/ec2nodeclasses');
    expect(classes.items.map((c) => [c.metadata.name, c.spec.role, ready(c)])).toEqual([
      ['default', 'KarpenterNodeRole-search-prod', 'True'],
    ]);
    expect(classes.items[0]!.status.amis).toHaveLength(2);
  });

  it('is not found on clusters without Karpenter', async () => {
    const response = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/apis/karpenter.sh/v1/nodepools',
    );
    expect(response.status).toBe(404);
  });
});

describe('authorization by EKS access entries', () => {
  it("lets a view-only role list, get, watch and read logs, and forbids create and delete with the API server's words", async () => {
    const { Credentials } = await stsClient(sandbox, home).send(
      new AssumeRoleCommand({
        RoleArn: sandbox.accounts[1]!.readOnlyRoleArn,
        RoleSessionName: 'auditor',
      }),
    );
    const viewer = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    const token = await eksBearerToken(viewer, { clusterName: 'checkout-prod' });
    const pods = await get<{ items: Pod[] }>('/api/v1/namespaces/payments/pods', token);
    const pod = pods.items.find((p) => p.metadata.name.startsWith('checkout-api-'))!;
    await get(`/api/v1/namespaces/payments/pods/${pod.metadata.name}`, token);
    const log = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      token,
      `/api/v1/namespaces/payments/pods/${pod.metadata.name}/log?tailLines=2`,
    );
    expect(log.status).toBe(200);
    const watch = streamLines(
      checkout.endpoint,
      checkout.ca,
      token,
      '/api/v1/namespaces/payments/pods?watch=true',
    );
    expect(await watch.status).toBe(200);
    await sandbox.waitFor(() => watch.lines.length > 0);
    watch.stop();
    expect(JSON.parse(watch.lines[0]!)).toMatchObject({ type: 'ADDED', object: { kind: 'Pod' } });

    const user = 'arn:aws:sts::210987654321:assumed-role/WheelhouseReadOnly/auditor';
    const create = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      token,
      '/api/v1/namespaces/default/pods',
      {
        method: 'POST',
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { containers: [{ name: 'x', image: 'x' }] },
        },
      },
    );
    expect(create.status).toBe(403);
    expect(create.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message: `pods is forbidden: User "${user}" cannot create resource "pods" in API group "" in the namespace "default"`,
    });
    const remove = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      token,
      '/apis/apps/v1/namespaces/payments/deployments/checkout-api',
      { method: 'DELETE' },
    );
    expect(remove.status).toBe(403);
    expect(remove.json<{ message: string }>().message).toBe(
      `deployments.apps "checkout-api" is forbidden: User "${user}" cannot delete resource "deployments" in API group "apps" in the namespace "payments"`,
    );
  });

  it('does not authenticate a caller with no access entry (401, as EKS), and forbids one whose entry grants nothing (403)', async () => {
    const owner = accountKeys(sandbox, 1);
    const qa = await clusterAccess(sandbox, owner, 'qa-integration');
    const token = await eksBearerToken(home, { clusterName: 'qa-integration' });
    const unmapped = await kubeRequest(qa.endpoint, qa.ca, token, '/api/v1/pods');
    expect(unmapped.status).toBe(401);
    expect(unmapped.json()).toEqual(UNAUTHORIZED);

    const principalArn = 'arn:aws:iam::123456789012:user/wheelhouse-sandbox';
    const eks = eksClient(sandbox, owner);
    await eks.send(new CreateAccessEntryCommand({ clusterName: 'qa-integration', principalArn }));
    try {
      const entered = await kubeRequest(qa.endpoint, qa.ca, token, '/api/v1/pods');
      expect(entered.status).toBe(403);
      expect(entered.json<{ message: string }>().message).toBe(
        `pods is forbidden: User "${principalArn}" cannot list resource "pods" in API group "" at the cluster scope`,
      );
    } finally {
      await eks.send(new DeleteAccessEntryCommand({ clusterName: 'qa-integration', principalArn }));
    }
  });

  it('reads aws-auth on a CONFIG_MAP cluster, and honours a policy associated through the EKS API', async () => {
    const legacy = await clusterAccess(sandbox, home, 'legacy-billing');
    const pods = await get<{ items: Pod[] }>(
      '/api/v1/namespaces/billing/pods',
      await eksBearerToken(home, { clusterName: 'legacy-billing' }),
      legacy,
    );
    expect(pods.items.length).toBeGreaterThan(0);

    await eksClient(sandbox, home).send(
      new AssociateAccessPolicyCommand({
        clusterName: 'checkout-prod',
        principalArn: 'arn:aws:iam::123456789012:user/wheelhouse-sandbox',
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
        accessScope: { type: 'namespace', namespaces: ['web'] },
      }),
    );
    const scaled = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/apis/apps/v1/namespaces/web/deployments/image-resizer/scale',
      {
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: 3 } },
      },
    );
    expect(scaled.status, scaled.body).toBe(200);
    expect(scaled.json()).toMatchObject({ kind: 'Scale', spec: { replicas: 3 } });
    const elsewhere = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/apis/apps/v1/namespaces/payments/deployments/notifier/scale',
      {
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: 0 } },
      },
    );
    expect(elsewhere.status).toBe(403);
  });
});

describe('lists and watches', () => {
  it('filters by label and field selectors', async () => {
    type PodList = { items: Pod[]; metadata: { resourceVersion: string } };
    const node = (await get<PodList>('/api/v1/pods')).items.find((pod) => pod.spec.nodeName)!.spec
      .nodeName!;
    const selections: [query: string, keep: (pod: Pod) => boolean][] = [
      ['labelSelector=app%3Dcheckout-api', (p) => p.metadata.labels?.app === 'checkout-api'],
      [
        `labelSelector=${encodeURIComponent('app in (storefront,notifier)')}`,
        (p) => ['storefront', 'notifier'].includes(p.metadata.labels?.app ?? ''),
      ],
      [
        `labelSelector=${encodeURIComponent('k8s-app,k8s-app!=kube-dns')}`,
        (p) =>
          p.metadata.labels?.['k8s-app'] !== undefined &&
          p.metadata.labels['k8s-app'] !== 'kube-dns',
      ],
      [
        `labelSelector=${encodeURIComponent('app notin (checkout-api),!k8s-app')}`,
        (p) =>
          p.metadata.labels?.app !== 'checkout-api' && p.metadata.labels?.['k8s-app'] === undefined,
      ],
      [`fieldSelector=spec.nodeName%3D${node}`, (p) => p.spec.nodeName === node],
      [
        'fieldSelector=status.phase%3DPending,metadata.namespace%3Dbatch',
        (p) => p.status.phase === 'Pending' && p.metadata.namespace === 'batch',
      ],
    ];
    const names = (items: Pod[]) => items.map((pod) => pod.metadata.name).sort();
    // The simulation keeps replacing pods (a scale-up from an earlier test may still be rolling),
    // so every selection is compared with a full list taken at the same resourceVersion.
    let all: PodList;
    let selected: PodList[];
    let attempts = 0;
    do {
      all = await get<PodList>('/api/v1/pods');
      selected = await Promise.all(
        selections.map(([query]) => get<PodList>(`/api/v1/pods?${query}`)),
      );
    } while (
      selected.some((list) => list.metadata.resourceVersion !== all.metadata.resourceVersion) &&
      ++attempts < 20
    );
    selections.forEach(([query, keep], index) => {
      expect(names(selected[index]!.items), query).toEqual(names(all.items.filter(keep)));
    });
    expect(selected.every((list) => list.items.length > 0)).toBe(true);
    expect(selected[5]!.items[0]?.metadata.name).toMatch(/^reporting-backfill-/);
    const unsupported = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/api/v1/pods?fieldSelector=spec.color%3Dblue',
    );
    expect(unsupported.status).toBe(400);
    expect(unsupported.json<{ message: string }>().message).toBe(
      'field label not supported: spec.color',
    );
  });

  it('pages with limit and opaque continue tokens through every pod exactly once', async () => {
    type PodPage = {
      items: Pod[];
      metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
    };
    // The simulation keeps changing pods: a full list and a first page at one resourceVersion show
    // the same snapshot, and every later page must keep to it whatever changes meanwhile.
    let all: PodPage;
    let page: PodPage;
    let attempts = 0;
    do {
      all = await get<PodPage>('/api/v1/pods');
      page = await get<PodPage>('/api/v1/pods?limit=7');
    } while (page.metadata.resourceVersion !== all.metadata.resourceVersion && ++attempts < 10);
    expect(page.metadata.resourceVersion).toBe(all.metadata.resourceVersion);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`));
      pages++;
      const next = page.metadata.continue;
      if (!next) break;
      expect(page.metadata.remainingItemCount).toBe(all.items.length - seen.length);
      page = await get<PodPage>(`/api/v1/pods?limit=7&continue=${next}`);
    }
    expect(pages).toBe(Math.ceil(all.items.length / 7));
    expect(seen).toEqual(all.items.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`));
    const garbage = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      '/api/v1/pods?limit=5&continue=bm9wZQ',
    );
    expect(garbage.status).toBe(400);
  });

  it('delivers a MODIFIED event after a change, from the resourceVersion of a list, with bookmarks', async () => {
    const list = await get<{ metadata: { resourceVersion: string } }>(
      '/apis/apps/v1/namespaces/payments/deployments',
    );
    const watch = streamLines(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      `/apis/apps/v1/namespaces/payments/deployments?watch=1&resourceVersion=${list.metadata.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=1`,
    );
    expect(await watch.status).toBe(200);
    const scaled = await adminPost(
      '/clusters/123456789012/us-east-1/checkout-prod/deployments/payments/payments-gateway/scale',
      { replicas: 5 },
    );
    expect(scaled.status).toBe(200);
    await watch.ended;
    const events = watch.lines.map(
      (line) =>
        JSON.parse(line) as {
          type: string;
          object: {
            metadata: { name: string; resourceVersion: string };
            spec?: { replicas: number };
          };
        },
    );
    const modified = events.find(
      (event) => event.type === 'MODIFIED' && event.object.metadata.name === 'payments-gateway',
    );
    expect(modified?.object.spec?.replicas).toBe(5);
    expect(Number(modified!.object.metadata.resourceVersion)).toBeGreaterThan(
      Number(list.metadata.resourceVersion),
    );
    expect(events.at(-1)?.type).toBe('BOOKMARK');
  });
});

describe('pod logs', () => {
  it('tails, shows the previous run of a crashing container, and follows new lines', async () => {
    const pods = await get<{ items: Pod[] }>('/api/v1/namespaces/payments/pods');
    const api = pods.items.find((pod) => pod.metadata.name.startsWith('checkout-api-'))!;
    const notifier = pods.items.find((pod) => pod.metadata.name.startsWith('notifier-'))!;
    const base = (pod: Pod) => `/api/v1/namespaces/payments/pods/${pod.metadata.name}/log`;
    const tail = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      `${base(api)}?tailLines=3&timestamps=true`,
    );
    expect(tail.headers['content-type']).toBe('text/plain');
    const lines = tail.body.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \{"time":/);
    const previous = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      `${base(notifier)}?previous=true`,
    );
    expect(previous.body).toContain('panic: failed to connect to database');
    const noPrevious = await kubeRequest(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      `${base(api)}?previous=true`,
    );
    expect(noPrevious.status).toBe(400);
    expect(noPrevious.json<{ message: string }>().message).toBe(
      `previous terminated container "checkout-api" in pod "${api.metadata.name}" not found`,
    );

    const follow = streamLines(
      checkout.endpoint,
      checkout.ca,
      homeToken,
      `${base(api)}?follow=true&tailLines=1`,
    );
    expect(await follow.status).toBe(200);
    await sandbox.waitFor(() => follow.lines.length >= 2, { timeoutMs: 10_000 });
    follow.stop();
    expect(JSON.parse(follow.lines[1]!)).toMatchObject({
      level: expect.any(String),
      path: expect.any(String),
    });
  });
});

describe('admin endpoints', () => {
  it('report what runs in a cluster and seed 10,000 pods that page quickly through limit/continue', async () => {
    const summary = await fetch(
      `${sandbox.endpoint}/_sandbox/clusters/210987654321/eu-west-1/dev-eu/kube`,
    );
    const body = (await summary.json()) as {
      endpoint: string;
      counts: { nodes: number; pods: number };
    };
    expect(body.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(body.counts.nodes).toBeGreaterThan(0);
    const seeded = await adminPost('/clusters/210987654321/eu-west-1/dev-eu/seed-pods', {
      count: 10_000,
    });
    expect(seeded.status).toBe(200);
    const devEu = await clusterAccess(sandbox, accountKeys(sandbox, 1), 'dev-eu', 'eu-west-1');
    const token = await eksBearerToken(home, { clusterName: 'dev-eu', region: 'eu-west-1' });
    let total = 0;
    let next: string | undefined;
    do {
      const page: { items: Pod[]; metadata: { continue?: string } } = await get(
        `/api/v1/pods?labelSelector=bench%3Dtrue&limit=2000${next ? `&continue=${next}` : ''}`,
        token,
        devEu,
      );
      total += page.items.length;
      next = page.metadata.continue;
    } while (next);
    expect(total).toBe(10_000);
    // Ten thousand writes later, the first changes are no longer held: watching from them answers 410.
    const gone = await kubeRequest(
      devEu.endpoint,
      devEu.ca,
      token,
      '/api/v1/pods?watch=true&resourceVersion=1&timeoutSeconds=2',
    );
    expect(JSON.parse(gone.body.trim())).toMatchObject({
      type: 'ERROR',
      object: { code: 410, reason: 'Expired' },
    });
    const load = await adminPost(
      '/clusters/123456789012/us-east-1/checkout-prod/deployments/payments/checkout-api/load',
      { cpuPercent: 150 },
    );
    expect(load.body).toMatchObject({ cpuPercent: 150, requestMillicoresPerPod: 250 });
    const wrong = await adminPost('/clusters/123456789012/us-east-1/analytics-next/seed-pods', {
      count: 1,
    });
    expect(wrong.status).toBe(409);
  });
});
