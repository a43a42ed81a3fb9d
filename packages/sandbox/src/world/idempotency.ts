import { AwsError } from '../awsError.ts';

/** Canonical JSON (sorted keys) so two equal parameter sets fingerprint the same. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

interface Entry {
  fingerprint: string;
  result: Promise<unknown>;
}

/**
 * `clientRequestToken` handling: the same token with the same parameters gets
 * the first call's result back without applying the change again; the same
 * token with other parameters is refused. A call that fails does not use up
 * its token, so a corrected retry can reuse it.
 */
export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  constructor(private readonly capacity = 10_000) {}

  async run<T>(
    scope: string,
    token: string | undefined,
    params: unknown,
    apply: () => Promise<T>,
  ): Promise<T> {
    if (!token) return apply();
    const key = `${scope}|${token}`;
    const print = fingerprint(params);
    const seen = this.entries.get(key);
    if (seen) {
      if (seen.fingerprint !== print) {
        // InvalidParameterException: the one error every idempotent EKS operation declares.
        throw new AwsError(
          'InvalidParameterException',
          400,
          `The client request token ${token} was already used with different parameters.`,
        );
      }
      return structuredClone((await seen.result) as T);
    }
    // Stored before it settles, so a concurrent retry with the same token waits for this one.
    const result = apply();
    this.entries.set(key, { fingerprint: print, result });
    if (this.entries.size > this.capacity) {
      // Oldest first out: a Map iterates in insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    try {
      return structuredClone(await result);
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }
}
