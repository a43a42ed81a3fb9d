import { Link } from 'react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { ClusterRef, Nodegroup } from '@wheelhouse/contract';
import { nodegroupPagePath } from '../../api/compute.ts';
import type { MenuAction } from '../../components/ActionsMenu.tsx';
import { Chip } from '../../components/Chip.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { actionsColumn } from './actionsColumn.tsx';
import { AmiDriftCell } from './AmiDriftBadge.tsx';
import { CapacityBar } from './CapacityBar.tsx';
import { capacityTypeLabel, capacityTypeTone } from './computeDisplay.ts';
import { HealthIssuesDisclosure } from './HealthIssues.tsx';
import { LabelTaintChips } from './LabelTaintChips.tsx';

const column = createColumnHelper<Nodegroup>();
const muted = <span className="text-fg-muted">—</span>;

/** Columns that sort, with the value each sorts by. */
const SORT_VALUES: Record<string, (ng: Nodegroup) => string | number> = {
  name: (ng) => ng.name,
  status: (ng) => ng.status,
  version: (ng) => ng.version ?? '',
  scaling: (ng) => ng.scaling.desiredSize,
  // Furthest behind first when sorted descending; unknown and unread sort with the up to date.
  ami: (ng) => ng.amiDrift?.daysBehind ?? 0,
};

/** What a node group sorts by in a column (the name for columns without a value of their own). */
export function nodegroupSortValue(ng: Nodegroup, columnId: string): string | number {
  return (SORT_VALUES[columnId] ?? SORT_VALUES.name!)(ng);
}

/** The managed node groups table; `actionsFor` adds the row menu (left out for auditors). */
export function nodegroupColumns(
  clusterRef: ClusterRef,
  actionsFor?: (ng: Nodegroup) => MenuAction[],
): ColumnDef<Nodegroup, unknown>[] {
  const columns: ColumnDef<Nodegroup, unknown>[] = [
    column.display({
      id: 'name',
      header: 'Name',
      size: 140,
      cell: ({ row: { original: ng } }) => (
        <Link
          to={nodegroupPagePath(clusterRef, ng.name)}
          className="block truncate font-medium"
          title={ng.name}
        >
          {ng.name}
        </Link>
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      size: 110,
      cell: ({ row: { original: ng } }) => <StatusBadge status={ng.status} />,
    }),
    column.display({
      id: 'instances',
      header: 'Instances',
      size: 155,
      enableSorting: false,
      cell: ({ row: { original: ng } }) => (
        <div className="flex min-w-0 flex-col items-start gap-0.5">
          <Chip tone={capacityTypeTone(ng.capacityType)}>{capacityTypeLabel(ng.capacityType)}</Chip>
          <span className="w-full truncate font-mono text-xs" title={ng.instanceTypes.join(', ')}>
            {ng.instanceTypes.join(', ') || '—'}
          </span>
          <span className="w-full truncate text-xs text-fg-muted" title="AMI type">
            {ng.amiType ?? 'AMI type unknown'}
          </span>
        </div>
      ),
    }),
    column.display({
      id: 'version',
      header: 'Version',
      size: 80,
      cell: ({ row: { original: ng } }) => (
        <span className="font-medium tabular-nums">{ng.version ?? '—'}</span>
      ),
    }),
    column.display({
      id: 'ami',
      header: 'AMI',
      size: 165,
      cell: ({ row: { original: ng } }) => (
        <AmiDriftCell releaseVersion={ng.releaseVersion} drift={ng.amiDrift} />
      ),
    }),
    column.display({
      id: 'scaling',
      header: 'Size',
      size: 125,
      cell: ({ row: { original: ng } }) => (
        <CapacityBar scaling={ng.scaling} current={ng.currentInstances} />
      ),
    }),
    column.display({
      id: 'labels',
      header: 'Labels and taints',
      size: 190,
      enableSorting: false,
      cell: ({ row: { original: ng } }) => (
        <LabelTaintChips labels={ng.labels} taints={ng.taints} />
      ),
    }),
    column.display({
      id: 'subnets',
      header: 'Subnets',
      size: 125,
      enableSorting: false,
      cell: ({ row: { original: ng } }) =>
        ng.subnets.length === 0 ? (
          muted
        ) : (
          <ul aria-label="Subnets" className="flex flex-col font-mono text-xs">
            {ng.subnets.map((subnet) => (
              <li key={subnet} className="min-w-0">
                <TruncatedText text={subnet} copy />
              </li>
            ))}
          </ul>
        ),
    }),
    column.display({
      id: 'health',
      header: 'Health',
      size: 90,
      enableSorting: false,
      cell: ({ row: { original: ng } }) => (
        <HealthIssuesDisclosure issues={ng.health} owner={ng.name} />
      ),
    }),
  ];
  if (actionsFor) columns.push(actionsColumn(actionsFor));
  return columns;
}
