import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClusterDetail, Update } from '@wheelhouse/contract';
import { hasUpdateInProgress, useClusterUpdates } from '../../../api/lifecycle.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { refOf } from '../actions/clusterRef.ts';
import { updateColumns } from './updateColumns.tsx';

/** Newest first; updates without a start time last. */
export function sortUpdates(items: Update[]): Update[] {
  return [...items].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/**
 * The Updates tab: the cluster's EKS updates (version, logging, endpoint access…), newest first,
 * with a progress bar while one runs. It polls every 2.5 s while something is in progress, and
 * refreshes the cluster itself when that ends (its status goes back to ACTIVE).
 */
export function ClusterUpdatesTab({ cluster }: { cluster: ClusterDetail }) {
  const updates = useClusterUpdates(refOf(cluster));
  const queryClient = useQueryClient();
  const running = hasUpdateInProgress(updates.data);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.clusters.detail(refOf(cluster)) });
    }
    wasRunning.current = running;
  }, [running, queryClient, cluster]);

  if (updates.isPending) return <TableSkeleton label="Loading updates…" rows={3} />;
  if (!updates.data) {
    return (
      <ErrorBanner
        title="Could not load the updates of this cluster"
        onRetry={() => void updates.refetch()}
        retrying={updates.isFetching}
      >
        <ProblemDetails error={updates.error} />
      </ErrorBanner>
    );
  }
  const items = sortUpdates(updates.data.items);
  return (
    <section aria-label="Updates" className="flex flex-col gap-3">
      {updates.isRefetchError && (
        <div>
          <ErrorBanner
            title="Could not refresh the updates; showing the last list read"
            tone="warning"
          >
            <ProblemDetails error={updates.error} />
          </ErrorBanner>
        </div>
      )}
      {items.length === 0 ? (
        <p className="card p-4 text-fg-muted">
          EKS has no updates on record for this cluster. Version, logging and endpoint changes show
          here while they run and afterwards.
        </p>
      ) : (
        <DataTable
          label="Cluster updates"
          data={items}
          columns={updateColumns('cluster', items)}
          getRowId={(update) => update.id}
          measureRows
        />
      )}
    </section>
  );
}
