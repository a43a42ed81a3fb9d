import { describe, expect, it, vi } from 'vitest';
import { sharedCredentials } from './credentials.ts';

describe('sharedCredentials', () => {
  it('calls the provider once for many concurrent clients', async () => {
    const provider = vi.fn(async () => ({ accessKeyId: 'AKIA', secretAccessKey: 's' }));
    const shared = sharedCredentials(provider);
    await Promise.all([shared(), shared(), shared()]);
    await shared();
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failure instead of caching it', async () => {
    const provider = vi
      .fn()
      .mockRejectedValueOnce(new Error('AccessDenied'))
      .mockResolvedValueOnce({ accessKeyId: 'AKIA', secretAccessKey: 's' });
    const shared = sharedCredentials(provider);
    await expect(shared()).rejects.toThrow('AccessDenied');
    await expect(shared()).resolves.toMatchObject({ accessKeyId: 'AKIA' });
  });

  it('fetches fresh credentials ahead of expiry', async () => {
    vi.useFakeTimers();
    try {
      const now = Date.now();
      let n = 0;
      const provider = vi.fn(async () => ({
        accessKeyId: `ASIA${++n}`,
        secretAccessKey: 's',
        expiration: new Date(now + 10 * 60 * 1000),
      }));
      const shared = sharedCredentials(provider);
      expect((await shared()).accessKeyId).toBe('ASIA1');
      await vi.advanceTimersByTimeAsync(4 * 60 * 1000);
      expect((await shared()).accessKeyId).toBe('ASIA1');
      await vi.advanceTimersByTimeAsync(2 * 60 * 1000);
      expect((await shared()).accessKeyId).toBe('ASIA2');
    } finally {
      vi.useRealTimers();
    }
  });
});
