import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('sign-in hashing settings', () => {
  it('defaults to 2 hashes in flight and 16 waiting', () => {
    const env = readEnv({});
    expect([env.WHEELHOUSE_LOGIN_CONCURRENCY, env.WHEELHOUSE_LOGIN_QUEUE]).toEqual([2, 16]);
  });

  it('refuses a bound that would let hashing take every libuv thread, naming the variable', () => {
    expect(() => readEnv({ WHEELHOUSE_LOGIN_CONCURRENCY: '4' })).toThrow(
      /WHEELHOUSE_LOGIN_CONCURRENCY: must be below UV_THREADPOOL_SIZE \(4\)/,
    );
    expect(readEnv({ WHEELHOUSE_LOGIN_CONCURRENCY: '4', UV_THREADPOOL_SIZE: '8' })).toMatchObject({
      WHEELHOUSE_LOGIN_CONCURRENCY: 4,
    });
    expect(() => readEnv({ WHEELHOUSE_LOGIN_QUEUE: '-1' })).toThrow(/WHEELHOUSE_LOGIN_QUEUE/);
  });
});
