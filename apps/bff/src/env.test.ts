import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('session limits from the environment', () => {
  it('default to 30 idle minutes and 12 hours in all', () => {
    const env = readEnv({});
    expect(env.WHEELHOUSE_SESSION_IDLE).toBe(30 * 60_000);
    expect(env.WHEELHOUSE_SESSION_MAX).toBe(12 * 3_600_000);
  });

  it('read seconds, or a number with s, m or h', () => {
    const env = readEnv({ WHEELHOUSE_SESSION_IDLE: '900', WHEELHOUSE_SESSION_MAX: '8h' });
    expect(env.WHEELHOUSE_SESSION_IDLE).toBe(900_000);
    expect(env.WHEELHOUSE_SESSION_MAX).toBe(8 * 3_600_000);
    expect(readEnv({ WHEELHOUSE_SESSION_IDLE: '90s' }).WHEELHOUSE_SESSION_IDLE).toBe(90_000);
    expect(readEnv({ WHEELHOUSE_SESSION_IDLE: '15m' }).WHEELHOUSE_SESSION_IDLE).toBe(900_000);
  });

  it('refuse what is not a duration, naming the variable', () => {
    for (const value of ['soon', '0', '-5m', '10d']) {
      expect(() => readEnv({ WHEELHOUSE_SESSION_IDLE: value }), value).toThrow(
        /WHEELHOUSE_SESSION_IDLE: expected a duration/,
      );
    }
  });
});
