import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  parsePostureFilters,
  serializePostureFilters,
  type PostureFilters,
} from './postureFindings.ts';

const KEYS = ['severity', 'check', 'q'];

/** The posture filters in the URL, leaving its other parameters (a cluster page's `tab`) alone. */
export function usePostureFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parsePostureFilters(params), [params]);
  const setFilters = useCallback(
    (next: PostureFilters, options: { replace?: boolean } = {}) =>
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          for (const key of KEYS) merged.delete(key);
          for (const [key, value] of serializePostureFilters(next)) merged.append(key, value);
          return merged;
        },
        { preventScrollReset: true, replace: options.replace ?? false },
      ),
    [setParams],
  );
  return [filters, setFilters] as const;
}
