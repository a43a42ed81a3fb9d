import { useQuery } from '@tanstack/react-query';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** Control-plane price, Spot share and extended-support exposure of the fleet. */
export function useFleetCost() {
  return useQuery({
    queryKey: queryKeys.cost.fleet(),
    queryFn: ({ signal }) => apiCall(e.fleetCost, { signal }),
    staleTime: 60_000,
  });
}
