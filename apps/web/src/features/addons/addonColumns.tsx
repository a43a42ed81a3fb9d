import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { FleetAddon, InstalledAddon } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** Where an installed build stands: newest, behind the newest, or behind EKS's default. */
export function VersionStanding({ addon }: { addon: InstalledAddon }) {
  if (addon.behindDefault)
    return (
      <Chip tone="warning" title={`EKS default for this cluster: ${addon.defaultVersion}`}>
        behind default
      </Chip>
    );
  if (addon.updateAvailable)
    return (
      <Chip tone="info" title={`Newest for this cluster: ${addon.latestVersion}`}>
        {addon.newerVersions.length} newer
      </Chip>
    );
  return <Chip tone="success">up to date</Chip>;
}

/** Health issues as EKS words them, one per line. */
export function AddonIssues({ addon }: { addon: InstalledAddon }) {
  if (addon.issues.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul className="flex flex-col gap-1 text-xs">
      {addon.issues.map((issue) => (
        <li key={issue.code + issue.message}>
          <span className="font-medium text-danger-fg">{issue.code}</span>: {issue.message}
        </li>
      ))}
    </ul>
  );
}

const column = createColumnHelper<FleetAddon>();

export const fleetAddonColumns = [
  column.display({
    id: 'cluster',
    header: 'Cluster',
    size: 200,
    meta: { rowHeader: true },
    cell: ({ row: { original: a } }) => (
      <span className="flex min-w-0 flex-col leading-tight">
        <Link
          to={`/clusters/${[a.accountId, a.region, a.cluster].map(encodeURIComponent).join('/')}?tab=addons`}
          className="truncate font-medium"
        >
          {a.cluster}
        </Link>
        <span className="text-xs text-fg-muted">
          {a.accountId} · {a.region} · Kubernetes {a.kubernetesVersion ?? '?'}
        </span>
      </span>
    ),
  }),
  column.accessor('name', { header: 'Add-on', size: 190 }),
  column.accessor('version', {
    header: 'Version',
    size: 190,
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
  }),
  column.display({
    id: 'standing',
    header: 'Drift',
    size: 170,
    cell: ({ row: { original: a } }) => (
      <span className="flex flex-col gap-0.5">
        <VersionStanding addon={a} />
        {a.latestVersion && a.updateAvailable && (
          <span className="font-mono text-xs text-fg-muted">→ {a.latestVersion}</span>
        )}
      </span>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    size: 130,
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.display({
    id: 'issues',
    header: 'Health',
    size: 320,
    cell: ({ row: { original: a } }) => <AddonIssues addon={a} />,
  }),
];
