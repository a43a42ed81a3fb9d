import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import {
  INSTANCE_SILENCE_MS,
  createAuditLog,
  heartbeat,
  settleAbandonedChanges,
} from '../audit/auditLog.ts';
import { createSessionStore } from '../auth/sessions.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { postgresUnavailable, startTestPostgres } from '../testing/postgres.ts';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
import {
  SCHEMA_VERSION,
  connectDatabase,
  migrateDatabase,
  openDatabase,
  pingDatabase,
} from './database.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';

describeEachEngine('audit table', (fresh, _dialect, freshTarget) => {
  it('cannot lose entries: deletes are refused', async () => {
    const db = await fresh();
    const audit = createAuditLog(db);
    await audit.record({ user: 'ana', action: 'session.signin' }, { outcome: 'success' });
    await expect(db.kysely.deleteFrom('audit').execute()).rejects.toThrow('append-only');
    if (db.dialect === 'postgres') {
      await expect(sql`TRUNCATE audit`.execute(db.kysely)).rejects.toThrow('append-only');
    }
    expect(await db.kysely.selectFrom('audit').select('user').execute()).toEqual([{ user: 'ana' }]);
  });

  it('completes a pending entry once and never rewrites it', async () => {
    const db = await fresh({ instanceId: 'replica-a' });
    const audit = createAuditLog(db);
    const id = await audit.begin({
      user: 'ana',
      role: 'operator',
      action: 'nodegroup.scale',
      target: 'arn:x',
    });
    await audit.complete(id, { outcome: 'success', requestId: 'r-1' });
    expect(
      await db.kysely
        .selectFrom('audit')
        .select(['outcome', 'request_id', 'instance'])
        .where('id', '=', id)
        .executeTakeFirst(),
    ).toEqual({ outcome: 'success', request_id: 'r-1', instance: 'replica-a' });
    await expect(audit.complete(id, { outcome: 'failure', error: 'later' })).rejects.toThrow(
      'never rewritten',
    );
    await expect(
      db.kysely.updateTable('audit').set({ user: 'mallory' }).execute(),
    ).rejects.toThrow();
  });

  it('ends as unknown the changes left open by a dead instance, and only those', async () => {
    const db = await fresh({ instanceId: 'replica-a' });
    const other = { ...db, instanceId: 'replica-b' };
    let clock = Date.parse('2026-12-03T10:00:00Z');
    const now = () => new Date(clock);
    // b is alive and has a change in flight; a dies in the middle of one.
    await heartbeat(other, now());
    const live = await createAuditLog(other, now).begin({ user: 'bo', action: 'nodegroup.scale' });
    const lost = await createAuditLog(db, now).begin({ user: 'ana', action: 'nodegroup.scale' });
    clock += 30_000;
    // a starts again.
    expect(await settleAbandonedChanges(db, now)).toBe(1);
    const outcomes = async () =>
      Object.fromEntries(
        (await db.kysely.selectFrom('audit').select(['id', 'outcome']).execute()).map((row) => [
          row.id,
          row.outcome,
        ]),
      );
    expect(await outcomes()).toEqual({ [lost]: 'unknown', [live]: 'pending' });
    // b falls silent for longer than a replica may.
    clock += INSTANCE_SILENCE_MS;
    expect(await settleAbandonedChanges(db, now)).toBe(1);
    expect(await outcomes()).toEqual({ [lost]: 'unknown', [live]: 'unknown' });
  });

  it('migrates idempotently and refuses a database newer than the code', async () => {
    const target = await freshTarget();
    expect(await migrateDatabase(target)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(await migrateDatabase(target)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    const db = await connectDatabase(target);
    // As a newer Wheelhouse would leave it.
    if (db.dialect === 'postgres') {
      await sql`UPDATE wheelhouse_schema SET version = ${SCHEMA_VERSION + 1}`.execute(db.kysely);
    } else {
      await sql.raw(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`).execute(db.kysely);
    }
    await db.close();
    await expect(connectDatabase(target)).rejects.toThrow(
      `schema version ${SCHEMA_VERSION + 1}, newer than this Wheelhouse (${SCHEMA_VERSION})`,
    );
  });
});

describe.runIf(!postgresUnavailable() || process.env.CI === 'true')(
  "the console's PostgreSQL role (README's GRANTs)",
  () => {
    it('runs the console but cannot delete, truncate or unguard the audit log', async () => {
      const server = await startTestPostgres();
      try {
        const ownerUrl = await server.freshDatabase();
        await migrateDatabase({ kind: 'postgres', url: ownerUrl });
        const owner = await connectDatabase({ kind: 'postgres', url: ownerUrl });
        const grants = README.slice(README.indexOf('REVOKE ALL ON SCHEMA public'))
          .split('```')[0]!
          .replace(/--.*$/gm, '');
        await sql.raw('CREATE ROLE wheelhouse_console LOGIN').execute(owner.kysely);
        await sql.raw(grants).execute(owner.kysely);
        await owner.close();
        const consoleUrl = ownerUrl.replace('//wheelhouse@', '//wheelhouse_console@');
        const db = await connectDatabase({ kind: 'postgres', url: consoleUrl });
        try {
          const audit = createAuditLog(db);
          const id = await audit.begin({ user: 'ana', action: 'nodegroup.scale' });
          await audit.complete(id, { outcome: 'success' });
          await createSessionStore(db).create('ana', 'admin');
          expect(await settleAbandonedChanges(db)).toBe(0);
          for (const statement of [
            'DELETE FROM audit',
            'TRUNCATE audit',
            'ALTER TABLE audit DISABLE TRIGGER ALL',
            'DROP TRIGGER audit_append_only ON audit',
          ]) {
            await expect(sql.raw(statement).execute(db.kysely), statement).rejects.toThrow(
              /permission denied|must be owner/,
            );
          }
        } finally {
          await db.close();
        }
      } finally {
        await server.stop();
      }
    }, 60_000);
  },
);

describe('migrations on SQLite', () => {
  it('carries an installation of schema version 4 over, entries and their guard included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-migrate-'));
    try {
      const file = join(dir, 'wheelhouse.db');
      const old = new Database(file);
      for (const migration of SQLITE_MIGRATIONS.slice(0, 4)) old.exec(migration);
      old.pragma('user_version = 4');
      old
        .prepare(
          "INSERT INTO audit (at, user, action, outcome) VALUES ('2026-01-01T00:00:00Z', 'ana', 'nodegroup.scale', 'pending')",
        )
        .run();
      old.close();
      expect(await migrateDatabase({ kind: 'sqlite', dataDir: dir })).toEqual({
        from: 4,
        to: SCHEMA_VERSION,
      });
      expect(await migrateDatabase({ kind: 'sqlite', dataDir: dir })).toEqual({
        from: SCHEMA_VERSION,
        to: SCHEMA_VERSION,
      });
      const db = openDatabase(dir);
      expect(await settleAbandonedChanges(db)).toBe(1);
      await expect(db.kysely.deleteFrom('audit').execute()).rejects.toThrow('append-only');
      await db.close();
      const newer = new Database(file);
      newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      newer.close();
      expect(() => openDatabase(dir)).toThrow(/newer than this Wheelhouse/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('data directory', () => {
  it('takes group and other permissions off an existing directory and database, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-data-'));
    try {
      const fresh: string[] = [];
      await openDatabase(dataDir, { onTightened: (path) => fresh.push(path) }).close();
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
      await db.close();
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

describeEachEngine('pingDatabase (GET /readyz)', (fresh) => {
  it('is ok for a migrated database, and names the versions otherwise', async () => {
    const db = await fresh();
    expect(await pingDatabase(db)).toEqual({ ok: true });
    await (db.dialect === 'sqlite'
      ? sql`PRAGMA user_version = ${sql.raw(String(SCHEMA_VERSION + 1))}`.execute(db.kysely)
      : sql`UPDATE wheelhouse_schema SET version = ${SCHEMA_VERSION + 1}`.execute(db.kysely));
    expect(await pingDatabase(db)).toEqual({
      ok: false,
      reason: `database schema is at version ${SCHEMA_VERSION + 1}, this build needs ${SCHEMA_VERSION}`,
    });
  });
});

describe('pingDatabase on a closed database', () => {
  it('says the database is unreachable', async () => {
    const db = openDatabase(':memory:');
    await db.close();
    expect(await pingDatabase(db)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^database unreachable: /),
    });
  });
});
