import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Generated } from 'kysely';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations.ts';

export interface UsersTable {
  name: string;
  role: 'admin' | 'operator' | 'auditor';
  password_hash: string;
  created_at: string;
}
export interface SessionsTable {
  id_hash: string;
  user: string;
  role: 'admin' | 'operator' | 'auditor';
  groups: string;
  auth_method: 'local' | 'oidc';
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}
export interface AuditTable {
  id: Generated<number>;
  at: string;
  user: string;
  role: string | null;
  action: string;
  target: string | null;
  params: string | null;
  outcome: 'pending' | 'success' | 'failure' | 'denied' | 'unknown';
  error: string | null;
  request_id: string | null;
  client_ip: string | null;
  completed_at: string | null;
  instance: string | null;
}
export interface DashboardTokensTable {
  id: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}
export interface DashboardSessionsTable {
  id_hash: string;
  token_id: string;
  created_at: string;
}
export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  at: number;
}
export interface LoginDevicesTable {
  seq: Generated<number>;
  token_hash: string;
  user: string;
  created_at: number;
  expires_at: number;
}
export interface OidcLoginsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next: string;
  expires_at: number;
}
export interface InstancesTable {
  id: string;
  started_at: string;
  seen_at: number;
}

export interface Tables {
  users: UsersTable;
  sessions: SessionsTable;
  audit: AuditTable;
  dashboard_tokens: DashboardTokensTable;
  dashboard_sessions: DashboardSessionsTable;
  login_attempts: LoginAttemptsTable;
  login_devices: LoginDevicesTable;
  oidc_logins: OidcLoginsTable;
  instances: InstancesTable;
}

/** Tables in the order `db copy` fills them (and the order their rows depend on each other). */
export const TABLES = [
  'users',
  'sessions',
  'audit',
  'dashboard_tokens',
  'dashboard_sessions',
  'login_attempts',
  'login_devices',
  'oidc_logins',
  'instances',
] as const satisfies readonly (keyof Tables)[];

export type Dialect = 'sqlite' | 'postgres';

/** The channel on which replicas tell each other what changed (PostgreSQL only). */
export const CHANGES_CHANNEL = 'wheelhouse_changes';

/**
 * The console's database: one Kysely query builder over either engine, so every store has one copy of
 * each query. `instanceId` names this process in the audit log (WHEELHOUSE_INSTANCE_ID).
 */
export interface Db {
  readonly dialect: Dialect;
  readonly kysely: Kysely<Tables>;
  readonly instanceId: string;
  /** Tells every replica (this one included) on this database; a no-op on SQLite (one process). */
  notify(payload: string): Promise<void>;
  /** Calls `listener` for every notification; returns a function that stops listening. */
  listen(listener: (payload: string) => void): Promise<() => Promise<void>>;
  /** The schema version the database is at (GET /readyz compares it with this build's). */
  schemaVersion(): Promise<number>;
  /** Connections for GET /metrics. */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface OpenOptions {
  onTightened?: (path: string, mode: string) => void;
  instanceId?: string;
}

/** Where `WHEELHOUSE_DATABASE_URL` points: unset or `sqlite:<path>` is SQLite, `postgres://` PostgreSQL. */
export type DatabaseTarget =
  { kind: 'sqlite'; dataDir: string; file?: string } | { kind: 'postgres'; url: string };

/** Reads a database URL (`sqlite:<path>`, `postgres://...`, `postgresql://...`); unset is SQLite under `dataDir`. */
export function databaseTarget(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { kind: 'sqlite', dataDir };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('WHEELHOUSE_DATABASE_URL: sqlite: needs a path, e.g. sqlite:./w.db');
    return { kind: 'sqlite', dataDir, file };
  }
  throw new Error('WHEELHOUSE_DATABASE_URL must start with sqlite: or postgres://');
}

/** The database `target` names, migrated to this code's schema. */
export async function connectDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<Db> {
  if (target.kind === 'postgres') return openPostgres(target.url, options);
  return openDatabase(target.dataDir, {
    ...options,
    ...(target.file ? { file: target.file } : {}),
  });
}

/** Opens (creating when needed) the console's SQLite database under `dataDir`, or in memory for `:memory:`. */
export function openDatabase(dataDir: string, options: OpenOptions & { file?: string } = {}): Db {
  let file = ':memory:';
  if (options.file) {
    file = options.file;
  } else if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a directory it creates; one made by hand or an older version
    // may be readable by others, and it holds password hashes, sessions and the audit log.
    tighten(dataDir, 0o700, options.onTightened);
    file = join(dataDir, 'wheelhouse.db');
  }
  const existed = file !== ':memory:' && existsSync(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrateSqlite(sqlite);
  if (file !== ':memory:') {
    // SQLite makes new files with the umask's mode: tighten them quietly; say so for a database
    // that was already there, readable by others.
    tighten(file, 0o600, existed ? options.onTightened : undefined);
    for (const path of [`${file}-wal`, `${file}-shm`]) if (existsSync(path)) tighten(path, 0o600);
  }
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const listeners = new Set<(payload: string) => void>();
  return {
    dialect: 'sqlite',
    kysely,
    instanceId: options.instanceId ?? hostname(),
    // One process owns a SQLite database: its own listeners are everybody.
    notify: async (payload) => {
      for (const listener of listeners) listener(payload);
    },
    listen: async (listener) => {
      listeners.add(listener);
      return async () => void listeners.delete(listener);
    },
    schemaVersion: async () => sqlite.pragma('user_version', { simple: true }) as number,
    // One connection, busy only inside a transaction.
    poolStats: () => ({
      total: sqlite.open ? 1 : 0,
      idle: sqlite.open && !sqlite.inTransaction ? 1 : 0,
      waiting: 0,
    }),
    close: async () => {
      await kysely.destroy();
      // Kysely closes the connection only once it has used it; a database never queried stays open.
      if (sqlite.open) sqlite.close();
    },
  };
}

// BIGINT (millisecond clocks, counts, ids) as numbers: every value the console stores fits in 2^53.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === 20
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 10 });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const listening: pg.Client[] = [];
  return {
    dialect: 'postgres',
    kysely,
    instanceId: options.instanceId ?? hostname(),
    notify: async (payload) => {
      await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(kysely);
    },
    listen: async (listener) => {
      // LISTEN holds its connection for good: a client of its own, outside the pool.
      const client = new pg.Client({ connectionString: url, types: pgTypes });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === CHANGES_CHANNEL) listener(message.payload ?? '');
      });
      // A dropped listener connection must not crash the console; its caches then age out by TTL.
      client.on('error', () => undefined);
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      listening.push(client);
      return async () => {
        listening.splice(listening.indexOf(client), 1);
        await client.end();
      };
    },
    schemaVersion: async () => {
      const { rows } = await pool.query<{ version: number }>(
        'SELECT version FROM wheelhouse_schema',
      );
      return rows[0]?.version ?? 0;
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: async () => {
      await Promise.all(listening.splice(0).map((client) => client.end()));
      await kysely.destroy();
    },
  };
}

/** Takes group and other permissions off `path` when it has any. */
function tighten(
  path: string,
  mode: number,
  onTightened?: (path: string, mode: string) => void,
): void {
  if ((statSync(path).mode & 0o077) === 0) return;
  chmodSync(path, mode);
  onTightened?.(path, `0${mode.toString(8)}`);
}

/** The schema version this code knows (both engines share the numbering). */
export const SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

function newerThanCode(version: number): Error {
  return new Error(
    `The database is at schema version ${version}, newer than this Wheelhouse (${SCHEMA_VERSION}): ` +
      'run the newer version, or restore a backup made for this one.',
  );
}

function migrateSqlite(db: Database.Database): { from: number; to: number } {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SQLITE_MIGRATIONS.length) throw newerThanCode(current);
  for (let version = current; version < SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from: current, to: SQLITE_MIGRATIONS.length };
}

// Any constant: replicas starting together take turns at migrating.
const MIGRATION_LOCK = 727_001;

async function migratePostgres(pool: pg.Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Looked up before any CREATE: a console role without CREATE on the schema (README's GRANTs)
    // must still start on a database its owner has migrated.
    const { rows: known } = await client.query<{ found: string | null }>(
      "SELECT to_regclass('wheelhouse_schema')::text AS found",
    );
    if (!known[0]?.found) {
      await client.query('CREATE TABLE wheelhouse_schema (version integer NOT NULL)');
    }
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM wheelhouse_schema',
    );
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_MIGRATIONS.length) throw newerThanCode(current);
    for (let version = current; version < POSTGRES_MIGRATIONS.length; version++) {
      await client.query(POSTGRES_MIGRATIONS[version]!);
    }
    if (rows.length === 0) {
      await client.query('INSERT INTO wheelhouse_schema (version) VALUES ($1)', [
        POSTGRES_MIGRATIONS.length,
      ]);
    } else if (current < POSTGRES_MIGRATIONS.length) {
      await client.query('UPDATE wheelhouse_schema SET version = $1', [POSTGRES_MIGRATIONS.length]);
    }
    await client.query('COMMIT');
    return { from: current, to: POSTGRES_MIGRATIONS.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs the migrations `target` still lacks (what start does): the versions before and after. */
export async function migrateDatabase(
  target: DatabaseTarget,
): Promise<{ from: number; to: number }> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, types: pgTypes, max: 1 });
    try {
      return await migratePostgres(pool);
    } finally {
      await pool.end();
    }
  }
  const file = target.file ?? join(target.dataDir, 'wheelhouse.db');
  if (!target.file) mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(file);
  try {
    return migrateSqlite(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Whether the database answers with this build's schema; `reason` says what is wrong otherwise. */
export type DatabasePing = { ok: true } | { ok: false; reason: string };

/**
 * The readiness check of `GET /readyz`: the database answers a query and its schema is at the
 * version this build migrates to (neither behind nor written by a newer build).
 */
export async function pingDatabase(db: Db): Promise<DatabasePing> {
  try {
    const version = await db.schemaVersion();
    if (version !== SCHEMA_VERSION) {
      return {
        ok: false,
        reason: `database schema is at version ${version}, this build needs ${SCHEMA_VERSION}`,
      };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${(error as Error).message}` };
  }
}

/** Connections of the database for GET /metrics. */
export function databasePoolStats(db: Db): { total: number; idle: number; waiting: number } {
  return db.poolStats();
}
