import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Shares one credential fetch between every client that uses it, and refreshes it ahead of expiry.
 * The SDK memoises per client; without this each region's client would call AssumeRole on its own.
 */
export function sharedCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return () => {
    if (pending) return pending;
    const current = provider().then(
      (credentials) => {
        const expiry = credentials.expiration?.getTime();
        if (expiry !== undefined) {
          setTimeout(
            () => {
              if (pending === current) pending = undefined;
            },
            Math.max(0, expiry - now() - REFRESH_MARGIN_MS),
          ).unref();
        }
        return credentials;
      },
      (error: unknown) => {
        // A failed fetch is not cached: the next request tries again.
        if (pending === current) pending = undefined;
        throw error;
      },
    );
    pending = current;
    return current;
  };
}
