import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiError, isUnauthenticated } from './client.ts';
import { queryKeys } from './queryKeys.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** A 401 from this mutation is an answer (wrong password), not an expired session. */
      expectsUnauthenticated?: boolean;
    };
  }
}

// The BFF already retries AWS throttling with backoff; one more try here covers a dropped connection.
const MAX_RETRIES = 1;

/** Retry only what may succeed next time (network failures, 5xx), once. Never 4xx (401/403 above all). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * Builds the app's QueryClient. A 401 from any query or mutation means the session ended: the
 * session query is set to null, and the session guard then sends the user to sign-in with `?next=`.
 * Tests pass `{ queries: { retry: false } }`.
 */
export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  const signedOut = () => queryClient.setQueryData(queryKeys.session(), null);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== queryKeys.session()[0]) signedOut();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && !mutation.meta?.expectsUnauthenticated) signedOut();
      },
    }),
    defaultOptions: {
      ...overrides,
      queries: { retry: shouldRetry, staleTime: 10_000, ...overrides.queries },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
  return queryClient;
}
