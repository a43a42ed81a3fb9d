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
  succeeded(): void;
  /** The password was never checked (the hashing queue refused it): the slots are given back. */
  cancel(): void;
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

  const prune = db.prepare<[number]>('DELETE FROM login_attempts WHERE at <= ?');
  const recent = db.prepare<[string, number], { n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM login_attempts WHERE key = ? AND at > ?',
  );
  const insert = db.prepare<[string, number]>('INSERT INTO login_attempts (key, at) VALUES (?, ?)');
  const removeOne = db.prepare<[number]>('DELETE FROM login_attempts WHERE id = ?');
  const removeKey = db.prepare<[string]>('DELETE FROM login_attempts WHERE key = ?');

  // Checking every key and reserving in all of them is one transaction, so two attempts can never
  // both take the last slot.
  const reserveAll = db.transaction(
    (keys: { key: string; max: number }[]): Refusal | { ids: number[] } => {
      const at = now();
      prune.run(at - windowMs);
      let waitMs = 0;
      for (const { key, max } of keys) {
        const { n, oldest } = recent.get(key, at - windowMs)!;
        if (n >= max) waitMs = Math.max(waitMs, (oldest ?? at) + windowMs - at);
      }
      if (waitMs > 0 || keys.some(({ max }) => max <= 0)) {
        return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      return { ids: keys.map(({ key }) => Number(insert.run(key, at).lastInsertRowid)) };
    },
  );
  const release = db.transaction((ids: number[], forgiveKey?: string) => {
    for (const id of ids) removeOne.run(id);
    if (forgiveKey) removeKey.run(forgiveKey);
  });

  return {
    /**
     * Reserves a slot for one attempt by `username` from `address`, or says how long to wait. An
     * attempt from a browser the user signed in from before (`device`) is counted per browser only,
     * so guesses by others, against the name or from the same address, do not lock the user out.
     */
    reserve(username: string, address: string | undefined, device?: string): Reservation | Refusal {
      const userKey = `user:${username}`;
      const result = reserveAll.immediate(
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
