/** Slows password guessing: after `maxFailures` failed sign-ins for one name from one address, wait. */
export function createLoginThrottle(
  maxFailures = 5,
  windowMs = 15 * 60 * 1000,
  now: () => number = Date.now,
) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((at) => at > now() - windowMs);

  return {
    /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
    retryAfter(key: string): number {
      const attempts = recent(key);
      if (attempts.length < maxFailures) return 0;
      return Math.ceil((attempts[0]! + windowMs - now()) / 1000);
    },
    failed(key: string): void {
      failures.set(key, [...recent(key), now()]);
    },
    succeeded(key: string): void {
      failures.delete(key);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
