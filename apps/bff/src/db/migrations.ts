// Schema history of both engines. Version N means the same tables on SQLite and PostgreSQL; each entry
// runs once, in order (SQLite tracks it in `PRAGMA user_version`, PostgreSQL in wheelhouse_schema).
// Never edit a shipped entry: append a new one to both lists.

export const SQLITE_MIGRATIONS: string[] = [
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
  // Several replicas: each audit entry names the instance that wrote it, an entry whose instance died
  // mid-change ends as 'unknown'; replicas note that they are alive; a wall screen's cookie holds a
  // session id instead of its token; trusted devices get an explicit order (PostgreSQL has no rowid).
  // SQLite cannot change a CHECK in place: audit is rebuilt (DROP TABLE fires no delete trigger).
  `CREATE TABLE audit_next (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     user TEXT NOT NULL,
     role TEXT,
     action TEXT NOT NULL,
     target TEXT,
     params TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'success', 'failure', 'denied', 'unknown')),
     error TEXT,
     request_id TEXT,
     client_ip TEXT,
     completed_at TEXT,
     instance TEXT
   );
   INSERT INTO audit_next (id, at, user, role, action, target, params, outcome, error, request_id, client_ip, completed_at)
     SELECT id, at, user, role, action, target, params, outcome, error, request_id, client_ip, completed_at
     FROM audit ORDER BY id;
   DROP TABLE audit;
   ALTER TABLE audit_next RENAME TO audit;
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_user ON audit (user, at);
   CREATE INDEX audit_pending ON audit (outcome, instance);
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_complete_once BEFORE UPDATE ON audit
     WHEN OLD.outcome <> 'pending'
       OR NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW.user <> OLD.user OR NEW.action <> OLD.action
       OR NEW.target IS NOT OLD.target OR NEW.params IS NOT OLD.params
       OR NEW.instance IS NOT OLD.instance
     BEGIN SELECT RAISE(ABORT, 'audit entries are completed once and never rewritten'); END;
   CREATE TABLE login_devices_next (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     token_hash TEXT NOT NULL UNIQUE,
     user TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   INSERT INTO login_devices_next (token_hash, user, created_at, expires_at)
     SELECT token_hash, user, created_at, expires_at FROM login_devices ORDER BY rowid;
   DROP TABLE login_devices;
   ALTER TABLE login_devices_next RENAME TO login_devices;
   CREATE TABLE dashboard_sessions (
     id_hash TEXT PRIMARY KEY,
     token_id TEXT NOT NULL REFERENCES dashboard_tokens (id),
     created_at TEXT NOT NULL
   );
   CREATE TABLE instances (
     id TEXT PRIMARY KEY,
     started_at TEXT NOT NULL,
     seen_at INTEGER NOT NULL
   );`,
];

// The same history in PostgreSQL's words ("user" is a reserved word there: always quoted). Clocks in
// milliseconds are BIGINT; the audit log's guard is a trigger function that also refuses TRUNCATE.
export const POSTGRES_MIGRATIONS: string[] = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'auditor')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     "user" TEXT NOT NULL,
     role TEXT NOT NULL,
     csrf_token TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     last_seen_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE audit (
     id BIGSERIAL PRIMARY KEY,
     at TEXT NOT NULL,
     "user" TEXT NOT NULL,
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
   CREATE INDEX audit_user ON audit ("user", at);
   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
       RAISE EXCEPTION 'the audit log is append-only';
     END IF;
     IF OLD.outcome <> 'pending'
       OR NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW."user" <> OLD."user" OR NEW.action <> OLD.action
       OR NEW.target IS DISTINCT FROM OLD.target OR NEW.params IS DISTINCT FROM OLD.params THEN
       RAISE EXCEPTION 'audit entries are completed once and never rewritten';
     END IF;
     RETURN NEW;
   END $$;
   CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
     FOR EACH ROW EXECUTE FUNCTION audit_append_only();
   CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
     FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();`,
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
  `CREATE TABLE login_attempts (
     id BIGSERIAL PRIMARY KEY,
     key TEXT NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX login_attempts_key ON login_attempts (key, at);
   CREATE INDEX login_attempts_at ON login_attempts (at);
   CREATE TABLE login_devices (
     token_hash TEXT PRIMARY KEY,
     "user" TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL
   );`,
  `ALTER TABLE sessions ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE sessions ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'local';
   CREATE TABLE oidc_logins (
     id_hash TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     nonce TEXT NOT NULL,
     code_verifier TEXT NOT NULL,
     next TEXT NOT NULL,
     expires_at BIGINT NOT NULL
   );`,
  `ALTER TABLE audit ADD COLUMN instance TEXT;
   ALTER TABLE audit DROP CONSTRAINT audit_outcome_check;
   ALTER TABLE audit ADD CONSTRAINT audit_outcome_check
     CHECK (outcome IN ('pending', 'success', 'failure', 'denied', 'unknown'));
   CREATE INDEX audit_pending ON audit (outcome, instance);
   CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
       RAISE EXCEPTION 'the audit log is append-only';
     END IF;
     IF OLD.outcome <> 'pending'
       OR NEW.id <> OLD.id OR NEW.at <> OLD.at OR NEW."user" <> OLD."user" OR NEW.action <> OLD.action
       OR NEW.target IS DISTINCT FROM OLD.target OR NEW.params IS DISTINCT FROM OLD.params
       OR NEW.instance IS DISTINCT FROM OLD.instance THEN
       RAISE EXCEPTION 'audit entries are completed once and never rewritten';
     END IF;
     RETURN NEW;
   END $$;
   ALTER TABLE login_devices ADD COLUMN seq BIGSERIAL;
   CREATE TABLE dashboard_sessions (
     id_hash TEXT PRIMARY KEY,
     token_id TEXT NOT NULL REFERENCES dashboard_tokens (id),
     created_at TEXT NOT NULL
   );
   CREATE TABLE instances (
     id TEXT PRIMARY KEY,
     started_at TEXT NOT NULL,
     seen_at BIGINT NOT NULL
   );`,
];
