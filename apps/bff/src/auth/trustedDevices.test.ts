import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createTrustedDevices, DEVICE_MAX_AGE_MS, DEVICES_PER_USER } from './trustedDevices.ts';

describe('trusted devices', () => {
  it('knows a browser only for the user who signed in there, and only until it expires', () => {
    let now = 1_800_000_000_000;
    const db = openDatabase(':memory:');
    const devices = createTrustedDevices(db, () => now);
    const { token } = devices.mint('ana');
    const id = devices.verify(token, 'ana');
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(devices.verify(token, 'bob')).toBeUndefined();
    expect(devices.verify(`${token}x`, 'ana')).toBeUndefined();
    expect(devices.verify(undefined, 'ana')).toBeUndefined();
    // Only the token's hash is stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM login_devices').all())).not.toContain(token);
    now += DEVICE_MAX_AGE_MS;
    expect(devices.verify(token, 'ana')).toBeUndefined();
  });

  it(`remembers the newest ${DEVICES_PER_USER} browsers per user`, () => {
    const devices = createTrustedDevices(openDatabase(':memory:'));
    const tokens = Array.from({ length: DEVICES_PER_USER + 1 }, () => devices.mint('ana').token);
    expect(devices.verify(tokens[0], 'ana')).toBeUndefined();
    expect(tokens.slice(1).every((token) => devices.verify(token, 'ana'))).toBe(true);
    expect(devices.verify(devices.mint('bob').token, 'bob')).toBeDefined();
  });
});
