import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createLoginThrottle, type Refusal, type Reservation } from './loginThrottle.ts';

const MINUTE = 60_000;
const refused = (result: Reservation | Refusal) => 'retryAfter' in result;

function clock(start = 1_800_000_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describeEachEngine('login throttle', (fresh) => {
  it('counts an attempt from the moment it starts, so a sixth parallel guess is refused', async () => {
    const throttle = createLoginThrottle(await fresh());
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => throttle.reserve('ana', '10.0.0.1')),
    );
    expect(attempts.filter(refused)).toHaveLength(1);
    expect((attempts.find(refused) as Refusal).retryAfter).toBe(15 * 60);
  });

  it('counts per user name from any address', async () => {
    const throttle = createLoginThrottle(await fresh());
    for (let i = 0; i < 5; i++)
      expect(refused(await throttle.reserve('ana', `10.0.0.${i}`))).toBe(false);
    expect(refused(await throttle.reserve('ana', '10.9.9.9'))).toBe(true);
    expect(refused(await throttle.reserve('bob', '10.9.9.9'))).toBe(false);
  });

  it('counts per address, whatever names it tries', async () => {
    const throttle = createLoginThrottle(await fresh(), { maxPerAddress: 20 });
    for (let i = 0; i < 20; i++) {
      expect(refused(await throttle.reserve(`nosuchuser${i}`, '10.0.0.1'))).toBe(false);
    }
    expect(refused(await throttle.reserve('ana', '10.0.0.1'))).toBe(true);
    expect(refused(await throttle.reserve('ana', '10.0.0.2'))).toBe(false);
  });

  it('forgives a user on success and gives back a slot that never checked a password', async () => {
    const throttle = createLoginThrottle(await fresh());
    for (let i = 0; i < 4; i++) await throttle.reserve('ana', '10.0.0.1');
    await ((await throttle.reserve('ana', '10.0.0.1')) as Reservation).succeeded();
    for (let i = 0; i < 4; i++) await throttle.reserve('ana', '10.0.0.1');
    await ((await throttle.reserve('ana', '10.0.0.1')) as Reservation).cancel();
    expect(refused(await throttle.reserve('ana', '10.0.0.1'))).toBe(false);
    expect(refused(await throttle.reserve('ana', '10.0.0.1'))).toBe(true);
  });

  it('lets failures leave the window and says how long until the oldest does', async () => {
    const time = clock();
    const throttle = createLoginThrottle(await fresh(), { now: time.now });
    for (let i = 0; i < 5; i++) {
      await throttle.reserve('ana', '10.0.0.1');
      time.advance(MINUTE);
    }
    expect(await throttle.reserve('ana', '10.0.0.1')).toEqual({ retryAfter: 10 * 60 });
    time.advance(10 * MINUTE);
    expect(refused(await throttle.reserve('ana', '10.0.0.1'))).toBe(false);
  });

  it('counts a browser the user signed in from per browser, so strangers cannot lock the user out', async () => {
    const throttle = createLoginThrottle(await fresh(), { maxPerAddress: 5 });
    for (let i = 0; i < 5; i++) await throttle.reserve('ana', '10.0.0.1');
    expect(refused(await throttle.reserve('ana', '10.0.0.1'))).toBe(true);
    const fromKnownBrowser = await Promise.all(
      Array.from({ length: 6 }, () => throttle.reserve('ana', '10.0.0.1', 'device-1')),
    );
    expect(fromKnownBrowser.filter(refused)).toHaveLength(1);
    expect(refused(await throttle.reserve('ana', '10.0.0.1', 'device-2'))).toBe(false);
  });
});

describe('login throttle on disk', () => {
  it('survives a restart: the failures are in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-throttle-'));
    try {
      const first = openDatabase(dataDir);
      for (let i = 0; i < 5; i++) await createLoginThrottle(first).reserve('ana', '10.0.0.1');
      await first.close();
      const second = openDatabase(dataDir);
      expect(refused(await createLoginThrottle(second).reserve('ana', '10.0.0.2'))).toBe(true);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
