import { expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createAuditLog } from './auditLog.ts';
import { queryAudit } from './auditQuery.ts';
import { createRefusalRecorder } from './refusals.ts';

function world(db: Db, budget = { perClient: 3, total: 5, windowMs: 60_000, maxClients: 2 }) {
  let clock = Date.parse('2026-12-01T10:00:00Z');
  const audit = createAuditLog(db, () => new Date(clock));
  const refusals = createRefusalRecorder(audit, budget, () => clock);
  const entries = async () => (await queryAudit(db, { limit: 500 })).items.reverse();
  return {
    refusals,
    entries,
    advance: (ms: number) => (clock += ms),
    attempt: (clientIp: string) =>
      refusals.record({ user: 'anonymous', action: 'nodegroup.scale', clientIp }, 'not signed in'),
  };
}

describeEachEngine('createRefusalRecorder', (fresh) => {
  it('records each refused attempt with its reason, up to the budget of its address', async () => {
    const w = world(await fresh());
    for (let i = 0; i < 10; i++) await w.attempt('10.0.0.1');
    expect(await w.entries()).toHaveLength(3);
    expect((await w.entries())[0]).toMatchObject({
      user: 'anonymous',
      action: 'nodegroup.scale',
      outcome: 'denied',
      error: 'not signed in',
      clientIp: '10.0.0.1',
    });
  });

  it('writes one summary with the count of what it did not record, after the window', async () => {
    const w = world(await fresh());
    for (let i = 0; i < 10; i++) await w.attempt('10.0.0.1');
    w.advance(61_000);
    await w.attempt('10.0.0.1');
    const entries = await w.entries();
    expect(entries).toHaveLength(5);
    expect(entries[3]).toMatchObject({ action: 'refused.coalesced', clientIp: '10.0.0.1' });
    expect(entries[3]!.error).toMatch(/^7 more refused attempts from 10\.0\.0\.1 /);
    expect(entries[4]).toMatchObject({ action: 'nodegroup.scale', error: 'not signed in' });
  });

  it('bounds the entries of a flood from many addresses and keeps the total countable', async () => {
    const w = world(await fresh());
    for (let i = 0; i < 200; i++) await w.attempt(`10.0.${i % 50}.1`);
    expect(await w.entries()).toHaveLength(5);
    await w.refusals.flush();
    const summaries = (await w.entries()).filter((entry) => entry.action === 'refused.coalesced');
    const counted = summaries.reduce(
      (sum, entry) => sum + Number(/^(\d+)/.exec(entry.error!)![1]),
      0,
    );
    expect(5 + counted).toBe(200);
    expect((await w.entries()).length).toBeLessThanOrEqual(5 + 1);
  });
});
