import { useMemo } from 'react';
import { auditExportHref, useAuditLog } from '../../api/audit.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { auditColumns } from './auditColumns.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { serializeAuditFilters } from './auditFilters.ts';
import { useAuditFilters } from './useAuditFilters.ts';

// The log comes newest first from the server and is not re-sorted here.
const SORT = { id: 'at', desc: true };
const ignoreSort = () => {};

/**
 * /audit: who changed what, when, with what result. Filters live in the URL; older entries load
 * a page at a time; the export links download every entry the filters select.
 */
export function AuditPage() {
  const [filters, setFilters] = useAuditFilters();
  const log = useAuditLog(filters);
  const session = useSession();
  const ownOnly = session.data?.role === 'operator';
  const items = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  const filterKey = serializeAuditFilters(filters).toString();
  const filtered = filterKey !== '';

  let body;
  if (log.isPending) {
    body = <TableSkeleton label="Loading the audit log…" />;
  } else if (!log.data) {
    body = (
      <ErrorBanner
        title="Could not load the audit log"
        onRetry={() => void log.refetch()}
        retrying={log.isFetching}
      >
        <ProblemDetails error={log.error} />
      </ErrorBanner>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState title={filtered ? 'No entries match these filters' : 'No entries yet'}>
        {filtered
          ? 'Try a wider time range or fewer filters.'
          : 'Changes and sign-ins appear here as they happen.'}
      </EmptyState>
    );
  } else {
    body = (
      <DataTable
        label="Audit log"
        data={items}
        columns={auditColumns}
        getRowId={(entry) => String(entry.id)}
        sort={SORT}
        onSortChange={ignoreSort}
        rowHeight={44}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3 p-4">
      <title>Audit · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p role="status" className="text-fg-muted">
          {log.data &&
            `${items.length} ${items.length === 1 ? 'entry' : 'entries'}${log.hasNextPage ? ' shown; older ones available' : ''}`}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <a className="btn-secondary no-underline" href={auditExportHref(filters, 'csv')} download>
            Export CSV
          </a>
          <a
            className="btn-secondary no-underline"
            href={auditExportHref(filters, 'json')}
            download
          >
            Export JSON
          </a>
          <RefreshButton
            label="Refresh audit log"
            updatedAt={log.dataUpdatedAt}
            fetching={log.isFetching && !log.isFetchingNextPage}
            onRefresh={() => void log.refetch()}
          />
        </div>
      </div>
      {ownOnly && (
        <p className="rounded-md border border-info-line bg-info-bg px-3 py-2 text-info-fg">
          As an operator you see only your own entries. Auditors and admins see everyone&rsquo;s.
        </p>
      )}
      <AuditFilterBar filters={filters} onChange={setFilters} showUser={!ownOnly} />
      {log.isRefetchError && (
        <ErrorBanner
          title="Could not refresh the audit log; showing what was read last"
          tone="warning"
        >
          <ProblemDetails error={log.error} />
        </ErrorBanner>
      )}
      {body}
      {log.hasNextPage && (
        <div className="flex justify-center">
          <button
            type="button"
            className="btn-secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? 'Loading older entries…' : 'Load older entries'}
          </button>
        </div>
      )}
      {log.isFetchNextPageError && (
        <ErrorBanner title="Could not load older entries">
          <ProblemDetails error={log.error} />
        </ErrorBanner>
      )}
    </div>
  );
}
