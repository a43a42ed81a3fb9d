import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ClusterRef, ClusterSummary } from '@wheelhouse/contract';
import { useConnectedClusters } from '../../api/connected.ts';
import { useSources } from '../../api/sources.ts';
import { ChangeNotice, type ChangeNoticeContent } from '../../components/ChangeNotice.tsx';
import { DataTable, type SortState } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { useNow } from '../../components/useNow.ts';
import { useCan } from '../auth/index.ts';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { connectedColumns } from './connectedColumns.tsx';
import {
  CONNECTED_SORT_KEYS,
  CONNECTED_STATUSES,
  filterAndSortConnected,
  parseConnectedView,
  serializeConnectedView,
  type ConnectedSortKey,
  type ConnectedView,
} from './connectedView.ts';

// The deregister dialog (and the form code it shares) loads when first opened.
const DeregisterDialog = lazy(async () => ({
  default: (await import('../lifecycle/index.ts')).DeregisterDialog,
}));

const plural = (count: number) => `${count} connected ${count === 1 ? 'cluster' : 'clusters'}`;

/** /connected: clusters registered through EKS Connector, with their activation countdowns. */
export function ConnectedClustersPage() {
  const [params, setParams] = useSearchParams();
  const view = parseConnectedView(params);
  const connected = useConnectedClusters();
  const sources = useSources();
  const canChange = useCan('change');
  const [deregistering, setDeregistering] = useState<ClusterRef | null>(null);
  const [notice, setNotice] = useState<ChangeNoticeContent | null>(null);
  // Filtering by status follows the clock (a lapsed activation reads FAILED); a minute is plenty.
  const now = useNow(60_000);

  const update = (change: Partial<ConnectedView>) =>
    setParams(serializeConnectedView({ ...view, ...change }), { preventScrollReset: true });
  const items = connected.data?.items;
  // A handful of rows: filtering and sorting on each render costs nothing worth caching.
  const visible = items ? filterAndSortConnected(items, view, now) : [];
  const columns = useMemo(
    () =>
      connectedColumns(
        canChange ? (cluster: ClusterSummary) => setDeregistering(cluster) : undefined,
      ),
    [canChange],
  );
  const sort: SortState = { id: view.sort, desc: view.dir === 'desc' };

  let body;
  if (connected.isPending) {
    body = <TableSkeleton label="Loading connected clusters…" rows={4} />;
  } else if (!connected.data) {
    body = (
      <ErrorBanner
        title="Could not load the connected clusters"
        onRetry={() => void connected.refetch()}
        retrying={connected.isFetching}
      >
        <ProblemDetails error={connected.error} />
      </ErrorBanner>
    );
  } else if (connected.data.items.length === 0) {
    body = (
      <EmptyState
        title="No connected clusters"
        action={
          canChange && (
            <Link to="/connected/register" className="btn-primary no-underline">
              Register cluster
            </Link>
          )
        }
      >
        EKS Connector shows clusters that run outside EKS (EKS Anywhere, GKE, AKS, OpenShift, your
        own) next to the EKS ones.
      </EmptyState>
    );
  } else if (visible.length === 0) {
    body = (
      <EmptyState
        title="No connected clusters match this filter"
        action={
          <button type="button" className="btn-primary" onClick={() => update({ status: [] })}>
            Clear filter
          </button>
        }
      />
    );
  } else {
    body = (
      <DataTable
        label="Connected clusters"
        data={visible}
        columns={columns}
        getRowId={(c) => `${c.accountId}/${c.region}/${c.name}`}
        sort={sort}
        onSortChange={(next) => {
          if ((CONNECTED_SORT_KEYS as readonly string[]).includes(next.id)) {
            update({ sort: next.id as ConnectedSortKey, dir: next.desc ? 'desc' : 'asc' });
          }
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3 p-4">
      <title>Connected clusters · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">Connected clusters</h1>
        <p role="status" className="text-fg-muted">
          {connected.data &&
            (visible.length === connected.data.items.length
              ? plural(visible.length)
              : `${visible.length} of ${plural(connected.data.items.length)}`)}
        </p>
        <div className="ml-auto flex items-center gap-2">
          <RefreshButton
            label="Refresh connected clusters"
            updatedAt={connected.dataUpdatedAt}
            fetching={connected.isFetching}
            onRefresh={() => void connected.refetch()}
          />
          {canChange && (
            <Link to="/connected/register" className="btn-primary no-underline">
              Register cluster
            </Link>
          )}
        </div>
      </div>
      <ChangeNotice notice={notice} onDismiss={() => setNotice(null)} />
      {connected.data && (
        <SourceErrorsBanner errors={connected.data.errors} sources={sources.data} />
      )}
      <FilterBar label="Filter connected clusters">
        <MultiSelectFilter
          label="Status"
          options={CONNECTED_STATUSES.map((status) => ({
            value: status,
            label: statusLabel(status),
          }))}
          selected={view.status}
          onChange={(status) => update({ status: status as ConnectedView['status'] })}
        />
      </FilterBar>
      {body}
      {deregistering && (
        <Suspense fallback={null}>
          <DeregisterDialog
            cluster={deregistering}
            onClose={() => setDeregistering(null)}
            onDone={(done) => {
              setDeregistering(null);
              setNotice(done);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
