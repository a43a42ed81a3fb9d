import { describe, expect, it } from 'vitest';
import { createExpiringMap } from './expiringMap.ts';

describe('createExpiringMap', () => {
  it('shares one load between concurrent callers and reloads after the time to live', async () => {
    let now = 0;
    let loads = 0;
    const map = createExpiringMap<number>(1_000, 10, () => now);
    const load = () => Promise.resolve(++loads);
    expect(await Promise.all([map.get('a', load), map.get('a', load)])).toEqual([1, 1]);
    now = 999;
    expect(await map.get('a', load)).toBe(1);
    now = 1_000;
    expect(await map.get('a', load)).toBe(2);
  });

  it('forgets expired keys by itself once it has grown, so one-time users do not stay', async () => {
    let now = 0;
    const map = createExpiringMap<string>(100, 10, () => now);
    for (let i = 0; i < 10; i++) await map.get(`user-${i}`, () => Promise.resolve('index'));
    now = 200;
    await map.get('another', () => Promise.resolve('index'));
    expect(map.size).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const map = createExpiringMap<string>(1_000);
    await expect(map.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await map.get('a', () => Promise.resolve('up'))).toBe('up');
  });
});
