import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from './index.ts';
import { accountKeys, eksClient, stsClient } from './testing/awsClients.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.faults.clear());

describe('fault injection seen through the SDK', () => {
  it('throttles twice; the SDK retries and the third attempt succeeds', async () => {
    sandbox.faults.set([{ service: 'eks', operation: 'ListClusters', throttleRate: 1, times: 2 }]);
    const result = await eksClient(sandbox, accountKeys(sandbox)).send(new ListClustersCommand({}));
    expect(result.clusters).toContain('checkout-prod');
    expect(result.$metadata.attempts).toBe(3);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('throttles STS with its own Throttling error code', async () => {
    sandbox.faults.set([{ service: 'sts', throttleRate: 1 }]);
    const sts = stsClient(sandbox, accountKeys(sandbox));
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
      $metadata: { attempts: 3 },
    });
  });

  it('answers a configured error, only for the matching region and operation', async () => {
    sandbox.faults.add({
      service: 'eks',
      operation: 'DescribeCluster',
      region: 'eu-west-1',
      errorCode: 'ResourceLimitExceededException',
      errorStatus: 400,
      errorMessage: 'injected',
    });
    const keys = accountKeys(sandbox);
    await expect(
      eksClient(sandbox, keys, 'eu-west-1').send(
        new DescribeClusterCommand({ name: 'checkout-eu' }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceLimitExceededException',
      message: 'injected',
      $metadata: { httpStatusCode: 400 },
    });
    const east = await eksClient(sandbox, keys).send(
      new DescribeClusterCommand({ name: 'checkout-prod' }),
    );
    expect(east.cluster!.name).toBe('checkout-prod');
  });

  it('fails a share of calls with an error rate (503s the SDK retries before giving up)', async () => {
    sandbox.faults.set([{ service: 'eks', errorRate: 0.5 }]);
    const eks = eksClient(sandbox, accountKeys(sandbox));
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        eks.send(new ListClustersCommand({})).then(
          (result) => result.$metadata.attempts!,
          (error: { name: string }) => error.name,
        ),
      ),
    );
    expect(
      outcomes.filter((outcome) => outcome === 'ServiceUnavailableException').length,
    ).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => typeof outcome === 'number').length).toBeGreaterThan(0);
    expect(outcomes.some((outcome) => typeof outcome === 'number' && outcome > 1)).toBe(true);
  });

  it('delays calls by the injected latency', async () => {
    sandbox.faults.set([{ service: 'eks', latencyMs: 300, times: 1 }]);
    const started = performance.now();
    await eksClient(sandbox, accountKeys(sandbox)).send(new ListClustersCommand({}));
    // A lower bound only: the call cannot be answered before the injected delay.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(sandbox.faults.list()).toEqual([]);
  });
});

describe('the admin API', () => {
  const admin = (path: string, init?: RequestInit) =>
    fetch(`${sandbox.endpoint}/_sandbox${path}`, init);
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('reports health and the accounts with their keys', async () => {
    const health = await admin('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      services: ['eks', 'sts', 'ec2', 'autoscaling', 'ssm'],
      clusters: 16,
    });
    const accounts = (await (await admin('/accounts')).json()) as Array<{
      id: string;
      accessKeyId: string;
    }>;
    expect(accounts.map((account) => account.id)).toEqual(['123456789012', '210987654321']);
    expect(accounts[0]!.accessKeyId).toBe(sandbox.accounts[0]!.accessKeyId);
  });

  it('lists, replaces, adds and clears fault rules', async () => {
    expect(
      await (await admin('/faults', json('PUT', [{ service: 'eks', latencyMs: 5 }]))).json(),
    ).toEqual([{ service: 'eks', latencyMs: 5 }]);
    await admin('/faults', json('POST', { service: 'sts', throttleRate: 0.1 }));
    expect(sandbox.faults.list()).toHaveLength(2);
    expect(await (await admin('/faults')).json()).toHaveLength(2);
    const bad = await admin('/faults', json('POST', { throttleRate: 7 }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/throttleRate/);
    expect((await admin('/faults', { method: 'DELETE' })).status).toBe(200);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('serves the trail as JSON, and 404/405 for unknown endpoints and methods', async () => {
    const trail = await admin('/trail');
    expect(trail.status).toBe(200);
    expect(Array.isArray(await trail.json())).toBe(true);
    expect((await admin('/nothing')).status).toBe(404);
    expect((await admin('/health', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('faults from the environment', () => {
  it('reads WHEELHOUSE_SANDBOX_FAULTS when no faults option is given', async () => {
    const previous = process.env.WHEELHOUSE_SANDBOX_FAULTS;
    process.env.WHEELHOUSE_SANDBOX_FAULTS = JSON.stringify([
      { service: 'eks', operation: 'ListClusters', latencyMs: 1 },
    ]);
    try {
      const fromEnv = await startSandbox({ world: 'empty' });
      const explicit = await startSandbox({ world: 'empty', faults: [] });
      expect(fromEnv.faults.list()).toEqual([
        { service: 'eks', operation: 'ListClusters', latencyMs: 1 },
      ]);
      expect(explicit.faults.list()).toEqual([]);
      await Promise.all([fromEnv.close(), explicit.close()]);
    } finally {
      if (previous === undefined) delete process.env.WHEELHOUSE_SANDBOX_FAULTS;
      else process.env.WHEELHOUSE_SANDBOX_FAULTS = previous;
    }
  });
});
