import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createLoginThrottle, type Refusal, type Reservation } from './loginThrottle.ts';

const MINUTE = 60_000;
const refused = (result: Reservation | Refusal) => 'retryAfter' in result;

function clock(start = 1_800_000_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('login throttle', () => {
  it('counts an attempt from the moment it starts, so a sixth parallel guess is refused', () => {
    const throttle = createLoginThrottle(openDatabase(':memory:'));
    const attempts = Array.from({ length: 6 }, () => throttle.reserve('ana', '10.0.0.1'));
    expect(attempts.map(refused)).toEqual([false, false, false, false, false, true]);
    expect((attempts[5] as Refusal).retryAfter).toBe(15 * 60);
  });

  it('counts per user name from any address', () => {
    const throttle = createLoginThrottle(openDatabase(':memory:'));
    for (let i = 0; i < 5; i++) expect(refused(throttle.reserve('ana', `10.0.0.${i}`))).toBe(false);
    expect(refused(throttle.reserve('ana', '10.9.9.9'))).toBe(true);
    expect(refused(throttle.reserve('bob', '10.9.9.9'))).toBe(false);
  });

  it('counts per address, whatever names it tries', () => {
    const throttle = createLoginThrottle(openDatabase(':memory:'), { maxPerAddress: 20 });
    for (let i = 0; i < 20; i++) {
      expect(refused(throttle.reserve(`nosuchuser${i}`, '10.0.0.1'))).toBe(false);
    }
    expect(refused(throttle.reserve('ana', '10.0.0.1'))).toBe(true);
    expect(refused(throttle.reserve('ana', '10.0.0.2'))).toBe(false);
  });

  it('forgives a user on success and gives back a slot that never checked a password', () => {
    const throttle = createLoginThrottle(openDatabase(':memory:'));
    for (let i = 0; i < 4; i++) throttle.reserve('ana', '10.0.0.1');
    (throttle.reserve('ana', '10.0.0.1') as Reservation).succeeded();
    for (let i = 0; i < 4; i++) throttle.reserve('ana', '10.0.0.1');
    (throttle.reserve('ana', '10.0.0.1') as Reservation).cancel();
    expect(refused(throttle.reserve('ana', '10.0.0.1'))).toBe(false);
    expect(refused(throttle.reserve('ana', '10.0.0.1'))).toBe(true);
  });

  it('lets failures leave the window and says how long until the oldest does', () => {
    const time = clock();
    const throttle = createLoginThrottle(openDatabase(':memory:'), { now: time.now });
    for (let i = 0; i < 5; i++) {
      throttle.reserve('ana', '10.0.0.1');
      time.advance(MINUTE);
    }
    expect(throttle.reserve('ana', '10.0.0.1')).toEqual({ retryAfter: 10 * 60 });
    time.advance(10 * MINUTE);
    expect(refused(throttle.reserve('ana', '10.0.0.1'))).toBe(false);
  });

  it('survives a restart: the failures are in the database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-throttle-'));
    try {
      const first = openDatabase(dataDir);
      for (let i = 0; i < 5; i++) createLoginThrottle(first).reserve('ana', '10.0.0.1');
      first.close();
      const second = openDatabase(dataDir);
      expect(refused(createLoginThrottle(second).reserve('ana', '10.0.0.2'))).toBe(true);
      second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('counts a browser the user signed in from per browser, so strangers cannot lock the user out', () => {
    const throttle = createLoginThrottle(openDatabase(':memory:'), { maxPerAddress: 5 });
    for (let i = 0; i < 5; i++) throttle.reserve('ana', '10.0.0.1');
    expect(refused(throttle.reserve('ana', '10.0.0.1'))).toBe(true);
    const fromKnownBrowser = Array.from({ length: 6 }, () =>
      throttle.reserve('ana', '10.0.0.1', 'device-1'),
    );
    expect(fromKnownBrowser.map(refused)).toEqual([false, false, false, false, false, true]);
    expect(refused(throttle.reserve('ana', '10.0.0.1', 'device-2'))).toBe(false);
  });
});
