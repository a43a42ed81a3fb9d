import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

/** Cookie naming a browser in which a user has signed in before (sent only to the sign-in route). */
export const DEVICE_COOKIE = 'wh_device';
/** How long a browser stays known after a successful sign-in. */
export const DEVICE_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

/** Browsers remembered per user; a script that signs in without keeping cookies drops the oldest. */
export const DEVICES_PER_USER = 20;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Browsers in which a user signed in with their password before ("device cookies", as OWASP
 * recommends against lockout): their sign-ins are throttled per browser rather than per user name,
 * and go first in the hashing queue, so a storm or someone else's guessing cannot lock that user out.
 * Tokens are random, stored only as hashes, and grant nothing but that.
 */
export function createTrustedDevices(db: Db, now: () => number = Date.now) {
  const k = db.kysely;

  return {
    /** Remembers this browser for `user`; returns the cookie's value. */
    async mint(user: string): Promise<{ token: string; expiresAt: number }> {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      await k.deleteFrom('login_devices').where('expires_at', '<=', at).execute();
      await k
        .insertInto('login_devices')
        .values({
          token_hash: hashOf(token),
          user,
          created_at: at,
          expires_at: at + DEVICE_MAX_AGE_MS,
        })
        .execute();
      const keep = k
        .selectFrom('login_devices')
        .select('seq')
        .where('user', '=', user)
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(DEVICES_PER_USER);
      // PostgreSQL refuses LIMIT directly inside NOT IN; a derived table is fine on both engines.
      await k
        .deleteFrom('login_devices')
        .where('user', '=', user)
        .where('seq', 'not in', k.selectFrom(keep.as('newest')).select('newest.seq'))
        .execute();
      return { token, expiresAt: at + DEVICE_MAX_AGE_MS };
    },
    /** The device's id when `token` is a live device cookie of `user`, else undefined. */
    async verify(token: string | undefined, user: string): Promise<string | undefined> {
      if (!token) return undefined;
      const id = hashOf(token);
      const row = await k
        .selectFrom('login_devices')
        .select('user')
        .where('token_hash', '=', id)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row?.user === user ? id : undefined;
    },
  };
}
/** Browsers known to have signed in before. */
export type TrustedDevices = ReturnType<typeof createTrustedDevices>;
