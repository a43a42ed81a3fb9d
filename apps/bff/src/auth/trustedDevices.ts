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
  const insert = db.prepare<[string, string, number, number]>(
    'INSERT INTO login_devices (token_hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string, number], { user: string }>(
    'SELECT user FROM login_devices WHERE token_hash = ? AND expires_at > ?',
  );
  const prune = db.prepare<[number]>('DELETE FROM login_devices WHERE expires_at <= ?');
  const keepNewest = db.prepare<[string, string, number]>(
    `DELETE FROM login_devices WHERE user = ? AND token_hash NOT IN
       (SELECT token_hash FROM login_devices WHERE user = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
  );

  return {
    /** Remembers this browser for `user`; returns the cookie's value. */
    mint(user: string): { token: string; expiresAt: number } {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      prune.run(at);
      insert.run(hashOf(token), user, at, at + DEVICE_MAX_AGE_MS);
      keepNewest.run(user, user, DEVICES_PER_USER);
      return { token, expiresAt: at + DEVICE_MAX_AGE_MS };
    },
    /** The device's id when `token` is a live device cookie of `user`, else undefined. */
    verify(token: string | undefined, user: string): string | undefined {
      if (!token) return undefined;
      const id = hashOf(token);
      return byHash.get(id, now())?.user === user ? id : undefined;
    },
  };
}
/** Browsers known to have signed in before. */
export type TrustedDevices = ReturnType<typeof createTrustedDevices>;
