import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's scrypt guidance lists N=2^17, r=8, p=1 and, as equally strong, N=2^16, r=8, p=2: the same
// work, but 64 MiB of memory per hash instead of 128 (p's lanes run one after another). With two
// hashes in flight (WHEELHOUSE_LOGIN_CONCURRENCY) that keeps a sign-in storm under 300 MiB of RSS.
// Hashes made with the older N=2^17, p=1 still verify (each hash names its parameters).
const PARAMS = { N: 2 ** 16, r: 8, p: 2 } as const;
const KEY_LENGTH = 32;
// Enough for the older 128 MiB parameters; a stored hash asking for more is refused, not computed.
const MAX_MEMORY = 160 * 1024 * 1024;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url parts), self-describing for future upgrades. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  }).catch(() => undefined); // parameters scrypt refuses (over MAX_MEMORY, N not a power of 2)
  return (
    actual !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected)
  );
}

/** Whether a stored hash was made with other parameters than today's (it is then upgraded at sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' ||
    Number(n) !== PARAMS.N ||
    Number(r) !== PARAMS.r ||
    Number(p) !== PARAMS.p
  );
}
