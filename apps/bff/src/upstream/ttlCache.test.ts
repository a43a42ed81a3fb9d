import { describe, expect, it, vi } from 'vitest';
import { createTtlCache } from './ttlCache.ts';
import { cacheLookups } from '../observability/metrics.ts';

describe('createTtlCache', () => {
  it('shares one load between concurrent callers of a key', async () => {
    const cache = createTtlCache<number>(1000);
    const load = vi.fn(async () => 42);
    const values = await Promise.all([
      cache.get('k', load),
      cache.get('k', load),
      cache.get('k', load),
    ]);
    expect(values).toEqual([42, 42, 42]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reuses a value until its time is up, then loads again', async () => {
    let clock = 0;
    const cache = createTtlCache<number>(1000, () => clock);
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get('k', load)).toBe(1);
    clock = 999;
    expect(await cache.get('k', load)).toBe(1);
    clock = 1001;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('never caches a failure', async () => {
    const cache = createTtlCache<number>(1000);
    await expect(cache.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('drops keys by prefix', async () => {
    const cache = createTtlCache<string>(60_000);
    await cache.get('a|1', async () => 'old a');
    await cache.get('b|1', async () => 'old b');
    cache.invalidate('a|');
    expect(await cache.get('a|1', async () => 'new a')).toBe('new a');
    expect(await cache.get('b|1', async () => 'new b')).toBe('old b');
  });
});

describe('cache metrics', () => {
  it('count hits and misses under the cache name', async () => {
    const count = async (result: 'hit' | 'miss') =>
      (await cacheLookups.get()).values.find(
        (v) => v.labels.cache === 'metrics-test' && v.labels.result === result,
      )?.value ?? 0;
    let time = 0;
    const cache = createTtlCache<number>(1000, () => time, 'metrics-test');
    await cache.get('a', async () => 1);
    await cache.get('a', async () => 2);
    time = 5000;
    await cache.get('a', async () => 3);
    expect(await count('miss')).toBe(2);
    expect(await count('hit')).toBe(1);
  });

  it('forgets expired keys by itself once it has grown, so one-time users do not stay', async () => {
    let now = 0;
    const cache = createTtlCache<string>(100, () => now, 'sweep-test', 10);
    for (let i = 0; i < 10; i++) await cache.get(`user-${i}`, () => Promise.resolve('index'));
    now = 200;
    await cache.get('another', () => Promise.resolve('index'));
    expect(cache.size).toBe(1);
  });
});
