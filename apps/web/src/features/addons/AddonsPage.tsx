import { useFleetAddons } from '../../api/addons.ts';
import { useSources } from '../../api/sources.ts';
import { Chip } from '../../components/Chip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { fleetAddonColumns } from './addonColumns.tsx';

/** /addons: every cluster × add-on, with version drift and health, worst first. */
export function AddonsPage() {
  const addons = useFleetAddons();
  const sources = useSources();
  const report = addons.data;
  let body;
  if (addons.isPending) body = <TableSkeleton label="Reading the fleet's add-ons…" />;
  else if (!report)
    body = (
      <ErrorBanner
        title="Could not read the fleet's add-ons"
        onRetry={() => void addons.refetch()}
        retrying={addons.isFetching}
      >
        <ProblemDetails error={addons.error} />
      </ErrorBanner>
    );
  else {
    const rank = (a: (typeof report.items)[number]) =>
      (a.issues.length > 0 || a.status === 'DEGRADED' ? 4 : 0) +
      (a.behindDefault ? 2 : 0) +
      (a.updateAvailable ? 1 : 0);
    const items = [...report.items].sort(
      (a, b) =>
        rank(b) - rank(a) || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name),
    );
    body = (
      <>
        <SourceErrorsBanner errors={report.errors} sources={sources.data} />
        <section aria-label="Drift per add-on" className="flex flex-wrap gap-3">
          {report.drift.map((d) => (
            <div
              key={d.name}
              className="flex min-w-48 flex-col gap-1 rounded-md border border-line p-3"
            >
              <span className="font-medium">{d.name}</span>
              <span className="text-xs text-fg-muted">on {d.clusters} clusters</span>
              <span className="flex flex-wrap gap-1">
                {d.behindLatest > 0 && <Chip tone="info">{d.behindLatest} behind latest</Chip>}
                {d.behindDefault > 0 && (
                  <Chip tone="warning">{d.behindDefault} behind default</Chip>
                )}
                {d.unhealthy > 0 && <Chip tone="danger">{d.unhealthy} unhealthy</Chip>}
                {d.behindLatest + d.unhealthy === 0 && <Chip tone="success">all current</Chip>}
              </span>
            </div>
          ))}
        </section>
        <DataTable
          label="Add-ons per cluster"
          data={items}
          columns={fleetAddonColumns}
          getRowId={(a) => `${a.accountId}/${a.region}/${a.cluster}/${a.name}`}
          rowHeight={56}
          measureRows
        />
      </>
    );
  }
  return (
    <div className="flex flex-col gap-4 p-4">
      <title>Add-ons · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Add-ons</h1>
        <div className="ml-auto">
          <RefreshButton
            label="Refresh add-ons"
            updatedAt={addons.dataUpdatedAt}
            fetching={addons.isFetching}
            onRefresh={() => void addons.refetch()}
          />
        </div>
      </div>
      {body}
    </div>
  );
}
