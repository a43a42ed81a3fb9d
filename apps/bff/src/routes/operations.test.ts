import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterList, Readiness } from '@wheelhouse/contract';
import { rawRequest } from '../testing/rawRequest.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox();
});
afterAll(() => c.close());

/** The value of one sample of the exposition text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (wanted.every((pair) => labelText.split(',').includes(pair))) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

const metrics = async () => (await fetch(new URL('/metrics', c.url))).text();

describe('GET /healthz and GET /readyz', () => {
  it('answer without a session, also to a probe that addresses the pod by IP', async () => {
    const health = await rawRequest(c.url, { path: '/healthz', headers: { host: '10.1.2.3' } });
    expect(health.status).toBe(200);
    const ready = await rawRequest(c.url, { path: '/readyz', headers: { host: '10.1.2.3' } });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body) as Readiness).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'aws-credentials', ok: true },
        { name: 'shutdown', ok: true },
      ],
    });
  });
});

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, never by raw URL', async () => {
    const operator = await c.signIn('operator');
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const cluster = items.find((item) => item.status === 'ACTIVE' && item.version)!;
    const path = `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}`;
    await operator.json(path);
    await operator.request('GET', `/api/no-such-route/${cluster.name}`);

    const text = await metrics();
    expect(
      sample(text, 'wheelhouse_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/clusters/:accountId/:region/:name',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'wheelhouse_http_request_duration_seconds_count', {
        method: 'GET',
        route: '(unmatched)',
        status: '404',
      }),
    ).toBeGreaterThanOrEqual(1);
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((match) => match[1]!));
    for (const route of routes) expect(route, route).not.toContain(cluster.name);
  });

  it('times AWS calls by service, operation and outcome, throttles apart', async () => {
    const operator = await c.signIn('operator');
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const cluster = items.find((item) => item.status === 'ACTIVE' && item.version)!;
    const detail = `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}`;
    // Every attempt throttled: the SDK retries with backoff, then the call fails as throttled.
    c.sandbox!.faults.set([{ service: 'eks', operation: 'DescribeCluster', throttleRate: 1 }]);
    try {
      expect((await operator.request('GET', detail)).status).toBe(503);
    } finally {
      c.sandbox!.faults.clear();
    }
    const text = await metrics();
    expect(
      sample(text, 'wheelhouse_aws_call_duration_seconds_count', {
        service: 'EKS',
        operation: 'ListClusters',
        outcome: 'success',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'wheelhouse_aws_call_duration_seconds_count', {
        service: 'EKS',
        operation: 'DescribeCluster',
        outcome: 'throttled',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts Kubernetes calls by cluster, cache lookups, audit writes and database connections', async () => {
    const operator = await c.signIn('operator');
    const { items } = await operator.json<ClusterList>('/api/clusters');
    await operator.json<ClusterList>('/api/clusters');
    const cluster = items.find((item) => item.status === 'ACTIVE' && item.version)!;
    const response = await operator.request(
      'GET',
      `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/k8s/namespaces`,
    );
    expect(response.status).toBe(200);
    const text = await metrics();
    expect(
      sample(text, 'wheelhouse_kubernetes_call_duration_seconds_count', {
        cluster: `${cluster.accountId}/${cluster.region}/${cluster.name}`,
        outcome: 'success',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'wheelhouse_cache_lookups_total', { cache: 'cluster-list', result: 'miss' }),
    ).toBeGreaterThanOrEqual(1);
    // Sign-ins are recorded in the audit log as they happen.
    expect(
      sample(text, 'wheelhouse_audit_writes_total', { phase: 'record', outcome: 'success' }),
    ).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'wheelhouse_db_pool_connections', { state: 'total' })).toBe(1);
    expect(text).toMatch(/^wheelhouse_sse_streams_open \d+$/m);
  });
});

describe('GET /metrics with WHEELHOUSE_METRICS_TOKEN', () => {
  it('answers 401 without the bearer token or with a wrong one, and the metrics with it', async () => {
    const token = 'metrics-token-0123456789';
    const guarded = await startConsoleOnSandbox(
      { world: 'empty' },
      { WHEELHOUSE_METRICS_TOKEN: token },
    );
    try {
      const url = new URL('/metrics', guarded.url);
      expect((await fetch(url)).status).toBe(401);
      const wrong = await fetch(url, { headers: { authorization: 'Bearer not-the-token-at-all' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(right.status).toBe(200);
      expect(right.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await right.text()).toContain(
        '# TYPE wheelhouse_http_request_duration_seconds histogram',
      );
      // The probes stay open: a kubelet has no token.
      expect((await fetch(new URL('/healthz', guarded.url))).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
