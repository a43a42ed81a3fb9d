import { randomBytes, scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { createUserDirectory, createUserStore } from './users.ts';

/** A hash as the console made them before scrypt N=2^16, p=2. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 2 ** 28 });
  return `scrypt$131072$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

describeEachEngine('user directory', (fresh) => {
  it("upgrades an older user's hash to today's parameters at a successful sign-in", async () => {
    const db = await fresh();
    const store = createUserStore(db);
    const old = legacyHash('s3cret-passphrase');
    await db.kysely
      .insertInto('users')
      .values({ name: 'ana', role: 'operator', password_hash: old, created_at: 'x' })
      .execute();
    const users = createUserDirectory(store);

    expect(await users.authenticate('ana', 'wrong')).toBeUndefined();
    expect((await store.find('ana'))!.passwordHash).toBe(old);

    expect(await users.authenticate('ana', 's3cret-passphrase')).toEqual({
      name: 'ana',
      role: 'operator',
    });
    expect((await store.find('ana'))!.passwordHash).toMatch(/^scrypt\$65536\$8\$2\$/);
    expect(await users.authenticate('ana', 's3cret-passphrase')).toBeDefined();
  });
});
