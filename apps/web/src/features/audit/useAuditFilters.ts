import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditFilters } from '../../api/audit.ts';
import { parseAuditFilters, serializeAuditFilters } from './auditFilters.ts';

/** How a filter change enters the history: typing replaces the entry, a pick adds one. */
export interface FilterChangeOptions {
  replace?: boolean;
}

/** The audit filters, kept in the URL so a filtered view can be bookmarked and shared. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseAuditFilters(params), [params]);
  const setFilters = useCallback(
    (next: AuditFilters, options: FilterChangeOptions = {}) =>
      setParams(serializeAuditFilters(next), {
        preventScrollReset: true,
        replace: options.replace ?? false,
        // A pick commits at once: inside the router's transition a controlled checkbox or select
        // would snap back to its old value until the transition lands, and a quick second click
        // would act on what the box wrongly showed.
        flushSync: !options.replace,
      }),
    [setParams],
  );
  return [filters, setFilters] as const;
}
