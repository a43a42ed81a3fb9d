import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { FleetInsightRow } from '@wheelhouse/contract';
import { useFleetInsights } from '../../api/insights.ts';
import { useSources } from '../../api/sources.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { InsightCountChips, ReadinessChip } from './insightDisplay.tsx';

const column = createColumnHelper<FleetInsightRow>();

const columns = [
  column.display({
    id: 'cluster',
    header: 'Cluster',
    size: 220,
    meta: { rowHeader: true },
    cell: ({ row: { original: r } }) => (
      <span className="flex min-w-0 flex-col leading-tight">
        <Link
          to={`/clusters/${[r.accountId, r.region, r.cluster].map(encodeURIComponent).join('/')}?tab=upgrade`}
          className="truncate font-medium"
        >
          {r.cluster}
        </Link>
        <span className="text-xs text-fg-muted">
          {r.accountId} · {r.region}
        </span>
      </span>
    ),
  }),
  column.display({
    id: 'version',
    header: 'Version',
    size: 130,
    cell: ({ row: { original: r } }) => (
      <span className="tabular-nums">
        {r.version ?? '?'} → {r.nextVersion ?? '—'}
      </span>
    ),
  }),
  column.display({
    id: 'readiness',
    header: 'Next version',
    size: 380,
    cell: ({ row: { original: r } }) => (
      <span className="flex flex-col items-start gap-1">
        <ReadinessChip canUpgrade={r.canUpgrade} blockers={r.blockers} />
        {r.blockers.length > 0 && (
          <ul aria-label={`Blockers of ${r.cluster}`} className="text-xs">
            {r.blockers.map((blocker) => (
              <li key={blocker.source + blocker.title} title={blocker.detail}>
                {blocker.title}
              </li>
            ))}
          </ul>
        )}
      </span>
    ),
  }),
  column.display({
    id: 'counts',
    header: 'Insights',
    size: 230,
    cell: ({ row: { original: r } }) => <InsightCountChips counts={r.counts} />,
  }),
];

/** /upgrades: which clusters can move to their next Kubernetes version today, which cannot and why. */
export function UpgradeReadinessPage() {
  const insights = useFleetInsights();
  const sources = useSources();
  const report = insights.data;
  let body;
  if (insights.isPending) body = <TableSkeleton label="Reading the fleet's upgrade readiness…" />;
  else if (!report)
    body = (
      <ErrorBanner
        title="Could not read the fleet's upgrade readiness"
        onRetry={() => void insights.refetch()}
        retrying={insights.isFetching}
      >
        <ProblemDetails error={insights.error} />
      </ErrorBanner>
    );
  else {
    // Blocked clusters first, those with the most blockers leading.
    const items = [...report.items].sort(
      (a, b) =>
        Number(a.canUpgrade) - Number(b.canUpgrade) ||
        b.blockers.length - a.blockers.length ||
        a.cluster.localeCompare(b.cluster),
    );
    const ready = items.filter((row) => row.canUpgrade).length;
    body = (
      <>
        <SourceErrorsBanner errors={report.errors} sources={sources.data} />
        <p className="text-sm">
          <span className="font-medium">{ready}</span> of {items.length} clusters can move to their
          next version today.
        </p>
        <DataTable
          label="Upgrade readiness per cluster"
          data={items}
          columns={columns}
          getRowId={(r) => `${r.accountId}/${r.region}/${r.cluster}`}
          rowHeight={64}
          measureRows
        />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4 p-4">
      <title>Upgrades · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Upgrade readiness</h1>
        <div className="ml-auto">
          <RefreshButton
            label="Refresh upgrade readiness"
            updatedAt={insights.dataUpdatedAt}
            fetching={insights.isFetching}
            onRefresh={() => void insights.refetch()}
          />
        </div>
      </div>
      {body}
    </div>
  );
}
