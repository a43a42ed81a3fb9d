import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from './idempotency.ts';

describe('IdempotencyStore', () => {
  it('applies once per token and returns the first result to a retry with the same parameters', async () => {
    const store = new IdempotencyStore();
    let applied = 0;
    const apply = async () => ({ id: ++applied });
    const first = await store.run('scope', 'token-1', { name: 'a' }, apply);
    const retry = await store.run('scope', 'token-1', { name: 'a' }, apply);
    expect(retry).toEqual(first);
    expect(applied).toBe(1);
    await store.run('scope', 'token-2', { name: 'a' }, apply);
    await store.run('scope', undefined, { name: 'a' }, apply);
    expect(applied).toBe(3);
  });

  it('refuses a reused token with other parameters, and frees the token of a failed call', async () => {
    const store = new IdempotencyStore();
    await store.run('scope', 't', { name: 'a', tags: { x: '1', y: '2' } }, async () => 1);
    // Same members in another order are the same parameters.
    await expect(
      store.run('scope', 't', { tags: { y: '2', x: '1' }, name: 'a' }, async () => 2),
    ).resolves.toBe(1);
    await expect(store.run('scope', 't', { name: 'b' }, async () => 3)).rejects.toMatchObject({
      code: 'InvalidParameterException',
    });
    await expect(
      store.run('scope', 'u', {}, async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(store.run('scope', 'u', {}, async () => 4)).resolves.toBe(4);
  });
});
