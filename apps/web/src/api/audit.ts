import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** The audit log's filters, as the BFF takes them; an empty string means "any". */
export interface AuditFilters {
  user: string;
  /** An action or its start ("nodegroup" finds every node group action). */
  action: string;
  /** Substring of the target ARN or path. */
  target: string;
  outcome: '' | 'pending' | 'success' | 'failure' | 'denied';
  /** ISO 8601 times (UTC), inclusive. */
  from: string;
  to: string;
  /** 'true': sign-ins and sign-outs left out. */
  changesOnly: '' | 'true';
}

export const AUDIT_FILTER_KEYS = [
  'user',
  'action',
  'target',
  'outcome',
  'from',
  'to',
  'changesOnly',
] as const;

/** Entries per "Load older" page. */
export const AUDIT_PAGE_SIZE = 200;
/** The most entries one export holds (the BFF's limit). */
export const AUDIT_EXPORT_LIMIT = 5000;

/** The filters in force as query parameters, in a fixed order, leaving out the empty ones. */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

/** A download of the entries the filters select (newest first, up to the export limit). */
export function auditExportHref(filters: AuditFilters, format: 'csv' | 'json'): string {
  const params = auditSearchParams(filters);
  params.set('limit', String(AUDIT_EXPORT_LIMIT));
  params.set('format', format);
  return `/api/audit?${params}`;
}

export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.audit.list(Object.fromEntries(auditSearchParams(filters))),
    queryFn: ({ signal, pageParam }) => {
      const params = auditSearchParams(filters);
      params.set('limit', String(AUDIT_PAGE_SIZE));
      if (pageParam !== undefined) params.set('before', String(pageParam));
      return apiCall(e.auditLog, { query: params.toString(), signal });
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore,
  });

/** The audit log, newest first, one page at a time ("Load older" fetches the next page). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
