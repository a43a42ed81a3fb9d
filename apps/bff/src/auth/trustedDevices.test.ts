import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { createTrustedDevices, DEVICE_MAX_AGE_MS, DEVICES_PER_USER } from './trustedDevices.ts';

describeEachEngine('trusted devices', (fresh) => {
  it('knows a browser only for the user who signed in there, and only until it expires', async () => {
    let now = 1_800_000_000_000;
    const db = await fresh();
    const devices = createTrustedDevices(db, () => now);
    const { token } = await devices.mint('ana');
    const id = await devices.verify(token, 'ana');
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(await devices.verify(token, 'bob')).toBeUndefined();
    expect(await devices.verify(`${token}x`, 'ana')).toBeUndefined();
    expect(await devices.verify(undefined, 'ana')).toBeUndefined();
    // Only the token's hash is stored.
    expect(
      JSON.stringify(await db.kysely.selectFrom('login_devices').selectAll().execute()),
    ).not.toContain(token);
    now += DEVICE_MAX_AGE_MS;
    expect(await devices.verify(token, 'ana')).toBeUndefined();
  });

  it(`remembers the newest ${DEVICES_PER_USER} browsers per user`, async () => {
    const devices = createTrustedDevices(await fresh());
    const tokens: string[] = [];
    for (let i = 0; i <= DEVICES_PER_USER; i++) tokens.push((await devices.mint('ana')).token);
    expect(await devices.verify(tokens[0], 'ana')).toBeUndefined();
    for (const token of tokens.slice(1)) expect(await devices.verify(token, 'ana')).toBeDefined();
    expect(await devices.verify((await devices.mint('bob')).token, 'bob')).toBeDefined();
  });
});
