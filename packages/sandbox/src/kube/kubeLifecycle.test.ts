import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClusterCommand,
  UpdateNodegroupConfigCommand,
} from '@aws-sdk/client-eks';
import { startSandbox, type Sandbox } from '../index.ts';
import { accountKeys, eksClient } from '../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../testing/kubeClients.ts';
import type { KubeEvent, Node, Pod } from './objects/types.ts';

/**
 * Kubernetes following the EKS lifecycle, at speed 100: a deployment that
 * outgrows its nodes runs once the node group is scaled through the EKS API
 * (EC2 launches instances, they join as nodes); a created cluster serves
 * once ACTIVE and stops serving when deleted.
 */

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 100 });
});
afterAll(() => sandbox.close());

describe('scaling a node group', () => {
  it('turns Pending pods into Running ones once the new nodes join', async () => {
    const dev = accountKeys(sandbox, 1);
    const access = await clusterAccess(sandbox, dev, 'dev-eu', 'eu-west-1');
    // The home account's user has a view entry on every demo cluster, the dev account's included.
    const token = await eksBearerToken(accountKeys(sandbox), {
      clusterName: 'dev-eu',
      region: 'eu-west-1',
    });
    const list = async <T>(path: string) =>
      (await kubeRequest(access.endpoint, access.ca, token, path)).json<{ items: T[] }>().items;
    const initialNodes = await list<Node>('/api/v1/nodes');
    expect(
      initialNodes.filter((n) => n.metadata.labels?.['eks.amazonaws.com/nodegroup'] === 'general'),
    ).toHaveLength(1);

    const scaled = await fetch(
      `${sandbox.endpoint}/_sandbox/clusters/210987654321/eu-west-1/dev-eu/deployments/platform/config-service/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: 24 }),
      },
    );
    expect(scaled.status).toBe(200);
    const configPods = () =>
      list<Pod>('/api/v1/namespaces/platform/pods?labelSelector=app%3Dconfig-service');
    await sandbox.waitFor(async () => (await configPods()).length === 24, { timeoutMs: 10_000 });
    const pending = await sandbox.waitFor(
      async () => {
        const pods = (await configPods()).filter((pod) =>
          pod.status.conditions?.some(
            (c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable',
          ),
        );
        return pods.length > 0 && pods;
      },
      { timeoutMs: 10_000 },
    );
    const events = await list<KubeEvent>(
      `/api/v1/namespaces/platform/events?fieldSelector=involvedObject.name%3D${pending[0]!.metadata.name},reason%3DFailedScheduling`,
    );
    expect(events[0]?.message).toMatch(/^0\/\d+ nodes are available: .*Insufficient cpu/);

    await eksClient(sandbox, dev, 'eu-west-1').send(
      new UpdateNodegroupConfigCommand({
        clusterName: 'dev-eu',
        nodegroupName: 'general',
        scalingConfig: { desiredSize: 3 },
      }),
    );
    await sandbox.waitFor(
      async () => (await configPods()).every((pod) => pod.status.phase === 'Running'),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const nodes = (await list<Node>('/api/v1/nodes')).filter(
      (n) => n.metadata.labels?.['eks.amazonaws.com/nodegroup'] === 'general',
    );
    expect(nodes).toHaveLength(3);
    const newNodes = nodes.filter(
      (node) => !initialNodes.some((old) => old.metadata.name === node.metadata.name),
    );
    const running = await configPods();
    expect(
      running.filter((pod) => newNodes.some((node) => node.metadata.name === pod.spec.nodeName))
        .length,
    ).toBeGreaterThan(0);
  });
});

describe('a cluster created through the EKS API', () => {
  it('gives a created cluster an API once ACTIVE, cluster-admin for its creator, and stops it when the cluster is gone', async () => {
    const home = accountKeys(sandbox);
    const eks = eksClient(sandbox, home);
    const subnetIds = sandbox.world
      .region('123456789012', 'us-east-1')
      .network.subnets.slice(0, 2)
      .map((subnet) => subnet.id);
    const created = await eks.send(
      new CreateClusterCommand({
        name: 'kube-lifecycle',
        roleArn: 'arn:aws:iam::123456789012:role/AmazonEKSClusterRole',
        resourcesVpcConfig: { subnetIds },
        accessConfig: { authenticationMode: 'API' },
      }),
    );
    expect(created.cluster?.endpoint).toBeUndefined();
    await sandbox.waitFor(
      async () =>
        (await eks.send(new DescribeClusterCommand({ name: 'kube-lifecycle' }))).cluster?.status ===
        'ACTIVE',
      { timeoutMs: 10_000 },
    );
    const access = await clusterAccess(sandbox, home, 'kube-lifecycle');
    const token = await eksBearerToken(home, { clusterName: 'kube-lifecycle' });
    const namespace = await kubeRequest(access.endpoint, access.ca, token, '/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    });
    expect(namespace.status, namespace.body).toBe(201);
    expect(namespace.json()).toMatchObject({
      metadata: { name: 'team-a', uid: expect.any(String) },
      status: { phase: 'Active' },
    });
    const coredns = await sandbox.waitFor(async () => {
      const pods = (
        await kubeRequest(
          access.endpoint,
          access.ca,
          token,
          '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns',
        )
      ).json<{ items: Pod[] }>().items;
      return pods.length === 2 && pods;
    });
    // No node group yet: nothing can run.
    expect(coredns.map((pod) => pod.status.phase)).toEqual(['Pending', 'Pending']);

    await eks.send(new DeleteClusterCommand({ name: 'kube-lifecycle' }));
    await sandbox.waitFor(
      async () => {
        try {
          await kubeRequest(access.endpoint, access.ca, token, '/version');
          return false;
        } catch (error) {
          return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
        }
      },
      { timeoutMs: 10_000 },
    );
  });
});
