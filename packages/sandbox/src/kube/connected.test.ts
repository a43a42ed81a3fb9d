import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { DescribeClusterCommand, RegisterClusterCommand } from '@aws-sdk/client-eks';
import { AppsV1Api, CoreV1Api, KubeConfig, Log, Watch } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from '../index.ts';
import { accountKeys, eksClient } from '../testing/awsClients.ts';
import { clusterAccess, eksBearerToken } from '../testing/kubeClients.ts';

/** EKS Connector's agent simulation, and @kubernetes/client-node as a second real client. */

let sandbox: Sandbox;

async function connect(target: Sandbox, accountId: string, region: string, name: string) {
  const response = await fetch(
    `${target.endpoint}/_sandbox/clusters/${accountId}/${region}/${name}/connect`,
    { method: 'POST' },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('connected clusters', () => {
  it('turn ACTIVE when their agent connects, and serve their API to the kubeconfig the sandbox hands out', async () => {
    const dev = eksClient(sandbox, accountKeys(sandbox, 1), 'eu-west-1');
    const before = await dev.send(new DescribeClusterCommand({ name: 'aks-partner' }));
    expect(before.cluster?.status).toBe('PENDING');
    expect(
      await sandbox.connectedKubeconfig('210987654321', 'eu-west-1', 'aks-partner'),
    ).toBeUndefined();

    const connected = await connect(sandbox, '210987654321', 'eu-west-1', 'aks-partner');
    expect(connected).toMatchObject({
      status: 200,
      body: { status: 'ACTIVE', endpoint: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) },
    });
    expect(
      (await dev.send(new DescribeClusterCommand({ name: 'aks-partner' }))).cluster?.status,
    ).toBe('ACTIVE');
    expect((await connect(sandbox, '210987654321', 'eu-west-1', 'aks-partner')).status).toBe(409);

    const config = await sandbox.connectedKubeconfig('210987654321', 'eu-west-1', 'aks-partner');
    expect(config?.['current-context']).toBeDefined();
    const kc = new KubeConfig();
    kc.loadFromString(JSON.stringify(config));
    const core = kc.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((node) => node.metadata?.name)).toEqual([
      expect.stringMatching(/^aks-nodepool1-\d{8}-vmss000000$/),
      expect.stringMatching(/^aks-nodepool1-\d{8}-vmss000001$/),
      expect.stringMatching(/^aks-nodepool1-\d{8}-vmss000002$/),
    ]);
    expect(nodes.items[0]?.metadata?.labels?.['kubernetes.azure.com/agentpool']).toBe('nodepool1');
    const agent = await core.listNamespacedPod({ namespace: 'eks-connector' });
    expect(agent.items.map((pod) => [pod.metadata?.name, pod.status?.phase])).toEqual([
      ['eks-connector-0', 'Running'],
      ['eks-connector-1', 'Running'],
    ]);
    const wrongToken = new KubeConfig();
    wrongToken.loadFromString(
      JSON.stringify({
        ...config,
        users: [{ name: config!.users[0]!.name, user: { token: 'nope' } }],
      }),
    );
    await expect(wrongToken.makeApiClient(CoreV1Api).listNode()).rejects.toMatchObject({
      code: 401,
    });
  });

  it('fail instead once their activation has expired, as EKS Connector registrations do', async () => {
    let now = new Date('2026-11-26T12:00:00Z');
    const other = await startSandbox({ world: 'empty', now: () => now });
    try {
      const eks = eksClient(other, accountKeys(other));
      await eks.send(
        new RegisterClusterCommand({
          name: 'on-prem',
          connectorConfig: {
            provider: 'OTHER',
            roleArn: 'arn:aws:iam::123456789012:role/AmazonEKSConnectorAgentRole',
          },
        }),
      );
      now = new Date(now.getTime() + 3 * 86_400_000 + 60_000);
      const late = await connect(other, '123456789012', 'us-east-1', 'on-prem');
      expect(late.status).toBe(409);
      expect(String(late.body.message)).toMatch(/activation of on-prem expired/);
      expect(
        (await eks.send(new DescribeClusterCommand({ name: 'on-prem' }))).cluster?.status,
      ).toBe('FAILED');
    } finally {
      await other.close();
    }
  });
});

describe('@kubernetes/client-node against an EKS cluster', () => {
  it('lists, watches and reads logs with an EKS token', async () => {
    const home = accountKeys(sandbox);
    const { endpoint, ca } = await clusterAccess(sandbox, home, 'checkout-prod');
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: 'checkout-prod',
          server: endpoint,
          caData: Buffer.from(ca).toString('base64'),
          skipTLSVerify: false,
        },
      ],
      users: [
        { name: 'home', token: await eksBearerToken(home, { clusterName: 'checkout-prod' }) },
      ],
      contexts: [{ name: 'checkout-prod', cluster: 'checkout-prod', user: 'home' }],
      currentContext: 'checkout-prod',
    });
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({
      namespace: 'payments',
      labelSelector: 'app=checkout-api',
    });
    expect(pods.items.length).toBeGreaterThanOrEqual(3);
    expect(
      pods.items.every((pod) => pod.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet'),
    ).toBe(true);
    const hpa = (
      await kc
        .makeApiClient(AppsV1Api)
        .readNamespacedDeployment({ namespace: 'payments', name: 'checkout-api' })
    ).status;
    expect(hpa?.readyReplicas).toBe(pods.items.length);

    const events: Array<{ phase: string; name: string; replicas: number }> = [];
    const list = await kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: 'web' });
    const watching = await new Watch(kc).watch(
      '/apis/apps/v1/namespaces/web/deployments',
      { resourceVersion: list.metadata!.resourceVersion! },
      (phase, object: { metadata: { name: string }; spec: { replicas: number } }) =>
        events.push({ phase, name: object.metadata.name, replicas: object.spec.replicas }),
      () => undefined,
    );
    await fetch(
      `${sandbox.endpoint}/_sandbox/clusters/123456789012/us-east-1/checkout-prod/deployments/web/storefront/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: 6 }),
      },
    );
    await sandbox.waitFor(
      () => events.find((event) => event.phase === 'MODIFIED' && event.replicas === 6),
      { timeoutMs: 5_000 },
    );
    watching.abort();

    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    // client-node pipes the response into the sink, which finishes when the log ends.
    const finished = new Promise<void>((resolve) => sink.on('finish', () => resolve()));
    await new Log(kc).log('payments', pods.items[0]!.metadata!.name!, 'checkout-api', sink, {
      tailLines: 4,
    });
    await finished;
    expect(text.trimEnd().split('\n')).toHaveLength(4);
  });
});
