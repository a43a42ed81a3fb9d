import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Limits of the sign-in throttle. */
export interface LoginThrottleOptions {
  /** Failed sign-ins per user name (from any address) in the window before further attempts wait. */
  maxPerUser?: number;
  /** Failed sign-ins per client address in the window; names that do not exist count too. */
  maxPerAddress?: number;
  windowMs?: number;
  now?: () => number;
}

/** A sign-in attempt holding its slots in the throttle while its password is checked. */
export interface Reservation {
  /** The password matched: the user's failures are forgiven and this attempt's slots freed. */
  succeeded(): Promise<void>;
  /** The password was never checked (the hashing queue refused it): the slots are given back. */
  cancel(): Promise<void>;
}

/** The attempt may not run yet: how many seconds to wait. */
export interface Refusal {
  retryAfter: number;
}

/**
 * Slows password guessing per user name and per client address. An attempt reserves its slot (a row
 * that counts as a failure until the password matches) before the password is hashed, so parallel
 * guesses cannot all pass the check before any of them is counted. The rows live in the database:
 * a restart forgives nothing.
 */
export function createLoginThrottle(db: Db, options: LoginThrottleOptions = {}) {
  const maxPerUser = options.maxPerUser ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;

  const k = db.kysely;

  // Checking every key and reserving in all of them is one transaction, so two attempts can never
  // both take the last slot; on PostgreSQL the table lock makes replicas take turns too (the
  // throttle counts across all of them).
  const reserveAll = (keys: { key: string; max: number }[]) =>
    k.transaction().execute(async (trx): Promise<Refusal | { ids: number[] }> => {
      if (db.dialect === 'postgres') {
        await sql`LOCK TABLE login_attempts IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
      }
      const at = now();
      await trx
        .deleteFrom('login_attempts')
        .where('at', '<=', at - windowMs)
        .execute();
      let waitMs = 0;
      for (const { key, max } of keys) {
        const { n, oldest } = await trx
          .selectFrom('login_attempts')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
          .where('key', '=', key)
          .where('at', '>', at - windowMs)
          .executeTakeFirstOrThrow();
        if (Number(n) >= max) waitMs = Math.max(waitMs, (oldest ?? at) + windowMs - at);
      }
      if (waitMs > 0 || keys.some(({ max }) => max <= 0)) {
        return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      const ids: number[] = [];
      for (const { key } of keys) {
        const { id } = await trx
          .insertInto('login_attempts')
          .values({ key, at })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(id));
      }
      return { ids };
    });
  const release = (ids: number[], forgiveKey?: string) =>
    k.transaction().execute(async (trx) => {
      if (ids.length) await trx.deleteFrom('login_attempts').where('id', 'in', ids).execute();
      if (forgiveKey)
        await trx.deleteFrom('login_attempts').where('key', '=', forgiveKey).execute();
    });

  return {
    /**
     * Reserves a slot for one attempt by `username` from `address`, or says how long to wait. An
     * attempt from a browser the user signed in from before (`device`) is counted per browser only,
     * so guesses by others, against the name or from the same address, do not lock the user out.
     */
    async reserve(
      username: string,
      address: string | undefined,
      device?: string,
    ): Promise<Reservation | Refusal> {
      const userKey = `user:${username}`;
      const result = await reserveAll(
        device
          ? [{ key: `device:${device}`, max: maxPerUser }]
          : [
              { key: userKey, max: maxPerUser },
              { key: `address:${address ?? 'unknown'}`, max: maxPerAddress },
            ],
      );
      if ('retryAfter' in result) return result;
      return {
        succeeded: () => release(result.ids, userKey),
        cancel: () => release(result.ids),
      };
    },
  };
}
/** The database-backed sign-in throttle. */
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
