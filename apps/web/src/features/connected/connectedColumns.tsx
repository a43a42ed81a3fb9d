import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { ClusterSummary } from '@wheelhouse/contract';
import { clusterPath } from '../../api/clusters.ts';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useNow } from '../../components/useNow.ts';
import { accountLabel, providerLabel } from '../../components/clusterDisplay.ts';
import { ActivationCountdown } from './ActivationCountdown.tsx';
import { shownStatus, type ConnectedSortKey } from './connectedView.ts';

const column = createColumnHelper<ClusterSummary>();

function LiveStatus({ cluster }: { cluster: ClusterSummary }) {
  // Re-read the clock so a registration turns FAILED on screen the second its activation lapses.
  const now = useNow(cluster.status === 'PENDING' ? 1000 : 60_000);
  return <StatusBadge status={shownStatus(cluster, now)} />;
}

function Activation({ cluster }: { cluster: ClusterSummary }) {
  if (cluster.status === 'PENDING' && cluster.activationExpiry) {
    return <ActivationCountdown expiry={cluster.activationExpiry} />;
  }
  if (cluster.status === 'ACTIVE') return <span className="text-fg-muted">agent connected</span>;
  return <span className="text-fg-muted">—</span>;
}

/** The connected-clusters table's columns; `actions` adds the operators' Deregister button. */
export function connectedColumns(onDeregister?: (cluster: ClusterSummary) => void) {
  const columns = [
    column.display({
      id: 'name' satisfies ConnectedSortKey,
      header: 'Name',
      size: 200,
      cell: ({ row: { original: c } }) => (
        <Link to={`/clusters/${clusterPath(c)}`} className="truncate font-medium">
          {c.name}
        </Link>
      ),
    }),
    column.display({
      id: 'provider' satisfies ConnectedSortKey,
      header: 'Provider',
      size: 130,
      cell: ({ row: { original: c } }) => providerLabel(c.provider),
    }),
    column.display({
      id: 'status' satisfies ConnectedSortKey,
      header: 'Status',
      size: 110,
      cell: ({ row: { original: c } }) => <LiveStatus cluster={c} />,
    }),
    column.display({
      id: 'account' satisfies ConnectedSortKey,
      header: 'Account',
      size: 150,
      cell: ({ row: { original: c } }) => (
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate">{accountLabel(c)}</span>
          {c.accountName && <span className="font-mono text-xs text-fg-muted">{c.accountId}</span>}
        </span>
      ),
    }),
    column.display({
      id: 'region' satisfies ConnectedSortKey,
      header: 'Region',
      size: 120,
      cell: ({ row: { original: c } }) => c.region,
    }),
    column.display({
      id: 'registered' satisfies ConnectedSortKey,
      header: 'Registered',
      size: 130,
      cell: ({ row: { original: c } }) => <RelativeTime iso={c.createdAt} />,
    }),
    column.display({
      id: 'activation' satisfies ConnectedSortKey,
      header: 'Activation',
      size: 170,
      cell: ({ row: { original: c } }) => <Activation cluster={c} />,
    }),
  ];
  if (!onDeregister) return columns;
  return [
    ...columns,
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      size: 130,
      cell: ({ row: { original: c } }) => (
        <button
          type="button"
          className="btn-secondary h-7 px-2 text-danger-fg"
          aria-label={`Deregister ${c.name}`}
          onClick={() => onDeregister(c)}
        >
          Deregister
        </button>
      ),
    }),
  ];
}
