import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

export const sourcesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.sources(),
    queryFn: ({ signal }) => apiCall(e.listSources, { signal }),
    // Configuration changes only when the BFF restarts.
    staleTime: 10 * 60_000,
  });

/** The accounts and regions the console reads (names for account ids, filter options). */
export function useSources() {
  return useQuery(sourcesQueryOptions());
}
