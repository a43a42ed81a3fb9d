import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditQuery } from '@wheelhouse/contract';
import { createAuditLog } from '../audit/auditLog.ts';
import { createAuditReader } from '../audit/auditReader.ts';
import { createDashboardTokens } from '../auth/dashboardTokens.ts';
import { createLoginThrottle } from '../auth/loginThrottle.ts';
import { createSessionStore } from '../auth/sessions.ts';
import { createUserDirectory, createUserStore } from '../auth/users.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { connectDatabase, openDatabase, TABLES, type Db } from './database.ts';

const TSX = resolve(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const CLI = resolve(import.meta.dirname, '../cli.ts');
const missing = postgresUnavailable();
if (missing && process.env.CI !== 'true') console.warn(`\n!!! db copy: ${missing}\n`);

async function exportOf(db: Db, format: 'csv' | 'json'): Promise<string> {
  let text = '';
  const reader = createAuditReader(db, { exportBatch: 7 });
  for await (const chunk of reader.export(
    { user: 'ana', role: 'admin' },
    AuditQuery.parse({}),
    format,
  )) {
    text += chunk;
  }
  return text;
}

const countsOf = async (db: Db) =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (table) => {
        const { n } = await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return [table, Number(n)] as const;
      }),
    ),
  );

describe.runIf(!missing || process.env.CI === 'true')('wheelhouse db copy', () => {
  let server: TestPostgres;
  let dir: string;

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    server = await startTestPostgres();
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-copy-'));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves a populated SQLite installation to PostgreSQL: every row, the same audit export', async () => {
    const sqlite = openDatabase(dir, { instanceId: 'old-host' });
    await createUserStore(sqlite).add('ana', 'admin', 'copy-me-over-intact');
    await createSessionStore(sqlite).create('ana', 'admin');
    await createDashboardTokens(sqlite).create('wall', 'ana', 30);
    await createLoginThrottle(sqlite).reserve('mallory', '10.0.0.9');
    const audit = createAuditLog(sqlite);
    for (let i = 0; i < 40; i++) {
      const id = await audit.begin({
        user: i % 3 ? 'ana' : 'bo',
        role: 'operator',
        action: 'nodegroup.scale',
        target: `arn:aws:eks:eu-west-1:1:nodegroup/c/ng-${i}`,
        params: { desiredSize: i, note: 'a "quoted", text\nwith a line break' },
        clientIp: '10.0.0.1',
      });
      if (i % 5)
        await audit.complete(id, { outcome: i % 2 ? 'success' : 'failure', error: `e${i}` });
    }
    const before = await countsOf(sqlite);
    const csv = await exportOf(sqlite, 'csv');
    const json = await exportOf(sqlite, 'json');
    await sqlite.close();

    const url = await server.freshDatabase();
    const { stdout } = await promisify(execFile)(TSX, [
      CLI,
      'db',
      'copy',
      '--from',
      `sqlite:${join(dir, 'wheelhouse.db')}`,
      '--to',
      url,
    ]);
    expect(stdout).toContain('audit\t40\n');
    expect(stdout).toContain('users\t1\n');
    expect(stdout).toMatch(/Copied \d+ rows \(40 audit entries\)\./);

    const pg = await connectDatabase({ kind: 'postgres', url });
    try {
      expect(await countsOf(pg)).toEqual(before);
      expect(await exportOf(pg, 'csv')).toBe(csv);
      expect(await exportOf(pg, 'json')).toBe(json);
      // The copy goes on where the old log stopped, append-only as before.
      const next = await createAuditLog(pg).record(
        { user: 'ana', action: 'session.signin' },
        { outcome: 'success' },
      );
      expect(next).toBe(41);
      await expect(pg.kysely.deleteFrom('audit').execute()).rejects.toThrow('append-only');
      // And the user signs in with the same password.
      expect(
        await createUserDirectory(createUserStore(pg)).authenticate('ana', 'copy-me-over-intact'),
      ).toEqual({ name: 'ana', role: 'admin' });
    } finally {
      await pg.close();
    }
  });
});
