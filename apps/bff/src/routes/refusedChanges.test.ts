import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, CreatedDashboardToken } from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

const SCALE = '/api/clusters/123456789012/us-east-1/payments/nodegroups/general/scaling';

/** The audit entries about scaling attempts, newest first, as an admin reads them. */
async function scaleEntries(): Promise<AuditEntry[]> {
  const admin = await c.signIn('admin');
  return (await admin.json<AuditPage>('/api/audit?action=nodegroup.scale&limit=200')).items;
}

describe('a refused change attempt', () => {
  it('made with a dashboard token is refused with 401 and recorded under the token, not its secret', async () => {
    const admin = await c.signIn('admin');
    const minted = (await (
      await admin.request('POST', '/api/dashboard-tokens', { name: 'lobby', expiresInDays: 7 })
    ).json()) as CreatedDashboardToken;
    const wall = new ConsoleClient(c.url);
    expect(
      (await wall.request('POST', '/api/dashboard/session', { token: minted.token })).status,
    ).toBe(204);
    const response = await wall.request('POST', SCALE, { desiredSize: 0 });
    expect(response.status).toBe(401);
    const [entry] = await scaleEntries();
    expect(entry).toMatchObject({
      user: `dashboard token ${minted.id.slice(0, 8)}`,
      action: 'nodegroup.scale',
      target: SCALE,
      outcome: 'denied',
      error: 'a dashboard token may not change anything',
    });
    expect(JSON.stringify(entry)).not.toContain(minted.token);
  });

  it('made without a session, or with an unknown one, is recorded as anonymous with the reason', async () => {
    const stranger = new ConsoleClient(c.url);
    expect((await stranger.request('POST', `${SCALE}?token=secret-in-query`, {})).status).toBe(401);
    const [none] = await scaleEntries();
    expect(none).toMatchObject({ user: 'anonymous', error: 'not signed in', target: SCALE });
    expect(none!.clientIp).toBeTruthy();

    const forged = await fetch(new URL(SCALE, c.url), {
      method: 'POST',
      headers: { cookie: 'wh_session=forged-session-id', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(forged.status).toBe(401);
    const [unknown] = await scaleEntries();
    expect(unknown).toMatchObject({ user: 'anonymous', error: 'unknown or expired session' });
    expect(JSON.stringify(unknown)).not.toContain('forged-session-id');
  });

  it('made by a signed-in user without the CSRF token is recorded under their name', async () => {
    const operator = await c.signIn('operator');
    const response = await operator.request('POST', SCALE, { desiredSize: 1 }, { csrf: null });
    expect(response.status).toBe(403);
    const [entry] = await scaleEntries();
    expect(entry).toMatchObject({
      user: 'operator',
      role: 'operator',
      outcome: 'denied',
      error: 'missing or wrong x-csrf-token header',
    });
  });

  it('from a flood is recorded within a budget per address, not once per request', async () => {
    const before = (await scaleEntries()).length;
    const stranger = new ConsoleClient(c.url);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => (await stranger.request('POST', SCALE, {})).status),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    const written = (await scaleEntries()).length - before;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThanOrEqual(10);
  });
});
