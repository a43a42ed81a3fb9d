import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  ClusterList,
  CreatedDashboardToken,
  DashboardToken,
  FleetDashboard,
} from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox();
});
afterAll(() => c.close());

async function mint(name = 'lobby screen'): Promise<CreatedDashboardToken> {
  const admin = await c.signIn('admin');
  const response = await admin.request('POST', '/api/dashboard-tokens', {
    name,
    expiresInDays: 30,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedDashboardToken;
}

describe('the fleet dashboard', () => {
  it('counts clusters by status and version as the clusters list has them', async () => {
    const auditor = await c.signIn('auditor');
    const [dashboard, list] = await Promise.all([
      auditor.json<FleetDashboard>('/api/dashboard'),
      auditor.json<ClusterList>('/api/clusters'),
    ]);
    expect(dashboard.clusters.total).toBe(list.items.length);
    const active = list.items.filter((i) => i.status === 'ACTIVE').length;
    expect(dashboard.clusters.byStatus.ACTIVE).toBe(active);
    const unsupported = list.items
      .filter((i) => i.versionSupport.status === 'UNSUPPORTED')
      .map((i) => i.name);
    expect(unsupported.length).toBeGreaterThan(0);
    for (const name of unsupported)
      expect(dashboard.versionSupport.map((v) => v.name)).toContain(name);
    const pending = list.items
      .filter((i) => i.connected && i.status === 'PENDING')
      .map((i) => i.name);
    expect(dashboard.connectedPending.map((p) => p.name).sort()).toEqual(pending.sort());
  });
});

describe('dashboard tokens', () => {
  it('let a wall screen read the dashboard and nothing else', async () => {
    const created = await mint();
    expect(created.url).toContain(`/dashboard?token=${encodeURIComponent(created.token)}`);
    const wall = new ConsoleClient(c.url);
    expect(
      (await wall.request('POST', '/api/dashboard/session', { token: created.token })).status,
    ).toBe(204);
    expect((await wall.request('GET', '/api/dashboard')).status).toBe(200);
    expect((await wall.request('GET', '/api/dashboard/session')).status).toBe(200);
    // The cookie names a session of the wall screen, never the token's secret itself.
    expect(wall.cookieHeader()).toMatch(/^wh_dashboard=[\w-]{43}$/);
    expect(wall.cookieHeader()).not.toContain(created.token.slice(4));
    for (const path of [
      '/api/session',
      '/api/clusters',
      '/api/sources',
      '/api/audit',
      '/api/dashboard-tokens',
    ]) {
      expect((await wall.request('GET', path)).status, path).toBe(401);
    }
    expect((await wall.request('POST', '/api/clusters', {})).status).toBe(401);
  });

  it('are listed without their secret, revocable, and both acts are in the audit log', async () => {
    const created = await mint('ops room');
    const admin = await c.signIn('admin');
    const listed = await admin.json<DashboardToken[]>('/api/dashboard-tokens');
    const entry = listed.find((t) => t.id === created.id)!;
    expect(entry).toMatchObject({ name: 'ops room', createdBy: 'admin' });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const wall = new ConsoleClient(c.url);
    await wall.request('POST', '/api/dashboard/session', { token: created.token });
    expect((await admin.request('DELETE', `/api/dashboard-tokens/${created.id}`)).status).toBe(204);
    expect((await wall.request('GET', '/api/dashboard')).status).toBe(401);
    expect(
      (
        await new ConsoleClient(c.url).request('POST', '/api/dashboard/session', {
          token: created.token,
        })
      ).status,
    ).toBe(401);

    const audit = await admin.json<AuditPage>(`/api/audit?target=${created.id}`);
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'dashboard-token.create',
      'dashboard-token.revoke',
    ]);
  });

  it('can be minted by admins only', async () => {
    const operator = await c.signIn('operator');
    expect((await operator.request('POST', '/api/dashboard-tokens', { name: 'x' })).status).toBe(
      403,
    );
    expect((await operator.request('GET', '/api/dashboard-tokens')).status).toBe(403);
  });

  it('refuses an unknown token', async () => {
    const response = await new ConsoleClient(c.url).request('POST', '/api/dashboard/session', {
      token: 'whd_made_up',
    });
    expect(response.status).toBe(401);
  });
});
