import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { createSessionStore, csrfMatches } from './sessions.ts';

describeEachEngine('session store', (fresh) => {
  it('finds a session by its cookie value and stores only a hash of it', async () => {
    const db = await fresh();
    const sessions = createSessionStore(db);
    const { id, session } = await sessions.create('ana', 'operator');
    expect(await sessions.get(id)).toMatchObject({
      user: 'ana',
      role: 'operator',
      csrfToken: session.csrfToken,
    });
    const stored = await db.kysely.selectFrom('sessions').select('id_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toBe(id);
    expect(await sessions.get('made-up')).toBeUndefined();
  });

  it('ends a session after 30 idle minutes by default, and not while it is used', async () => {
    let clock = 0;
    const sessions = createSessionStore(await fresh(), { now: () => clock });
    const idle = await sessions.create('ana', 'auditor');
    const busy = await sessions.create('bo', 'auditor');
    clock = 29 * 60_000;
    expect(await sessions.get(busy.id)).toBeDefined();
    clock = 30 * 60_000;
    expect(await sessions.get(idle.id)).toBeUndefined();
    // Used at minute 29, so its idle clock restarted then.
    clock = 58 * 60_000;
    expect(await sessions.get(busy.id)).toBeDefined();
    clock = 88 * 60_000;
    expect(await sessions.get(busy.id)).toBeUndefined();
  });

  it('ends even a busy session twelve hours after sign-in by default', async () => {
    let clock = 0;
    const sessions = createSessionStore(await fresh(), { now: () => clock });
    const busy = await sessions.create('ana', 'auditor');
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      clock = minute * 60_000;
      expect(await sessions.get(busy.id), `minute ${minute}`).toBeDefined();
    }
    clock = 12 * 3600_000;
    expect(await sessions.get(busy.id)).toBeUndefined();
  });

  it('takes its idle and absolute limits from the options', async () => {
    let clock = 0;
    const sessions = createSessionStore(await fresh(), {
      idleMs: 5_000,
      maxMs: 12_000,
      now: () => clock,
    });
    const idle = await sessions.create('ana', 'admin');
    const busy = await sessions.create('bo', 'admin');
    for (clock = 4_000; clock < 12_000; clock += 4_000) {
      expect(await sessions.get(busy.id), `at ${clock} ms`).toBeDefined();
    }
    expect(await sessions.get(idle.id)).toBeUndefined();
    clock = 12_000;
    expect(await sessions.get(busy.id)).toBeUndefined();
  });

  it('gives every sign-in a new id and keeps how the user signed in', async () => {
    const sessions = createSessionStore(await fresh());
    const first = await sessions.create('ana', 'operator', {
      groups: ['platform-operators'],
      authMethod: 'oidc',
    });
    const second = await sessions.create('ana', 'operator');
    expect(second.id).not.toBe(first.id);
    expect(await sessions.get(first.id)).toMatchObject({
      groups: ['platform-operators'],
      authMethod: 'oidc',
    });
    expect(await sessions.get(second.id)).toMatchObject({ groups: [], authMethod: 'local' });
  });

  it('forgets a destroyed session', async () => {
    const sessions = createSessionStore(await fresh());
    const { id } = await sessions.create('ana', 'admin');
    await sessions.destroy(id);
    expect(await sessions.get(id)).toBeUndefined();
  });

  it('compares CSRF tokens exactly', async () => {
    expect(csrfMatches('abc', 'abc')).toBe(true);
    expect(csrfMatches('abc', 'abd')).toBe(false);
    expect(csrfMatches('abc', undefined)).toBe(false);
    expect(csrfMatches('abc', 'abcd')).toBe(false);
  });
});
