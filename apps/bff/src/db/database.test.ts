import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/auditLog.ts';
import { openDatabase, pingDatabase } from './database.ts';

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

describe('data directory', () => {
  it('takes group and other permissions off an existing directory and database, and says so', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-data-'));
    try {
      const fresh: string[] = [];
      openDatabase(dataDir, { onTightened: (path) => fresh.push(path) }).close();
      // A database the console made itself is private from the start, with nothing to report.
      expect(statSync(join(dataDir, 'wheelhouse.db')).mode & 0o777).toBe(0o600);
      expect(fresh).toEqual([]);
      // As an older version or a hand-made directory may have left them.
      chmodSync(dataDir, 0o755);
      chmodSync(join(dataDir, 'wheelhouse.db'), 0o644);
      const tightened: string[] = [];
      const db = openDatabase(dataDir, {
        onTightened: (path, mode) => tightened.push(`${path} ${mode}`),
      });
      db.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'wheelhouse.db')).mode & 0o777).toBe(0o600);
      expect(tightened).toEqual(
        expect.arrayContaining([`${dataDir} 0700`, `${join(dataDir, 'wheelhouse.db')} 0600`]),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('pingDatabase (GET /readyz)', () => {
  it('is ok for a migrated database, and says why otherwise', () => {
    const db = openDatabase(':memory:');
    expect(pingDatabase(db)).toEqual({ ok: true });
    const current = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${current + 1}`);
    expect(pingDatabase(db)).toEqual({
      ok: false,
      reason: `database schema is at version ${current + 1}, this build needs ${current}`,
    });
    db.close();
    expect(pingDatabase(db)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^database unreachable: .*not open/),
    });
  });
});
