import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ClusterSummary, Sources } from '@wheelhouse/contract';
import { useClusters } from '../../api/clusters.ts';
import { useSources } from '../../api/sources.ts';
import { DataTable, type SortState } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { useCan } from '../auth/index.ts';
import { clusterColumns, clusterRowId } from './clusterColumns.tsx';
import { ClusterFilterBar } from './ClusterFilterBar.tsx';
import {
  CLUSTER_SORT_KEYS,
  clearFilters,
  hasActiveFilters,
  type ClusterSortKey,
} from './clusterFilters.ts';
import { filterClusters, sortClusters } from './filterClusters.ts';
import { clusterFilterOptions } from './filterOptions.ts';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { useClusterFilters } from './useClusterFilters.ts';

const plural = (count: number) => (count === 1 ? 'cluster' : 'clusters');

/** "14 of 26 clusters" when filtered, "26 clusters" otherwise. */
export function clusterCountText(shown: number, total: number, filtered: boolean): string {
  return filtered ? `${shown} of ${total} ${plural(total)}` : `${total} ${plural(total)}`;
}

function accountNamesOf(items: ClusterSummary[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of items) if (item.accountName) names.set(item.accountId, item.accountName);
  return names;
}

function whereWeLooked(sources: Sources | undefined): string {
  if (!sources) return 'the configured accounts and regions';
  const accounts = sources.accounts.length;
  return `${accounts} ${accounts === 1 ? 'account' : 'accounts'} in ${sources.regions.join(', ')}`;
}

/** /clusters: every cluster of every account and region in one filterable, sortable table. */
export function ClustersPage() {
  const [filters, update] = useClusterFilters();
  const clusters = useClusters();
  const sources = useSources();
  const items = clusters.data?.items;

  const visible = useMemo(
    () => (items ? sortClusters(filterClusters(items, filters), filters.sort, filters.dir) : []),
    [items, filters],
  );
  const options = useMemo(
    () => clusterFilterOptions(items ?? [], sources.data, filters),
    [items, sources.data, filters],
  );
  const accountNames = useMemo(() => accountNamesOf(items ?? []), [items]);
  const filtered = hasActiveFilters(filters);
  const canChange = useCan('change');

  const sort: SortState = { id: filters.sort, desc: filters.dir === 'desc' };
  const onSortChange = (next: SortState) => {
    if (!(CLUSTER_SORT_KEYS as readonly string[]).includes(next.id)) return;
    update({ sort: next.id as ClusterSortKey, dir: next.desc ? 'desc' : 'asc' });
  };

  let body;
  if (clusters.isPending) {
    body = <TableSkeleton label="Loading clusters…" />;
  } else if (!clusters.data) {
    body = (
      <ErrorBanner
        title="Could not load clusters"
        onRetry={() => void clusters.refetch()}
        retrying={clusters.isFetching}
      >
        <ProblemDetails error={clusters.error} />
      </ErrorBanner>
    );
  } else if (clusters.data.items.length === 0) {
    body =
      clusters.data.errors.length > 0 ? (
        <EmptyState title="No clusters could be read">
          Every source that answered had no clusters; the ones listed above could not be read.
        </EmptyState>
      ) : (
        <EmptyState title="No clusters yet">
          Wheelhouse looked in {whereWeLooked(sources.data)} and found no EKS clusters.
        </EmptyState>
      );
  } else if (visible.length === 0) {
    body = (
      <EmptyState
        title="No clusters match these filters"
        action={
          <button type="button" className="btn-primary" onClick={() => update(clearFilters)}>
            Clear filters
          </button>
        }
      >
        Try fewer filters or a shorter search.
      </EmptyState>
    );
  } else {
    body = (
      <DataTable
        label="Clusters"
        data={visible}
        columns={clusterColumns}
        getRowId={clusterRowId}
        sort={sort}
        onSortChange={onSortChange}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3 p-4">
      <title>Clusters · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">Clusters</h1>
        <p role="status" className="text-fg-muted">
          {clusters.data && clusterCountText(visible.length, clusters.data.items.length, filtered)}
        </p>
        <div className="ml-auto flex items-center gap-2">
          <RefreshButton
            label="Refresh clusters"
            updatedAt={clusters.dataUpdatedAt}
            fetching={clusters.isFetching}
            onRefresh={() => void clusters.refetch()}
          />
          {canChange && (
            <Link to="/clusters/new" className="btn-primary no-underline">
              Create cluster
            </Link>
          )}
        </div>
      </div>
      {clusters.data && (
        <SourceErrorsBanner
          errors={clusters.data.errors}
          sources={sources.data}
          accountNames={accountNames}
        />
      )}
      {clusters.isRefetchError && (
        <ErrorBanner
          title="Could not refresh the cluster list; showing the last list read"
          tone="warning"
        >
          <ProblemDetails error={clusters.error} />
        </ErrorBanner>
      )}
      <ClusterFilterBar filters={filters} update={update} options={options} />
      {body}
    </div>
  );
}
