import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createSessionStore, csrfMatches } from './sessions.ts';

describe('session store', () => {
  it('finds a session by its cookie value and stores only a hash of it', () => {
    const db = openDatabase(':memory:');
    const sessions = createSessionStore(db);
    const { id, session } = sessions.create('ana', 'operator');
    expect(sessions.get(id)).toMatchObject({
      user: 'ana',
      role: 'operator',
      csrfToken: session.csrfToken,
    });
    const stored = db.prepare('SELECT id_hash FROM sessions').pluck().all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(id);
    expect(sessions.get('made-up')).toBeUndefined();
  });

  it('ends a session after 30 idle minutes by default, and not while it is used', () => {
    let clock = 0;
    const sessions = createSessionStore(openDatabase(':memory:'), { now: () => clock });
    const idle = sessions.create('ana', 'auditor');
    const busy = sessions.create('bo', 'auditor');
    clock = 29 * 60_000;
    expect(sessions.get(busy.id)).toBeDefined();
    clock = 30 * 60_000;
    expect(sessions.get(idle.id)).toBeUndefined();
    // Used at minute 29, so its idle clock restarted then.
    clock = 58 * 60_000;
    expect(sessions.get(busy.id)).toBeDefined();
    clock = 88 * 60_000;
    expect(sessions.get(busy.id)).toBeUndefined();
  });

  it('ends even a busy session twelve hours after sign-in by default', () => {
    let clock = 0;
    const sessions = createSessionStore(openDatabase(':memory:'), { now: () => clock });
    const busy = sessions.create('ana', 'auditor');
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      clock = minute * 60_000;
      expect(sessions.get(busy.id), `minute ${minute}`).toBeDefined();
    }
    clock = 12 * 3600_000;
    expect(sessions.get(busy.id)).toBeUndefined();
  });

  it('takes its idle and absolute limits from the options', () => {
    let clock = 0;
    const sessions = createSessionStore(openDatabase(':memory:'), {
      idleMs: 5_000,
      maxMs: 12_000,
      now: () => clock,
    });
    const idle = sessions.create('ana', 'admin');
    const busy = sessions.create('bo', 'admin');
    for (clock = 4_000; clock < 12_000; clock += 4_000) {
      expect(sessions.get(busy.id), `at ${clock} ms`).toBeDefined();
    }
    expect(sessions.get(idle.id)).toBeUndefined();
    clock = 12_000;
    expect(sessions.get(busy.id)).toBeUndefined();
  });

  it('gives every sign-in a new id and keeps how the user signed in', () => {
    const sessions = createSessionStore(openDatabase(':memory:'));
    const first = sessions.create('ana', 'operator', {
      groups: ['platform-operators'],
      authMethod: 'oidc',
    });
    const second = sessions.create('ana', 'operator');
    expect(second.id).not.toBe(first.id);
    expect(sessions.get(first.id)).toMatchObject({
      groups: ['platform-operators'],
      authMethod: 'oidc',
    });
    expect(sessions.get(second.id)).toMatchObject({ groups: [], authMethod: 'local' });
  });

  it('forgets a destroyed session', () => {
    const sessions = createSessionStore(openDatabase(':memory:'));
    const { id } = sessions.create('ana', 'admin');
    sessions.destroy(id);
    expect(sessions.get(id)).toBeUndefined();
  });

  it('compares CSRF tokens exactly', () => {
    expect(csrfMatches('abc', 'abc')).toBe(true);
    expect(csrfMatches('abc', 'abd')).toBe(false);
    expect(csrfMatches('abc', undefined)).toBe(false);
    expect(csrfMatches('abc', 'abcd')).toBe(false);
  });
});
