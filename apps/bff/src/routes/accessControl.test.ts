import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AuditPage } from '@wheelhouse/contract';
import { endpoints } from '@wheelhouse/contract/endpoints';
import { isMutation, type RouteDef } from '../http/routing.ts';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

/** A concrete URL for a route pattern, with plausible values for its parameters. */
function concrete(path: string): string {
  const values: Record<string, string> = {
    accountId: '123456789012',
    region: 'us-east-1',
    name: 'payments',
    nodegroup: 'general',
    profile: 'default',
    id: '00000000-0000-4000-8000-000000000000',
  };
  return path.replace(/:(\w+)/g, (_, param: string) => values[param] ?? 'x');
}

const mutating = () =>
  c.routes.filter(
    (route) => isMutation(route.method) && route.access !== 'public' && route.access !== 'session',
  );
const label = (route: RouteDef) => `${route.method.toUpperCase()} ${route.path}`;

describe('the declared endpoints', () => {
  it('are all served, with the access rule and audit action the contract gives them', () => {
    for (const endpoint of Object.values(endpoints)) {
      const route = c.routes.find((r) => r.endpoint === endpoint);
      expect(route, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(route!.access).toBe(endpoint.access);
      expect(route!.action).toBe('action' in endpoint ? endpoint.action : undefined);
    }
  });
});

describe('every mutating route', () => {
  it('is registered with a role that excludes auditors and names its audit action', () => {
    expect(mutating().length).toBeGreaterThanOrEqual(15);
    // Installing and removing add-ons are operator changes (admins too), never an auditor's.
    for (const path of [
      'POST /api/clusters/:accountId/:region/:name/addons',
      'DELETE /api/clusters/:accountId/:region/:name/addons/:addon',
    ]) {
      expect(mutating().find((route) => label(route) === path)?.access, path).toBe('change');
    }
    for (const route of mutating()) {
      expect(['change', 'admin'], label(route)).toContain(route.access);
      expect(route.action, label(route)).toBeTruthy();
    }
  });

  it('answers an auditor 403, even with the right CSRF token, and records the attempt', async () => {
    const auditor = await c.signIn('auditor');
    for (const route of mutating()) {
      const response = await auditor.request(route.method.toUpperCase(), concrete(route.path), {});
      expect(response.status, label(route)).toBe(403);
    }
    const admin = await c.signIn('admin');
    const denied = await admin.json<AuditPage>('/api/audit?user=auditor&outcome=denied&limit=200');
    const actions = new Set(denied.items.map((entry) => entry.action));
    for (const route of mutating()) expect(actions, label(route)).toContain(route.action);
  });

  it('answers 401 without a session', async () => {
    const anonymous = new ConsoleClient(c.url);
    for (const route of mutating()) {
      const response = await anonymous.request(
        route.method.toUpperCase(),
        concrete(route.path),
        {},
      );
      expect(response.status, label(route)).toBe(401);
    }
  });

  it('answers an operator 403 without the CSRF token, or with a wrong one', async () => {
    const operator = await c.signIn('operator');
    for (const route of mutating().filter((r) => r.access === 'change')) {
      for (const csrf of [null, 'not-the-token']) {
        const response = await operator.request(
          route.method.toUpperCase(),
          concrete(route.path),
          {},
          { csrf },
        );
        expect(response.status, `${label(route)} csrf=${csrf}`).toBe(403);
      }
    }
  });
});

describe('the public routes', () => {
  it('are only the ways to sign in (password, SSO, wall-screen token), what the sign-in page reads, and the probes', () => {
    const open = c.routes.filter((route) => route.access === 'public').map(label);
    expect(open.sort()).toEqual(
      [
        // Probes and scrapes (routes/operations.ts); /metrics wants WHEELHOUSE_METRICS_TOKEN when set.
        'GET /healthz',
        'GET /readyz',
        'GET /metrics',
        'GET /api/auth/oidc/callback',
        'GET /api/auth/oidc/login',
        'GET /api/auth/providers',
        'POST /api/dashboard/session',
        'POST /api/session',
      ].sort(),
    );
  });
});

describe('the probe routes', () => {
  it('answer without a session, and /metrics is open while WHEELHOUSE_METRICS_TOKEN is unset', async () => {
    const anonymous = new ConsoleClient(c.url);
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await anonymous.request('GET', path);
      expect(response.status, path).toBe(200);
    }
  });
});

describe('every read route', () => {
  it('answers 401 without a session', async () => {
    const reads = c.routes.filter((route) => route.method === 'get' && route.access === 'read');
    expect(reads.map(label)).toContain(
      'GET /api/clusters/:accountId/:region/:name/k8s/nodegroups/:nodegroup/disruption',
    );
    expect(reads.map(label)).toContain('GET /api/clusters/:accountId/:region/:name/access/who-can');
    expect(reads.map(label)).toContain(
      'GET /api/clusters/:accountId/:region/:name/k8s/access-review',
    );
    // An add-on build's configuration schema: any signed-in user may read what it accepts.
    expect(reads.map(label)).toContain(
      'GET /api/clusters/:accountId/:region/:name/addons/:addon/configuration',
    );
    // CPU and memory history: any signed-in user, as the cluster's RBAC lets them read metrics.
    expect(reads.map(label)).toContain(
      'GET /api/clusters/:accountId/:region/:name/k8s/metrics/nodes',
    );
    expect(reads.map(label)).toContain(
      'GET /api/clusters/:accountId/:region/:name/k8s/metrics/pods',
    );
    // Fleet search reads every cluster as the user: signed-in users only, like the lists it spans.
    expect(reads.map(label)).toContain('GET /api/search');
    // Upgrade readiness, per cluster and fleet-wide: reads, auditors and viewers included.
    expect(reads.map(label)).toContain('GET /api/clusters/:accountId/:region/:name/insights');
    expect(reads.map(label)).toContain('GET /api/insights');
    const anonymous = new ConsoleClient(c.url);
    for (const route of reads) {
      const response = await anonymous.request('GET', concrete(route.path));
      expect(response.status, label(route)).toBe(401);
    }
  });
});

describe('the pod exec WebSocket (an upgrade, outside the route table)', () => {
  const execUrl = () =>
    concrete('/api/clusters/:accountId/:region/:name/k8s/pods/default/web-0/exec').replace(
      /^/,
      `${c.url.replace('http', 'ws')}`,
    ) + '?container=app&command=sh';
  const statusOf = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(execUrl(), { headers: { origin: c.url, ...headers } });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => reject(new Error('upgraded')));
    });

  it('answers 401 without a session, 403 to an auditor (audited), 403 from a foreign Origin', async () => {
    expect(await statusOf({})).toBe(401);
    const auditor = await c.signIn('auditor');
    expect(await statusOf({ cookie: auditor.cookieHeader() })).toBe(403);
    const operator = await c.signIn('operator');
    expect(
      await statusOf({ cookie: operator.cookieHeader(), origin: 'https://elsewhere.example' }),
    ).toBe(403);
    const admin = await c.signIn('admin');
    const denied = await admin.json<AuditPage>('/api/audit?user=auditor&outcome=denied&limit=200');
    expect(denied.items.map((entry) => entry.action)).toContain('pod.exec');
  });
});
