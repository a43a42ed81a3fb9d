import { cacheLookups } from '../observability/metrics.ts';

/**
 * A small cache of promises: concurrent callers of one key share a single upstream call (coalescing),
 * and a fulfilled value is reused for `ttlMs`. Rejections are never cached.
 */
export function createTtlCache<V>(
  ttlMs: number,
  now: () => number = Date.now,
  /** Label of this cache's hits and misses in GET /metrics. */
  name = 'unnamed',
) {
  const hits = cacheLookups.labels({ cache: name, result: 'hit' });
  const misses = cacheLookups.labels({ cache: name, result: 'miss' });
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        hits.inc();
        return entry.value;
      }
      misses.inc();
      const value = load();
      // While loading the entry never expires, so callers coalesce; it gets its real expiry once settled.
      const fresh = { value, expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, fresh);
      value.then(
        () => {
          fresh.expiresAt = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === fresh) entries.delete(key);
        },
      );
      return value;
    },
    /** Drops keys starting with `prefix` (all keys when omitted), e.g. after a change. */
    invalidate(prefix = ''): void {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
