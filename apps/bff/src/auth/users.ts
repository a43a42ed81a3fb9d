import type { Role } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

/** A console user as stored; the hash never leaves this module's callers on the server. */
export interface UserRecord {
  name: string;
  role: Role;
  passwordHash: string;
}

/** Where users come from: the database, plus the sandbox's demo users when running on the sandbox. */
export interface UserDirectory {
  /** Returns the user when name and password match, else undefined (same work either way). */
  authenticate(name: string, password: string): Promise<{ name: string; role: Role } | undefined>;
}

// Verifying against a dummy hash when the user does not exist keeps the response time the same,
// so timing does not reveal which user names exist.
let dummyHash: Promise<string> | undefined;

export function createUserStore(db: Db) {
  const k = db.kysely;
  const byName = (name: string) =>
    k
      .selectFrom('users')
      .select(['name', 'role', 'password_hash'])
      .where('name', '=', name)
      .executeTakeFirst();

  return {
    async add(name: string, role: Role, password: string): Promise<void> {
      if (await byName(name)) throw new ConflictError(`User ${name} already exists.`);
      const passwordHash = await hashPassword(password);
      await k
        .insertInto('users')
        .values({ name, role, password_hash: passwordHash, created_at: new Date().toISOString() })
        .execute();
    },
    async remove(name: string): Promise<void> {
      const { numDeletedRows } = await k
        .deleteFrom('users')
        .where('name', '=', name)
        .executeTakeFirst();
      if (numDeletedRows === 0n) throw new NotFoundError(`No user named ${name}.`);
      await k.deleteFrom('sessions').where('user', '=', name).execute();
    },
    async list(): Promise<{ name: string; role: Role; createdAt: string }[]> {
      const rows = await k
        .selectFrom('users')
        .select(['name', 'role', 'created_at'])
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ name: row.name, role: row.role, createdAt: row.created_at }));
    },
    /** Replaces a user's stored hash (an upgrade to today's parameters; the password is unchanged). */
    async replaceHash(name: string, passwordHash: string): Promise<void> {
      await k
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('name', '=', name)
        .execute();
    },
    async find(name: string): Promise<UserRecord | undefined> {
      const row = await byName(name);
      return row && { name: row.name, role: row.role, passwordHash: row.password_hash };
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;

/** Combines stored users with in-memory ones (the sandbox's demo users take precedence). */
export function createUserDirectory(store: UserStore, extra: UserRecord[] = []): UserDirectory {
  const extraByName = new Map(extra.map((user) => [user.name, user]));
  return {
    async authenticate(name, password) {
      const user = extraByName.get(name) ?? (await store.find(name));
      if (!user) {
        dummyHash ??= hashPassword('wheelhouse-timing-equaliser');
        await verifyPassword(password, await dummyHash);
        return undefined;
      }
      if (!(await verifyPassword(password, user.passwordHash))) return undefined;
      // A hash from older parameters (N=2^17: 128 MiB per check) is redone with today's (64 MiB)
      // while the password is at hand, so sign-in storms against real names stay bounded too.
      if (!extraByName.has(name) && needsRehash(user.passwordHash)) {
        await store.replaceHash(name, await hashPassword(password));
      }
      return { name: user.name, role: user.role };
    },
  };
}

/** The sandbox's three demo users, one per role, sharing one password. */
export async function demoUsers(password: string): Promise<UserRecord[]> {
  const roles: Role[] = ['admin', 'operator', 'auditor'];
  const hash = await hashPassword(password);
  return roles.map((role) => ({ name: role, role, passwordHash: hash }));
}
