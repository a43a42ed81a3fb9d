import type { ReactNode } from 'react';
import { useFleetCost } from '../../api/cost.ts';
import { useSources } from '../../api/sources.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { costColumns, SpotShareBar, usd } from './costColumns.tsx';

function Tile({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1 rounded-md border border-line p-3">
      <span className="text-fg-muted">{label}</span>
      <span className="text-2xl font-semibold tabular-nums">{value}</span>
      {children}
    </div>
  );
}

/** /cost: what the fleet's control planes cost, how much of its EC2 capacity is Spot, what is about to cost more. */
export function CostPage() {
  const cost = useFleetCost();
  const sources = useSources();
  const report = cost.data;
  let body;
  if (cost.isPending) body = <TableSkeleton label="Reading the fleet's capacity…" />;
  else if (!report)
    body = (
      <ErrorBanner
        title="Could not read the fleet's cost exposure"
        onRetry={() => void cost.refetch()}
        retrying={cost.isFetching}
      >
        <ProblemDetails error={cost.error} />
      </ErrorBanner>
    );
  else {
    const { totals, prices } = report;
    const items = [...report.items].sort(
      (a, b) => b.monthlyUsd - a.monthlyUsd || a.cluster.localeCompare(b.cluster),
    );
    body = (
      <>
        <SourceErrorsBanner errors={report.errors} sources={sources.data} />
        <section aria-label="Fleet totals" className="flex flex-wrap gap-3">
          <Tile label="Control planes per month" value={usd(totals.monthlyUsd, 0)}>
            <span className="text-xs text-fg-muted">{usd(totals.hourlyUsd)} an hour</span>
          </Tile>
          <Tile
            label="Entering extended support within 90 days"
            value={String(totals.enteringExtendedSupport)}
          >
            <span className="text-xs text-fg-muted">
              then +{usd(totals.monthlyIncreaseUsd, 0)} a month
            </span>
          </Tile>
          <Tile label="Spot share of vCPUs" value={`${totals.spotVcpus} of ${totals.vcpus}`}>
            <SpotShareBar share={totals.spotShare} label="Spot share of vCPUs in the fleet" />
          </Tile>
        </section>
        <p className="text-xs text-fg-muted">
          EKS control plane: {usd(prices.standardHourlyUsd)} per cluster-hour in standard support,{' '}
          {usd(prices.extendedHourlyUsd)} in extended support, {prices.hoursPerMonth} hours a month
          (
          <a href={prices.source} target="_blank" rel="noreferrer">
            AWS pricing
          </a>
          ). EC2 capacity counts instances in service; Fargate pods are not included.
        </p>
        <DataTable
          label="Cost per cluster"
          data={items}
          columns={costColumns}
          getRowId={(c) => `${c.accountId}/${c.region}/${c.cluster}`}
          rowHeight={56}
          measureRows
        />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4 p-4">
      <title>Cost · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Cost exposure</h1>
        <div className="ml-auto">
          <RefreshButton
            label="Refresh cost"
            updatedAt={cost.dataUpdatedAt}
            fetching={cost.isFetching}
            onRefresh={() => void cost.refetch()}
          />
        </div>
      </div>
      {body}
    </div>
  );
}
