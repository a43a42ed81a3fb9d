import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseClusterFilters,
  serializeClusterFilters,
  type ClusterFilters,
} from './clusterFilters.ts';

/**
 * The clusters view, kept in the URL query so links reproduce it and back/forward step through it.
 * `update` merges a change into the current URL; pass `replace` for changes that should not add a
 * history entry (e.g. each keystroke of the text filter).
 */
export function useClusterFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseClusterFilters(params), [params]);
  const update = useCallback(
    (
      change: Partial<ClusterFilters> | ((current: ClusterFilters) => ClusterFilters),
      options?: { replace?: boolean },
    ) => {
      setParams(
        (current) => {
          const base = parseClusterFilters(current);
          const next = typeof change === 'function' ? change(base) : { ...base, ...change };
          return serializeClusterFilters(next);
        },
        { replace: options?.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );
  return [filters, update] as const;
}
