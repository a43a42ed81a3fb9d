import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/auditLog.ts';
import { openDatabase } from './database.ts';

describe('audit table', () => {
  it('cannot lose entries: deletes are refused', () => {
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db);
    audit.record({ user: 'ana', action: 'session.signin' }, { outcome: 'success' });
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow('append-only');
  });

  it('completes a pending entry once and never rewrites it', () => {
    const db = openDatabase(':memory:');
    const audit = createAuditLog(db);
    const id = audit.begin({
      user: 'ana',
      role: 'operator',
      action: 'nodegroup.scale',
      target: 'arn:x',
    });
    audit.complete(id, { outcome: 'success', requestId: 'r-1' });
    expect(db.prepare('SELECT outcome, request_id FROM audit WHERE id = ?').get(id)).toEqual({
      outcome: 'success',
      request_id: 'r-1',
    });
    expect(() => audit.complete(id, { outcome: 'failure', error: 'later' })).toThrow(
      'never rewritten',
    );
    expect(() => db.prepare("UPDATE audit SET user = 'mallory'").run()).toThrow();
  });
});
