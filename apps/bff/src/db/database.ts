import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * Schema history; each entry runs once, in order, tracked by `PRAGMA user_version`.
 * Never edit a shipped entry: append a new one.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'auditor')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user TEXT NOT NULL,
     role TEXT NOT NULL,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     user TEXT NOT NULL,
     role TEXT,
     action TEXT NOT NULL,
     target TEXT,
     params TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'success', 'failure', 'denied')),
     error TEXT,
     request_id TEXT,
     client_ip TEXT,
     completed_at TEXT
   );
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_user ON audit (user, at);
   -- The audit log is append-only: an entry is written before the upstream call and completed once after it.
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_complete_once BEFORE UPDATE ON audit
     WHEN OLD.outcome <> 'pending'
       OR NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.user <> OLD.user OR NEW.action <> OLD.action
       OR NEW.target IS NOT OLD.target OR NEW.params IS NOT OLD.params
     BEGIN SELECT RAISE(ABORT, 'audit entries are completed once and never rewritten'); END;`,
  `CREATE TABLE dashboard_tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     last_used_at TEXT
   );`,
  // Sign-in attempts per throttle key (`user:<name>`, `address:<ip>`, `device:<id>`), each counted as
  // a failure until its password matches, and the browsers users signed in from (device cookies);
  // kept here so that a restart forgives nothing.
  `CREATE TABLE login_attempts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX login_attempts_key ON login_attempts (key, at);
   CREATE INDEX login_attempts_at ON login_attempts (at);
   CREATE TABLE login_devices (
     token_hash TEXT PRIMARY KEY,
     user TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
  // SSO: sessions know how the user signed in and their IdP groups; an OIDC sign-in in flight keeps its
  // state, nonce and PKCE verifier here (single-use, expiring) rather than in a cookie the browser holds.
  `ALTER TABLE sessions ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE sessions ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'local';
   CREATE TABLE oidc_logins (
     id_hash TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     nonce TEXT NOT NULL,
     code_verifier TEXT NOT NULL,
     next TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
];

/** Opens (creating when needed) the console's database under `dataDir`, or in memory for `:memory:`. */
export function openDatabase(
  dataDir: string,
  options: { onTightened?: (path: string, mode: string) => void } = {},
): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a directory it creates; one made by hand or an older version
    // may be readable by others, and it holds password hashes, sessions and the audit log.
    tighten(dataDir, 0o700, options.onTightened);
    file = join(dataDir, 'wheelhouse.db');
  }
  const existed = file !== ':memory:' && existsSync(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (file !== ':memory:') {
    // SQLite makes new files with the umask's mode: tighten them quietly; say so for a database
    // that was already there, readable by others.
    tighten(file, 0o600, existed ? options.onTightened : undefined);
    for (const path of [`${file}-wal`, `${file}-shm`]) if (existsSync(path)) tighten(path, 0o600);
  }
  return db;
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

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Whether the database answers with this build's schema; `reason` says what is wrong otherwise. */
export type DatabasePing = { ok: true } | { ok: false; reason: string };

/**
 * The readiness check of `GET /readyz`: the database answers a query and its schema is at the
 * version this build migrates to (neither behind nor written by a newer build).
 */
export function pingDatabase(db: Db): DatabasePing {
  try {
    db.prepare('SELECT 1').get();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      return {
        ok: false,
        reason: `database schema is at version ${version}, this build needs ${MIGRATIONS.length}`,
      };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${(error as Error).message}` };
  }
}

/** Connections of the database for GET /metrics: SQLite has one, busy only inside a transaction. */
export function databasePoolStats(db: Db): { total: number; idle: number; waiting: number } {
  return { total: db.open ? 1 : 0, idle: db.open && !db.inTransaction ? 1 : 0, waiting: 0 };
}
