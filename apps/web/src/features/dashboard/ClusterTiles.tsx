import type { FleetDashboard } from '@wheelhouse/contract';
import { BarList, Tile } from './Tile.tsx';
import { clustersLink, statusRows, versionLegend, versionRows } from './dashboardView.ts';

/** Every cluster, counted by status; each bar opens the clusters list filtered to that status. */
export function StatusTile({ dashboard }: { dashboard: FleetDashboard }) {
  const rows = statusRows(dashboard.clusters.byStatus);
  return (
    <Tile
      title="Clusters by status"
      count={dashboard.clusters.total}
      link={{ to: clustersLink({}), label: `All ${dashboard.clusters.total} clusters` }}
    >
      {rows.length === 0 ? (
        <p className="text-fg-muted">No clusters.</p>
      ) : (
        <BarList label="Clusters by status" rows={rows} />
      )}
    </Tile>
  );
}

/** EKS clusters by Kubernetes version (connected clusters have none), newest first, with a legend. */
export function VersionTile({ dashboard }: { dashboard: FleetDashboard }) {
  const rows = versionRows(
    dashboard.clusters.byVersion,
    dashboard.versionSupport,
    Date.parse(dashboard.generatedAt),
  );
  return (
    <Tile title="Clusters by version" count={rows.length === 0 ? undefined : rows.length}>
      {rows.length === 0 ? (
        <p className="text-fg-muted">No EKS clusters.</p>
      ) : (
        <BarList label="Clusters by Kubernetes version" rows={rows} legend={versionLegend(rows)} />
      )}
    </Tile>
  );
}
