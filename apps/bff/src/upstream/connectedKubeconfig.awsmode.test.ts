import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EKSClient, RegisterClusterCommand } from '@aws-sdk/client-eks';
import type { PodList, Problem } from '@wheelhouse/contract';
import { startSandbox, type Sandbox } from '@wheelhouse/sandbox';
import { createUserStore } from '../auth/users.ts';
import { openDatabase } from '../db/database.ts';
import { startWheelhouse, type Wheelhouse } from '../server.ts';
import { ConsoleClient } from '../testing/consoleClient.ts';

// In `aws` mode a connected cluster's Kubernetes API is reached through the kubeconfig context that
// WHEELHOUSE_CONFIG maps to its name; here the sandbox stands in for AWS and for the other cluster.
describe('aws mode: a connected cluster through its configured kubeconfig', () => {
  let sandbox: Sandbox;
  let wheelhouse: Wheelhouse;
  let dir: string;
  const password = 'connected-kubeconfig-test';

  beforeAll(async () => {
    sandbox = await startSandbox({ faults: [] });
    const home = sandbox.accounts[0]!;
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-kubeconfig-'));
    const kubeconfig = await sandbox.connectedKubeconfig(home.id, 'us-east-1', 'gke-analytics');
    expect(kubeconfig).toBeDefined();
    const kubeconfigFile = join(dir, 'kubeconfig.json');
    writeFileSync(kubeconfigFile, JSON.stringify(kubeconfig));
    const context = (kubeconfig as { 'current-context': string })['current-context'];
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        regions: ['us-east-1'],
        accounts: [{ name: home.name, id: home.id }],
        connectedClusters: { 'gke-analytics': { kubeconfig: kubeconfigFile, context } },
      }),
    );
    const db = openDatabase(dir);
    await createUserStore(db).add('reader', 'auditor', password);
    await db.close();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: sandbox.endpoint,
      AWS_ACCESS_KEY_ID: home.accessKeyId,
      AWS_SECRET_ACCESS_KEY: home.secretAccessKey,
      AWS_REGION: 'us-east-1',
    });
    wheelhouse = await startWheelhouse({
      env: {
        WHEELHOUSE_BACKEND: 'aws',
        WHEELHOUSE_CONFIG: join(dir, 'config.json'),
        WHEELHOUSE_PORT: '0',
        WHEELHOUSE_DATA_DIR: dir,
        WHEELHOUSE_LOG_LEVEL: 'silent',
      },
    });
  });

  afterAll(async () => {
    await wheelhouse?.close();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the connected cluster’s pods through the configured context', async () => {
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('reader', password);
    const pods = await client.json<PodList>(
      `/api/clusters/${sandbox.accounts[0]!.id}/us-east-1/gke-analytics/k8s/pods`,
    );
    expect(pods.items.length).toBeGreaterThan(0);
    expect(pods.items.every((pod) => pod.uid)).toBe(true);
  });

  it('still reaches the EKS clusters of the account through their IAM token', async () => {
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('reader', password);
    const eks = await client.request(
      'GET',
      `/api/clusters/${sandbox.accounts[0]!.id}/us-east-1/checkout-prod/k8s/namespaces`,
    );
    expect(eks.status).toBe(200);
  });

  it('says what to configure for a connected cluster that has no context', async () => {
    const home = sandbox.accounts[0]!;
    const eks = new EKSClient({
      region: 'us-east-1',
      endpoint: sandbox.endpoint,
      credentials: home,
    });
    await eks.send(
      new RegisterClusterCommand({
        name: 'unmapped-edge',
        connectorConfig: {
          provider: 'OTHER',
          roleArn: `arn:aws:iam::${home.id}:role/eks-connector-agent`,
        },
      }),
    );
    eks.destroy();
    const connected = await fetch(
      `${sandbox.endpoint}/_sandbox/clusters/${home.id}/us-east-1/unmapped-edge/connect`,
      { method: 'POST' },
    );
    expect(connected.status).toBe(200);
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('reader', password);
    const response = await client.request(
      'GET',
      `/api/clusters/${home.id}/us-east-1/unmapped-edge/k8s/pods`,
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as Problem).detail).toContain(
      'add it under connectedClusters in WHEELHOUSE_CONFIG',
    );
  });
});
