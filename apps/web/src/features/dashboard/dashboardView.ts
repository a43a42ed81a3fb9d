import type { ClusterRef, FleetDashboard } from '@wheelhouse/contract';
import { clusterPath } from '../../api/clusters.ts';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { statusTone, type Tone } from '../../components/statusTone.ts';
import { versionSupportView } from '../../components/versionSupport.ts';

/** One bar of a tile's bar chart: what it counts, how many, and the list behind it. */
export interface BarRow {
  key: string;
  label: string;
  count: number;
  tone: Tone;
  to: string;
  /** Read before the label by screen readers only: "Kubernetes " before "1.31". */
  prefix?: string;
  /** Read after the count: "clusters". */
  unit: string;
}

export type SupportEntry = FleetDashboard['versionSupport'][number];

const unit = (count: number) => (count === 1 ? 'cluster' : 'clusters');

/** What a bar says to a screen reader: "Kubernetes 1.31: 4 clusters". */
export function barName(row: BarRow): string {
  return `${row.prefix ?? ''}${row.label}: ${row.count} ${row.unit}`;
}

// The order a person scans statuses in: healthy, changing, broken, waiting.
const STATUS_ORDER = ['ACTIVE', 'CREATING', 'UPDATING', 'DELETING', 'FAILED', 'PENDING'];

/** The clusters list filtered the way a tile counted: `/clusters?status=UPDATING`. */
export function clustersLink(filters: { status?: string[]; version?: string[] }): string {
  const params = new URLSearchParams();
  for (const version of filters.version ?? []) params.append('version', version);
  for (const status of filters.status ?? []) params.append('status', status);
  const query = params.toString();
  return query ? `/clusters?${query}` : '/clusters';
}

/** A cluster's page, on one of its tabs. */
export function clusterLink(ref: ClusterRef, tab?: string): string {
  return `/clusters/${clusterPath(ref)}${tab ? `?tab=${tab}` : ''}`;
}

export const CONNECTED_PENDING_LINK = '/connected?status=PENDING';

/** Clusters by status, in scanning order, then any status EKS adds later. */
export function statusRows(byStatus: Record<string, number>): BarRow[] {
  const known = STATUS_ORDER.filter((status) => byStatus[status]);
  const other = Object.keys(byStatus)
    .filter((status) => !STATUS_ORDER.includes(status) && byStatus[status])
    .sort();
  return [...known, ...other].map((status) => {
    const count = byStatus[status] ?? 0;
    const label = statusLabel(status);
    return {
      key: status,
      label,
      count,
      tone: statusTone(status),
      to: clustersLink({ status: [status] }),
      unit: unit(count),
    };
  });
}

/** "1.10" after "1.9": versions compare as numbers, newest first. */
export function compareVersionsDesc(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return bMajor - aMajor || bMinor - aMinor || a.localeCompare(b);
}

/** The support entry's standing, computed as the clusters list computes it. */
function standing(entry: SupportEntry, now: Date | number) {
  return versionSupportView(entry, now);
}

/** Red when a version is unsupported or its extended support ends within 90 days; amber before. */
export function supportTone(entry: SupportEntry, now: Date | number): Tone {
  return standing(entry, now).tone;
}

/** One entry of a chart's legend: a colour and what it means. */
export interface LegendEntry {
  tone: Tone;
  label: string;
}

const VERSION_LEGEND: LegendEntry[] = [
  { tone: 'info', label: 'supported' },
  { tone: 'warning', label: 'extended support, or support ends within 90 days' },
  { tone: 'danger', label: 'unsupported, or extended support ends within 90 days' },
];

/** The legend of the version bars: the colours that appear, in order of urgency. */
export function versionLegend(rows: BarRow[]): LegendEntry[] {
  return VERSION_LEGEND.filter((entry) => rows.some((row) => row.tone === entry.tone));
}

/** Clusters by Kubernetes version, newest first, coloured by how close the version is to its end. */
export function versionRows(
  byVersion: Record<string, number>,
  support: SupportEntry[],
  now: Date | number,
): BarRow[] {
  const toneOf = (version: string): Tone => {
    const flagged = support
      .filter((entry) => entry.version === version)
      .map((entry) => supportTone(entry, now));
    if (flagged.includes('danger')) return 'danger';
    if (flagged.includes('warning')) return 'warning';
    return 'info';
  };
  return Object.keys(byVersion)
    .filter((version) => byVersion[version])
    .sort(compareVersionsDesc)
    .map((version) => {
      const count = byVersion[version] ?? 0;
      const tone = toneOf(version);
      return {
        key: version,
        label: version,
        count,
        tone,
        to: clustersLink({ version: [version] }),
        prefix: 'Kubernetes ',
        unit: unit(count),
      };
    });
}

/** What a support entry says, in the clusters list's words: "unsupported since 2026-07-23". */
export function supportText(
  entry: SupportEntry,
  now: Date | number,
): { deadline: string; days: string | undefined } {
  const { sentence, days } = standing(entry, now);
  return { deadline: sentence, days };
}

/** The distinct versions of the flagged clusters, for the link to them. */
export function flaggedVersions(support: SupportEntry[]): string[] {
  return [...new Set(support.map((entry) => entry.version))].sort(compareVersionsDesc);
}
