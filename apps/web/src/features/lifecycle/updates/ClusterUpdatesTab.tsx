import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClusterDetail, Update } from '@wheelhouse/contract';
import { hasUpdateInProgress, useClusterUpdates } from '../../../api/lifecycle.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { StatusBadge, updateTypeLabel } from '../../../components/StatusBadge.tsx';
import { refOf } from '../actions/clusterRef.ts';
import { UpdateParams } from './UpdateParams.tsx';

const cell = 'border-b border-line px-3 py-2 align-top';
const head =
  'border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold text-fg-muted';

/** Newest first; updates without a start time last. */
export function sortUpdates(items: Update[]): Update[] {
  return [...items].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

function UpdateRow({ update, history }: { update: Update; history: readonly Update[] }) {
  const type = updateTypeLabel(update.type);
  return (
    <tr>
      <td className={cell}>
        <RelativeTime iso={update.createdAt} />
      </td>
      <th scope="row" className={`${cell} text-left font-medium`}>
        {type}
      </th>
      <td className={cell}>
        <div className="flex min-w-28 flex-col gap-1.5">
          <StatusBadge status={update.status} />
          {update.status === 'InProgress' && (
            <ProgressBar
              label={`Progress of ${type.toLowerCase()} ${update.id}`}
              value={update.progress}
            />
          )}
        </div>
      </td>
      <td className={cell}>
        <UpdateParams update={update} scope="cluster" history={history} />
      </td>
      <td className={cell}>
        {update.errors.length === 0 ? (
          <span className="text-fg-muted">—</span>
        ) : (
          <ul className="flex flex-col gap-1">
            {update.errors.map((error, index) => (
              <li key={`${error.code}-${index}`} className="text-danger-fg">
                <code className="text-xs font-semibold">{error.code}</code>
                {/* EKS's message as EKS wrote it. */}
                <span className="block text-fg">{error.message}</span>
                {error.resourceIds.length > 0 && (
                  <span className="block font-mono text-xs break-all text-fg-muted">
                    {error.resourceIds.join(', ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={`${cell} font-mono text-xs break-all text-fg-muted`}>{update.id}</td>
    </tr>
  );
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
    <section aria-label="Updates" className="card overflow-x-auto">
      {updates.isRefetchError && (
        <div className="p-3">
          <ErrorBanner
            title="Could not refresh the updates; showing the last list read"
            tone="warning"
          >
            <ProblemDetails error={updates.error} />
          </ErrorBanner>
        </div>
      )}
      {items.length === 0 ? (
        <p className="p-4 text-fg-muted">
          EKS has no updates on record for this cluster. Version, logging and endpoint changes show
          here while they run and afterwards.
        </p>
      ) : (
        <table aria-label="Cluster updates" className="w-full border-separate border-spacing-0">
          <thead>
            <tr>
              <th scope="col" className={head}>
                Started
              </th>
              <th scope="col" className={head}>
                Type
              </th>
              <th scope="col" className={head}>
                Status
              </th>
              <th scope="col" className={head}>
                Parameters
              </th>
              <th scope="col" className={head}>
                Errors
              </th>
              <th scope="col" className={head}>
                Update ID
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((update) => (
              <UpdateRow key={update.id} update={update} history={items} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
