import { describe, expect, it } from 'vitest';
import { AuditQuery } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createAuditLog } from './auditLog.ts';
import { auditToCsv, queryAudit } from './auditQuery.ts';

async function seeded(db: Db) {
  let t = Date.parse('2026-11-01T10:00:00Z');
  const audit = createAuditLog(db, () => new Date((t += 60_000)));
  await audit.record(
    { user: 'ana', role: 'operator', action: 'session.signin' },
    { outcome: 'success' },
  );
  const id = await audit.begin({
    user: 'ana',
    role: 'operator',
    action: 'nodegroup.scale',
    target: 'arn:aws:eks:eu-west-1:1:nodegroup/c/ng',
    params: { desiredSize: 4 },
  });
  await audit.complete(id, { outcome: 'success', requestId: 'req-9' });
  await audit.record(
    {
      user: 'bob',
      role: 'auditor',
      action: 'nodegroup.scale',
      target: 'arn:aws:eks:eu-west-1:1:nodegroup/c/ng',
    },
    { outcome: 'denied', error: 'role auditor may not do this' },
  );
  await audit.record(
    { user: 'eve', action: 'session.signin' },
    { outcome: 'failure', error: 'wrong user name or password' },
  );
  return db;
}
const q = (input: Record<string, unknown>) => AuditQuery.parse(input);

describeEachEngine('queryAudit', (fresh) => {
  it('lists newest first with every recorded field', async () => {
    const page = await queryAudit(await seeded(await fresh()), q({}));
    expect(page.items.map((e) => `${e.user}:${e.action}:${e.outcome}`)).toEqual([
      'eve:session.signin:failure',
      'bob:nodegroup.scale:denied',
      'ana:nodegroup.scale:success',
      'ana:session.signin:success',
    ]);
    expect(page.items[2]).toMatchObject({
      params: { desiredSize: 4 },
      requestId: 'req-9',
      role: 'operator',
    });
  });

  it('filters by user, action, target, outcome and time', async () => {
    const db = await seeded(await fresh());
    expect((await queryAudit(db, q({ user: 'bob' }))).items).toHaveLength(1);
    expect((await queryAudit(db, q({ action: 'nodegroup.scale' }))).items).toHaveLength(2);
    expect(
      (await queryAudit(db, q({ target: 'nodegroup/c/ng', outcome: 'denied' }))).items.map(
        (e) => e.user,
      ),
    ).toEqual(['bob']);
    expect(
      (
        await queryAudit(db, q({ from: '2026-11-01T10:04:30Z', to: '2026-11-01T10:05:30Z' }))
      ).items.map((e) => e.user),
    ).toEqual(['bob']);
  });

  it('matches an action by its start, so one word finds a whole area', async () => {
    const db = await seeded(await fresh());
    expect((await queryAudit(db, q({ action: 'nodegroup' }))).items.map((e) => e.user)).toEqual([
      'bob',
      'ana',
    ]);
    expect((await queryAudit(db, q({ action: 'nodegroup.sc' }))).items).toHaveLength(2);
    expect((await queryAudit(db, q({ action: 'fargate' }))).items).toEqual([]);
    // substr() takes the text as it is: "%" and "_" are no wildcards.
    expect((await queryAudit(db, q({ action: '%' }))).items).toEqual([]);
  });

  it('leaves out sign-ins when asked for changes only', async () => {
    const page = await queryAudit(await seeded(await fresh()), q({ changesOnly: 'true' }));
    expect(page.items.map((e) => `${e.user}:${e.action}:${e.outcome}`)).toEqual([
      'bob:nodegroup.scale:denied',
      'ana:nodegroup.scale:success',
    ]);
    expect(
      (await queryAudit(await seeded(await fresh()), q({ changesOnly: 'false' }))).items,
    ).toHaveLength(4);
    expect(AuditQuery.safeParse({ changesOnly: 'maybe' }).error?.issues[0]?.path).toEqual([
      'changesOnly',
    ]);
  });

  it('keeps an operator to their own entries whatever they ask for', async () => {
    expect(
      (await queryAudit(await seeded(await fresh()), q({ user: 'bob' }), 'ana')).items.every(
        (e) => e.user === 'ana',
      ),
    ).toBe(true);
  });

  it('pages backwards with nextBefore', async () => {
    const db = await seeded(await fresh());
    const first = await queryAudit(db, q({ limit: 3 }));
    expect(first.items).toHaveLength(3);
    const second = await queryAudit(db, q({ limit: 3, before: first.nextBefore }));
    expect(second.items.map((e) => e.user)).toEqual(['ana']);
    expect(second.nextBefore).toBeUndefined();
  });
});

describe('auditToCsv', () => {
  it('writes a header and quotes what needs quoting, defusing spreadsheet formulas', () => {
    const csv = auditToCsv([
      {
        id: 1,
        at: '2026-11-01T10:00:00.000Z',
        user: 'ana',
        action: 'x',
        outcome: 'failure',
        error: 'a "quoted", text',
        params: { a: 1 },
      },
      { id: 2, at: '2026-11-01T10:00:00.000Z', user: '=cmd()', action: 'y', outcome: 'success' },
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,user,role,action,target,params,outcome,error,requestId,clientIp,completedAt,instance',
    );
    expect(lines[1]).toBe(
      '1,2026-11-01T10:00:00.000Z,ana,,x,,"{""a"":1}",failure,"a ""quoted"", text",,,,',
    );
    expect(lines[2]).toContain(",'=cmd(),");
  });

  it('defuses a formula behind a leading space, a line break or a full-width sign', () => {
    const csv = auditToCsv([
      {
        id: 1,
        at: 'a',
        user: ' =cmd()',
        action: '\n+1',
        target: '\uff20SUM(A1)',
        outcome: 'failure',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`1,a,' =cmd(),,"'\n+1",'\uff20SUM(A1),,failure,,,,,`);
  });
});
