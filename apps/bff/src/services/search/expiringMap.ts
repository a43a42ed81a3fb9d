/**
 * Promises kept for `ttlMs`, coalescing concurrent loads of one key. Unlike upstream/ttlCache.ts it
 * forgets expired entries on its own (a sweep whenever it grows past `sweepAt`): search keys one
 * entry per cluster and user, and users who searched once must not stay in memory for good.
 */
export function createExpiringMap<V>(ttlMs: number, sweepAt = 1_000, now = Date.now) {
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>();
  let nextSweep = sweepAt;

  function sweep() {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
    nextSweep = Math.max(sweepAt, entries.size * 2);
  }

  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.value;
      if (entries.size >= nextSweep) sweep();
      const value = load();
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
    /** Drops keys starting with `prefix` (all when omitted). */
    invalidate(prefix = ''): void {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
    get size(): number {
      return entries.size;
    },
  };
}
