import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { ClusterSummary } from '@wheelhouse/contract';
import { clusterPath } from '../../api/clusters.ts';
import { Chip } from '../../components/Chip.tsx';
import { AlertIcon } from '../../components/Icons.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { accountLabel, endpointAccess, providerLabel } from '../../components/clusterDisplay.ts';
import type { ClusterSortKey } from './clusterFilters.ts';
import { TagChips } from './TagChips.tsx';
import { VersionSupportChip } from '../../components/VersionSupportChip.tsx';
import { visibleControls } from '../../components/VisibleControls.tsx';

const column = createColumnHelper<ClusterSummary>();
const LOG_TYPE_COUNT = 5;
const muted = <span className="text-fg-muted">—</span>;

/** A stable row id: a cluster name is unique only within its account and region. */
export const clusterRowId = (cluster: ClusterSummary) =>
  `${cluster.accountId}/${cluster.region}/${cluster.name}`;

/** The clusters table's columns; each id is also its `sort=` value in the URL. */
export const clusterColumns = [
  column.display({
    id: 'name' satisfies ClusterSortKey,
    header: 'Name',
    size: 174,
    cell: ({ row: { original: c } }) => (
      <span className="flex min-w-0 items-center gap-1.5">
        <Link to={`/clusters/${clusterPath(c)}`} className="truncate font-medium">
          {visibleControls(c.name)}
        </Link>
        {c.healthIssues > 0 && (
          <span className="shrink-0 text-danger-fg" title={`${c.healthIssues} health issue(s)`}>
            <AlertIcon className="size-3.5" />
            <span className="sr-only">{`, ${c.healthIssues} health issue(s)`}</span>
          </span>
        )}
      </span>
    ),
  }),
  column.display({
    id: 'account' satisfies ClusterSortKey,
    header: 'Account',
    size: 145,
    cell: ({ row: { original: c } }) => (
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="truncate">{accountLabel(c)}</span>
        {c.accountName && <span className="font-mono text-xs text-fg-muted">{c.accountId}</span>}
      </span>
    ),
  }),
  column.display({
    id: 'region' satisfies ClusterSortKey,
    header: 'Region',
    size: 122,
    cell: ({ row: { original: c } }) => c.region,
  }),
  column.display({
    id: 'status' satisfies ClusterSortKey,
    header: 'Status',
    size: 110,
    cell: ({ row: { original: c } }) => <StatusBadge status={c.status} />,
  }),
  column.display({
    id: 'version' satisfies ClusterSortKey,
    header: 'Version',
    size: 202,
    cell: ({ row: { original: c } }) =>
      c.connected ? (
        <span className="flex flex-col leading-tight">
          <span>{providerLabel(c.provider)}</span>
          <span className="text-xs text-fg-muted">connected cluster</span>
        </span>
      ) : (
        <span className="flex flex-col items-start gap-0.5 leading-tight">
          <span className="font-medium tabular-nums">{c.version ?? '—'}</span>
          <VersionSupportChip support={c.versionSupport} />
        </span>
      ),
  }),
  column.display({
    id: 'platformVersion' satisfies ClusterSortKey,
    header: 'Platform',
    size: 104,
    cell: ({ row: { original: c } }) => c.platformVersion ?? muted,
  }),
  column.display({
    id: 'endpoint' satisfies ClusterSortKey,
    header: 'Endpoint',
    size: 115,
    cell: ({ row: { original: c } }) => endpointAccess(c) ?? muted,
  }),
  column.display({
    id: 'logging' satisfies ClusterSortKey,
    header: 'Logs',
    size: 78,
    cell: ({ row: { original: c } }) =>
      c.connected ? (
        muted
      ) : (
        <span
          className="tabular-nums"
          title={
            c.enabledLogTypes.length > 0
              ? `On: ${c.enabledLogTypes.join(', ')}`
              : 'No control-plane logs'
          }
        >
          {c.enabledLogTypes.length}/{LOG_TYPE_COUNT}
        </span>
      ),
  }),
  column.display({
    id: 'secrets' satisfies ClusterSortKey,
    header: 'Secrets',
    size: 96,
    cell: ({ row: { original: c } }) =>
      c.connected ? (
        muted
      ) : c.secretsEncryption ? (
        <Chip tone="success" title="Secrets encrypted with a KMS key">
          on
        </Chip>
      ) : (
        <span className="text-fg-muted">off</span>
      ),
  }),
  column.display({
    id: 'created' satisfies ClusterSortKey,
    header: 'Created',
    size: 120,
    cell: ({ row: { original: c } }) => <RelativeTime iso={c.createdAt} />,
  }),
  column.display({
    id: 'tags' satisfies ClusterSortKey,
    header: 'Tags',
    size: 142,
    cell: ({ row: { original: c } }) => <TagChips tags={c.tags} />,
  }),
];
