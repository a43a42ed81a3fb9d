import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseResourcesParams,
  writeResourcesParams,
  type ResourcesParams,
} from './resourcesParams.ts';

/** Merges a change into the Resources state in the URL. */
export type UpdateResourcesParams = (
  change: Partial<ResourcesParams> | ((current: ResourcesParams) => ResourcesParams),
  options?: { replace?: boolean },
) => void;

/**
 * The Resources tab's view, namespace, filters and sort, kept in the URL so a link reproduces
 * what one sees. Pass `replace` for changes that should not add a history entry (keystrokes).
 */
export function useResourcesParams(): [ResourcesParams, UpdateResourcesParams] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseResourcesParams(search), [search]);
  const update = useCallback<UpdateResourcesParams>(
    (change, options) =>
      setSearch(
        (current) => {
          const base = parseResourcesParams(current);
          const next = typeof change === 'function' ? change(base) : { ...base, ...change };
          return writeResourcesParams(current, next);
        },
        { replace: options?.replace ?? false, preventScrollReset: true },
      ),
    [setSearch],
  );
  return [params, update];
}
