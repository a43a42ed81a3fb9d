import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { LoginRequest, SessionInfo } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall, isUnauthenticated, setCsrfToken } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** The session, or null when nobody is signed in (GET /api/session answered 401). */
async function fetchSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await apiCall(e.getSession, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    setCsrfToken(undefined);
    return null;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => fetchSession(signal),
    // Other requests notice an expired session through their 401, so no need to poll this one.
    staleTime: 5 * 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

function forgetSession(queryClient: QueryClient) {
  setCsrfToken(undefined);
  // Drop everything the previous user could read, but keep the (now null) session entry so the
  // guard redirects instead of asking the server again.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session()[0] });
  queryClient.setQueryData(queryKeys.session(), null);
}

/** Signs in; a 401 here means wrong credentials and is shown by the form, not treated as expiry. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => apiCall(e.signIn, { body: credentials }),
    meta: { expectsUnauthenticated: true },
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

/**
 * Signs out (DELETE with the CSRF header); the local session is forgotten even if the server had already
 * ended it. Resolves to the identity provider's logout URL when the session came from SSO and the
 * provider can end its own session too.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<string | undefined> => {
      try {
        const result = await apiCall(e.signOut, {});
        return result?.logoutUrl;
      } catch (error) {
        if (!isUnauthenticated(error)) throw error;
        return undefined;
      }
    },
    meta: { expectsUnauthenticated: true },
    onSuccess: () => forgetSession(queryClient),
  });
}

/** The ways to sign in the server offers (password, SSO); asked before anyone is signed in. */
export const authProvidersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.authProviders(),
    queryFn: ({ signal }) => apiCall(e.authProviders, { signal }),
    staleTime: Infinity,
  });

export function useAuthProviders() {
  return useQuery(authProvidersQueryOptions());
}
