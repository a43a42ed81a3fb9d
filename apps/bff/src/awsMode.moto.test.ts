import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterList, Sources } from '@wheelhouse/contract';
import { startWheelhouse, type Wheelhouse } from './server.ts';
import { ConsoleClient } from './testing/consoleClient.ts';
import { motoAvailable, startMoto } from './testing/moto.ts';

const inCi = process.env.CI === 'true';
const haveMoto = motoAvailable();
if (!haveMoto) {
  console.error(
    '\n!!! moto is not installed (python3 -m moto.server): the aws-mode contract test is NOT running here.\n' +
      '!!! Install it with `pip install "moto[server]"`; under CI=true its absence fails the run.\n',
  );
}

// Under CI the contract test must run: a missing moto is a failure there, not a skip.
if (inCi) {
  describe('moto', () => {
    it('is installed, as CI requires for the aws-mode contract test', () => {
      expect(haveMoto).toBe(true);
    });
  });
}

describe.runIf(haveMoto)('aws mode against moto server', () => {
  const credentials = { AWS_ACCESS_KEY_ID: 'AKIAMOTOTEST', AWS_SECRET_ACCESS_KEY: 'moto-secret' };
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let wheelhouse: Wheelhouse;
  let dataDir: string;
  const password = 'contract-test-password';

  beforeAll(async () => {
    moto = await startMoto();
    for (const [region, names] of [
      ['us-east-1', ['payments', 'search']],
      ['eu-west-1', ['ledger']],
    ] as const) {
      const eks = new EKSClient({
        region,
        endpoint: moto.endpoint,
        credentials: {
          accessKeyId: credentials.AWS_ACCESS_KEY_ID,
          secretAccessKey: credentials.AWS_SECRET_ACCESS_KEY,
        },
      });
      for (const name of names) {
        await eks.send(
          new CreateClusterCommand({
            name,
            version: '1.31',
            roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
            resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d'] },
            tags: { team: 'platform' },
          }),
        );
      }
      eks.destroy();
    }

    dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-moto-'));
    // The user is created the way an operator would: with the CLI, password on stdin.
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'cli.ts'),
        'users',
        'add',
        'auditor1',
        '--role',
        'auditor',
        '--password-stdin',
      ],
      {
        input: `${password}\n`,
        env: { ...process.env, WHEELHOUSE_DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('Added user auditor1 (auditor)');

    // The AWS settings go in through the environment the console is given, as in production, and this
    // process's own environment stays untouched for the tests that run after this file.
    wheelhouse = await startWheelhouse({
      env: {
        ...credentials,
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_REGION: 'us-east-1',
        WHEELHOUSE_BACKEND: 'aws',
        WHEELHOUSE_REGIONS: 'us-east-1,eu-west-1',
        WHEELHOUSE_PORT: '0',
        WHEELHOUSE_DATA_DIR: dataDir,
        WHEELHOUSE_LOG_LEVEL: 'silent',
      },
    });
  });

  afterAll(async () => {
    await wheelhouse?.close();
    await moto?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no demo users in aws mode', async () => {
    const client = new ConsoleClient(wheelhouse.url);
    const response = await client.request('POST', '/api/session', { username: 'admin', password });
    expect(response.status).toBe(401);
  });

  it('lists the clusters created in moto, from every configured region', async () => {
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('auditor1', password);
    const list = await client.json<ClusterList>('/api/clusters');
    expect(list.errors).toEqual([]);
    const seen = list.items.map((item) => `${item.region}/${item.name}`).sort();
    expect(seen).toEqual(['eu-west-1/ledger', 'us-east-1/payments', 'us-east-1/search']);
    const payments = list.items.find((item) => item.name === 'payments')!;
    expect(payments).toMatchObject({
      accountId: '123456789012',
      arn: 'arn:aws:eks:us-east-1:123456789012:cluster/payments',
      version: '1.31',
      tags: { team: 'platform' },
    });
  });

  it("names the credentials' own account as the one source", async () => {
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('auditor1', password);
    const sources = await client.json<Sources>('/api/sources');
    expect(sources.accounts).toEqual([{ id: '123456789012', name: 'default', via: 'default' }]);
    expect(sources.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('opens one cluster in detail, as moto describes it', async () => {
    const client = new ConsoleClient(wheelhouse.url);
    await client.signIn('auditor1', password);
    const detail = await client.json<{
      name: string;
      roleArn: string;
      networking: { subnetIds: string[] };
    }>('/api/clusters/123456789012/eu-west-1/ledger');
    expect(detail.name).toBe('ledger');
    expect(detail.roleArn).toBe('arn:aws:iam::123456789012:role/eks-cluster');
    expect(detail.networking.subnetIds).toEqual(['subnet-0a1b2c3d']);
  });
});
