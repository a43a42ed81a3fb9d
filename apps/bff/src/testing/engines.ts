import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  connectDatabase,
  openDatabase,
  type DatabaseTarget,
  type Db,
  type Dialect,
} from '../db/database.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './postgres.ts';

/** Opens a fresh, empty, migrated console database of the engine under test. */
export type FreshDb = (options?: { instanceId?: string }) => Promise<Db>;
/** Names a fresh, empty database of the engine under test, not yet opened (nor migrated). */
export type FreshTarget = () => Promise<DatabaseTarget>;

/**
 * Runs a storage suite on both engines: SQLite in memory, and a PostgreSQL server this file starts
 * (one per test file, a new database per call). Under CI=true a missing PostgreSQL fails the suite;
 * elsewhere it is reported loudly and only the SQLite half runs.
 */
export function describeEachEngine(
  name: string,
  suite: (fresh: FreshDb, dialect: Dialect, freshTarget: FreshTarget) => void,
) {
  describe(`${name} (sqlite)`, () => {
    const opened: Db[] = [];
    const dirs: string[] = [];
    afterAll(async () => {
      await Promise.all(opened.map((db) => db.close()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });
    suite(
      async (options = {}) => {
        const db = openDatabase(':memory:', options);
        opened.push(db);
        return db;
      },
      'sqlite',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-engine-'));
        dirs.push(dir);
        return { kind: 'sqlite', dataDir: dir };
      },
    );
  });

  const missing = postgresUnavailable();
  if (missing && process.env.CI !== 'true') {
    console.warn(`\n!!! ${name}: ${missing}\n`);
    return;
  }
  describe(`${name} (postgres)`, () => {
    let server: TestPostgres | undefined;
    const opened: Db[] = [];
    beforeAll(async () => {
      if (missing) throw new Error(missing);
      server = await startTestPostgres();
    });
    afterAll(async () => {
      await Promise.all(opened.map((db) => db.close()));
      await server?.stop();
    });
    suite(
      async (options = {}) => {
        const url = await server!.freshDatabase();
        const db = await connectDatabase({ kind: 'postgres', url }, options);
        opened.push(db);
        return db;
      },
      'postgres',
      async () => ({ kind: 'postgres', url: await server!.freshDatabase() }),
    );
  });
}
