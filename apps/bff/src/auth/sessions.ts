import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthMethod, Role } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';

/** A signed-in browser session as the server knows it. */
export interface Session {
  user: string;
  role: Role;
  /** The identity provider's groups (SSO); empty for local users. */
  groups: string[];
  authMethod: AuthMethod;
  csrfToken: string;
  expiresAt: number;
}

/** How the user was identified at sign-in, beyond name and role. */
export interface SignInIdentity {
  groups: string[];
  authMethod: AuthMethod;
}

export interface SessionStoreOptions {
  /** A session unused for this long ends (WHEELHOUSE_SESSION_IDLE; default 30 min). */
  idleMs?: number;
  /** A session ends this long after sign-in however busy it is (WHEELHOUSE_SESSION_MAX; default 12 h). */
  maxMs?: number;
  now?: () => number;
}

export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_MAX_MS = 12 * 60 * 60 * 1000;

// Writing on every request would serialise reads behind the database; the idle clock is kept to this
// precision, but never coarser than a tenth of the idle timeout, so short timeouts stay exact enough.
const TOUCH_EVERY_MS = 60_000;

// Only a hash of the session id is stored, so a copy of the database cannot be replayed as cookies.
const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

export function createSessionStore(db: Db, options: SessionStoreOptions = {}) {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const maxMs = options.maxMs ?? DEFAULT_MAX_MS;
  const now = options.now ?? Date.now;
  const touchEvery = Math.min(TOUCH_EVERY_MS, idleMs / 10);
  const k = db.kysely;
  const remove = (key: string) => k.deleteFrom('sessions').where('id_hash', '=', key).execute();

  return {
    /**
     * Starts a session under a new random id (never one the browser brought, so a planted cookie cannot
     * become a signed-in session); returns the cookie value (the only copy of the id) and the session.
     */
    async create(
      user: string,
      role: Role,
      identity: SignInIdentity = { groups: [], authMethod: 'local' },
    ): Promise<{ id: string; session: Session }> {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = now();
      await k
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', at), eb('last_seen_at', '<', at - idleMs)]))
        .execute();
      const expiresAt = at + maxMs;
      await k
        .insertInto('sessions')
        .values({
          id_hash: hashId(id),
          user,
          role,
          groups: JSON.stringify(identity.groups),
          auth_method: identity.authMethod,
          csrf_token: csrfToken,
          created_at: at,
          last_seen_at: at,
          expires_at: expiresAt,
        })
        .execute();
      return { id, session: { user, role, ...identity, csrfToken, expiresAt } };
    },
    /**
     * The live session for a cookie value, sliding its idle timeout (unless `touch: false`: a check
     * made by the console itself, such as an open terminal's, is not the user being active);
     * undefined when unknown or expired.
     */
    async get(id: string, options: { touch?: boolean } = {}): Promise<Session | undefined> {
      const key = hashId(id);
      const row = await k
        .selectFrom('sessions')
        .select([
          'user',
          'role',
          'groups',
          'auth_method',
          'csrf_token',
          'last_seen_at',
          'expires_at',
        ])
        .where('id_hash', '=', key)
        .executeTakeFirst();
      const at = now();
      if (!row) return undefined;
      if (row.expires_at <= at || row.last_seen_at + idleMs <= at) {
        await remove(key);
        return undefined;
      }
      if (options.touch !== false && at - row.last_seen_at >= touchEvery) {
        await k
          .updateTable('sessions')
          .set({ last_seen_at: at })
          .where('id_hash', '=', key)
          .execute();
      }
      return {
        user: row.user,
        role: row.role,
        groups: JSON.parse(row.groups) as string[],
        authMethod: row.auth_method,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      };
    },
    async destroy(id: string): Promise<void> {
      await remove(hashId(id));
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
