import { sql } from 'kysely';
import { TABLES, type Db, type Tables } from './database.ts';

/** Rows moved per INSERT: well under PostgreSQL's 65,535 bound parameters for the widest table. */
const BATCH = 500;

// Ordered by primary key, so the audit log keeps its order (and its ids) on the other engine.
const ORDER: { [T in keyof Tables]: keyof Tables[T] & string } = {
  users: 'name',
  sessions: 'id_hash',
  audit: 'id',
  dashboard_tokens: 'id',
  dashboard_sessions: 'id_hash',
  login_attempts: 'id',
  login_devices: 'seq',
  oidc_logins: 'id_hash',
  instances: 'id',
};

/**
 * Copies every row of every table from one console database to another (an installation moving from
 * SQLite to PostgreSQL), ids included; refuses a target that already holds any row, so nothing is
 * merged or overwritten. Returns the count copied per table.
 */
export async function copyDatabase(from: Db, to: Db): Promise<Record<keyof Tables, number>> {
  for (const table of TABLES) {
    const { n } = await to.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      throw new Error(
        `db copy: the target's ${table} table already holds rows; copy into an empty database`,
      );
    }
  }
  const counts = {} as Record<keyof Tables, number>;
  await to.kysely.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      counts[table] = 0;
      let offset = 0;
      for (;;) {
        const rows: never[] = (await from.kysely
          .selectFrom(table)
          .selectAll()
          .orderBy(ORDER[table] as never)
          .limit(BATCH)
          .offset(offset)
          .execute()) as never[];
        if (rows.length === 0) break;
        await trx.insertInto(table).values(rows).execute();
        counts[table] += rows.length;
        offset += rows.length;
      }
    }
    if (to.dialect === 'postgres') {
      // Explicit ids do not move the sequences: the next entry must come after the copied ones.
      for (const [table, column] of [
        ['audit', 'id'],
        ['login_attempts', 'id'],
        ['login_devices', 'seq'],
      ] as const) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  return counts;
}
