import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { ClusterCost } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { VersionSupportChip } from '../../components/VersionSupportChip.tsx';

export const usd = (value: number, digits = 2) =>
  value.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export const percent = (share: number | undefined) =>
  share === undefined ? '—' : `${Math.round(share * 100)}%`;

/** A thin bar of the Spot share, named for assistive technology. */
export function SpotShareBar({ share, label }: { share: number | undefined; label: string }) {
  if (share === undefined) return <span className="text-fg-muted">no EC2 capacity</span>;
  const value = Math.round(share * 100);
  return (
    <span className="flex items-center gap-2">
      <span
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% of vCPUs on Spot`}
        className="h-2 w-20 overflow-hidden rounded-full bg-surface-muted"
      >
        <span className="block h-full rounded-full bg-info-dot" style={{ width: `${value}%` }} />
      </span>
      <span className="tabular-nums">{value}%</span>
    </span>
  );
}

const column = createColumnHelper<ClusterCost>();

export const costColumns = [
  column.display({
    id: 'cluster',
    header: 'Cluster',
    size: 190,
    meta: { rowHeader: true },
    cell: ({ row: { original: c } }) => (
      <span className="flex min-w-0 flex-col leading-tight">
        <Link
          to={`/clusters/${[c.accountId, c.region, c.cluster].map(encodeURIComponent).join('/')}`}
          className="truncate font-medium"
        >
          {c.cluster}
        </Link>
        <span className="text-xs text-fg-muted">
          {c.accountId} · {c.region}
        </span>
      </span>
    ),
  }),
  column.display({
    id: 'support',
    header: 'Version',
    size: 200,
    cell: ({ row: { original: c } }) =>
      c.connected ? (
        <span className="text-fg-muted">connected (no EKS charge)</span>
      ) : (
        <span className="flex flex-col items-start gap-0.5 leading-tight">
          <span className="tabular-nums">{c.version ?? '—'}</span>
          <VersionSupportChip support={c.versionSupport} />
        </span>
      ),
  }),
  column.display({
    id: 'hourly',
    header: 'Control plane / hour',
    size: 140,
    cell: ({ row: { original: c } }) => <span className="tabular-nums">{usd(c.hourlyUsd)}</span>,
  }),
  column.display({
    id: 'monthly',
    header: '/ month',
    size: 110,
    cell: ({ row: { original: c } }) => (
      <span className="tabular-nums">{usd(c.monthlyUsd, 0)}</span>
    ),
  }),
  column.display({
    id: 'extended',
    header: 'Extended support',
    size: 200,
    cell: ({ row: { original: c } }) =>
      c.enteringExtendedSupport ? (
        <Chip tone="warning" title={`Standard support ends on ${c.enteringExtendedSupport.on}`}>
          in {c.enteringExtendedSupport.daysLeft} days: +
          {usd(c.enteringExtendedSupport.monthlyIncreaseUsd, 0)}/month
        </Chip>
      ) : (
        <span className="text-fg-muted">—</span>
      ),
  }),
  column.display({
    id: 'vcpus',
    header: 'vCPUs',
    size: 80,
    cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.vcpus}</span>,
  }),
  column.display({
    id: 'spot',
    header: 'Spot share',
    size: 150,
    cell: ({ row: { original: c } }) => (
      <SpotShareBar share={c.spotShare} label={`Spot share of vCPUs in ${c.cluster}`} />
    ),
  }),
  column.display({
    id: 'groups',
    header: 'Spot vCPUs by group',
    size: 280,
    meta: { wrap: true },
    cell: ({ row: { original: c } }) => (
      <ul className="flex flex-col text-xs">
        {c.groups.map((g) => (
          <li key={g.resource}>
            {g.resource.replace(/^[a-z-]+\//, '')}: {g.spotVcpus}/{g.vcpus}
          </li>
        ))}
      </ul>
    ),
  }),
];
