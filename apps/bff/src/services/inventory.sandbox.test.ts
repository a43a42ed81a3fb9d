import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterDetail, ClusterList, Problem } from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

type Console = Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let consoleUnderTest: Console | undefined;
afterEach(async () => {
  await consoleUnderTest?.close();
  consoleUnderTest = undefined;
});
async function start(...args: Parameters<typeof startConsoleOnSandbox>) {
  consoleUnderTest = await startConsoleOnSandbox(...args);
  return consoleUnderTest;
}
const calls = (c: Console, operation: string) =>
  c.exchanges.filter((e) => e.operation === operation);

describe('GET /api/clusters on the sandbox', () => {
  it('lists every cluster of both accounts and all regions, the second account through AssumeRole', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const list = await auditor.json<ClusterList>('/api/clusters');
    expect(list.errors).toEqual([]);
    const [home, other] = c.sandbox!.accounts;
    expect(new Set(list.items.map((item) => item.accountId))).toEqual(
      new Set([home!.id, other!.id]),
    );
    expect(new Set(list.items.map((item) => item.region)).size).toBeGreaterThanOrEqual(2);
    expect(list.items.length).toBeGreaterThanOrEqual(12);
    const assumed = calls(c, 'AssumeRole');
    expect(assumed.length).toBeGreaterThanOrEqual(1);
    expect(assumed.every((e) => e.status === 200)).toBe(true);
    // Each item carries what the table shows.
    for (const item of list.items) {
      expect(item.arn).toBe(`arn:aws:eks:${item.region}:${item.accountId}:cluster/${item.name}`);
      expect(item.status).toMatch(/^(CREATING|ACTIVE|DELETING|FAILED|UPDATING|PENDING)$/);
    }
    expect(
      list.items.some(
        (item) =>
          item.versionSupport.status === 'UNSUPPORTED' ||
          item.versionSupport.status === 'EXTENDED_SUPPORT',
      ),
    ).toBe(true);
  });

  it('follows ListClusters pagination beyond 100 clusters', async () => {
    const c = await start({
      world: { accounts: 1, regions: ['eu-west-1'], clustersPerRegion: 130 },
    });
    const list = await (await c.signIn('auditor')).json<ClusterList>('/api/clusters');
    expect(list.errors).toEqual([]);
    expect(list.items).toHaveLength(130);
    expect(new Set(list.items.map((item) => item.name)).size).toBe(130);
    expect(calls(c, 'ListClusters')).toHaveLength(2);
    expect(calls(c, 'DescribeCluster')).toHaveLength(130);
  });

  it('shows the other regions when one region fails, naming the failed source and the AWS message', async () => {
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: eks:ListClusters';
    const c = await start({
      faults: [
        {
          service: 'eks',
          operation: 'ListClusters',
          region: 'eu-west-1',
          errorCode: 'AccessDeniedException',
          errorStatus: 403,
          errorMessage: message,
        },
      ],
    });
    const list = await (await c.signIn('auditor')).json<ClusterList>('/api/clusters');
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.some((item) => item.region === 'eu-west-1')).toBe(false);
    expect(list.errors.length).toBe(c.sandbox!.accounts.length);
    for (const error of list.errors) {
      expect(error).toMatchObject({ region: 'eu-west-1', code: 'AccessDeniedException', message });
    }
  });

  it('retries throttled calls and still answers in full', async () => {
    const c = await start({
      faults: [{ service: 'eks', operation: 'ListClusters', throttleRate: 1, times: 3 }],
    });
    const list = await (await c.signIn('auditor')).json<ClusterList>('/api/clusters');
    expect(list.errors).toEqual([]);
    expect(list.items.length).toBeGreaterThanOrEqual(12);
    expect(
      calls(c, 'ListClusters').filter((e) => e.status === 400 || e.status === 429),
    ).toHaveLength(3);
  });

  it('reports a source whose throttling outlasts the retries, as throttling', async () => {
    const c = await start({
      faults: [{ service: 'eks', operation: 'ListClusters', region: 'us-east-1', throttleRate: 1 }],
    });
    const list = await (await c.signIn('auditor')).json<ClusterList>('/api/clusters');
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.errors.filter((e) => e.region === 'us-east-1').map((e) => e.message),
    ).not.toHaveLength(0);
    expect(list.errors.every((e) => /Throttl|Rate exceeded/i.test(`${e.code} ${e.message}`))).toBe(
      true,
    );
  });

  it('shares one fan-out between concurrent requests', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const lists = await Promise.all(
      [1, 2, 3].map(() => auditor.json<ClusterList>('/api/clusters')),
    );
    expect(new Set(lists.map((l) => l.items.length)).size).toBe(1);
    const sources = c.sandbox!.accounts.length * c.sandbox!.regions.length;
    expect(calls(c, 'ListClusters')).toHaveLength(sources);
  });

  it('answers 401 problem+json without a session', async () => {
    const c = await start();
    const response = await new ConsoleClient(c.url).request('GET', '/api/clusters');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET /api/clusters/:accountId/:region/:name on the sandbox', () => {
  it('describes a cluster: networking, the five log types, encryption, identity, tags', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const { items } = await auditor.json<ClusterList>('/api/clusters');
    const active = items.find((item) => item.status === 'ACTIVE' && !item.connected)!;
    const detail = await auditor.json<ClusterDetail>(
      `/api/clusters/${active.accountId}/${active.region}/${active.name}`,
    );
    expect(detail.name).toBe(active.name);
    expect(detail.logging.map((l) => l.type)).toEqual([
      'api',
      'audit',
      'authenticator',
      'controllerManager',
      'scheduler',
    ]);
    expect(detail.networking.vpcId).toMatch(/^vpc-/);
    expect(detail.networking.subnetIds.length).toBeGreaterThan(0);
    expect(detail.identity.oidcIssuer).toMatch(/^https:\/\/oidc\.eks\./);
    expect(detail.endpoint).toMatch(/^https:\/\//);
  });

  it('answers 404 with the AWS message for a cluster that does not exist', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const home = c.sandbox!.accounts[0]!.id;
    const response = await auditor.request(
      'GET',
      `/api/clusters/${home}/eu-west-1/no-such-cluster`,
    );
    expect(response.status).toBe(404);
    const problem = (await response.json()) as Problem;
    expect(problem.awsCode).toBe('ResourceNotFoundException');
    expect(problem.detail).toContain('no-such-cluster');
  });

  it('answers 400 naming the field for a malformed account id', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const response = await auditor.request('GET', '/api/clusters/12345/eu-west-1/payments');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      { field: 'accountId', message: 'must be a 12-digit AWS account id' },
    ]);
  });

  it('answers 404 for an account the console does not read', async () => {
    const c = await start();
    const auditor = await c.signIn('auditor');
    const response = await auditor.request('GET', '/api/clusters/999999999999/eu-west-1/payments');
    expect(response.status).toBe(404);
  });
});
