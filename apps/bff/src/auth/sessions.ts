import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';

/** A signed-in browser session as the server knows it. */
export interface Session {
  user: string;
  role: Role;
  csrfToken: string;
  expiresAt: number;
}

const IDLE_MS = 2 * 60 * 60 * 1000;
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

// Only a hash of the session id is stored, so a copy of the database cannot be replayed as cookies.
const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

export function createSessionStore(db: Db, now: () => number = Date.now) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user, role, csrf_token, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<
    [string],
    {
      user: string;
      role: Role;
      csrf_token: string;
      created_at: number;
      last_seen_at: number;
      expires_at: number;
    }
  >(
    'SELECT user, role, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = ?',
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?');

  return {
    /** Starts a session; returns the cookie value (the only copy of the id) and the session. */
    create(user: string, role: Role): { id: string; session: Session } {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = now();
      purge.run(at, at - IDLE_MS);
      insert.run(hashId(id), user, role, csrfToken, at, at, at + ABSOLUTE_MS);
      return { id, session: { user, role, csrfToken, expiresAt: at + ABSOLUTE_MS } };
    },
    /** The live session for a cookie value, sliding its idle timeout; undefined when unknown or expired. */
    get(id: string): Session | undefined {
      const key = hashId(id);
      const row = select.get(key);
      const at = now();
      if (!row) return undefined;
      if (row.expires_at < at || row.last_seen_at + IDLE_MS < at) {
        remove.run(key);
        return undefined;
      }
      // Writing on every request would serialise reads behind the database; a minute's precision is enough.
      if (at - row.last_seen_at > 60_000) touch.run(at, key);
      return {
        user: row.user,
        role: row.role,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      };
    },
    destroy(id: string): void {
      remove.run(hashId(id));
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
