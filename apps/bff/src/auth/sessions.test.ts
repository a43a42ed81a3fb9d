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

  it('ends a session after two idle hours and after twelve hours in all', () => {
    let clock = 0;
    const sessions = createSessionStore(openDatabase(':memory:'), () => clock);
    const idle = sessions.create('ana', 'auditor');
    clock = 2 * 3600_000 + 1;
    expect(sessions.get(idle.id)).toBeUndefined();

    const busy = sessions.create('ana', 'auditor');
    for (let hour = 1; hour <= 11; hour++) {
      clock = 2 * 3600_000 + hour * 3600_000;
      expect(sessions.get(busy.id)).toBeDefined();
    }
    clock = 2 * 3600_000 + 1 + 12 * 3600_000 + 1;
    expect(sessions.get(busy.id)).toBeUndefined();
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
