import { cacheLookups } from '../observability/metrics.ts';

/**
 * A small cache of promises: concurrent callers of one key share a single upstream call (coalescing),
 * and a fulfilled value is reused for `ttlMs`. Rejections are never cached. Expired entries go by
 * themselves (a sweep whenever the cache has grown past `sweepAt`): caches keyed per user or per
 * cluster must not keep everyone who asked once in memory for good.
 */
export function createTtlCache<V>(
  ttlMs: number,
  now: () => number = Date.now,
  /** Label of this cache's hits and misses in GET /metrics. */
  name = 'unnamed',
  sweepAt = 1_000,
) {
  const hits = cacheLookups.labels({ cache: name, result: 'hit' });
  const misses = cacheLookups.labels({ cache: name, result: 'miss' });
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>();
  let nextSweep = sweepAt;

  function sweep() {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
    // Twice the live entries: a cache of many live keys is not swept on every miss.
    nextSweep = Math.max(sweepAt, entries.size * 2);
  }

  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        hits.inc();
        return entry.value;
      }
      misses.inc();
      if (entries.size >= nextSweep) sweep();
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
    /** Entries held, expired ones not yet swept included. */
    get size(): number {
      return entries.size;
    },
  };
}
export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
