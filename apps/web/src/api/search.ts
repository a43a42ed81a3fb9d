import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchKind } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** Shorter queries match too much of a fleet to be worth the fan-out. */
export const SEARCH_MIN_LENGTH = 2;

export const fleetSearchQueryOptions = (q: string, kinds: readonly SearchKind[] = []) =>
  queryOptions({
    queryKey: queryKeys.search(q, kinds),
    queryFn: ({ signal }) =>
      apiCall(e.fleetSearch, {
        query: { q, ...(kinds.length ? { kinds: kinds.join(',') } : {}) },
        signal,
      }),
    // Results a few seconds old are fine while typing back and forth; the BFF's index is older.
    staleTime: 10_000,
  });

/** Fleet search for `q` (already debounced by the caller); idle below SEARCH_MIN_LENGTH characters. */
export function useFleetSearch(q: string, kinds: readonly SearchKind[] = []) {
  return useQuery({
    ...fleetSearchQueryOptions(q.trim(), kinds),
    enabled: q.trim().length >= SEARCH_MIN_LENGTH,
    // The previous answer stays on screen while the next one loads, so the list does not flicker.
    placeholderData: keepPreviousData,
  });
}
