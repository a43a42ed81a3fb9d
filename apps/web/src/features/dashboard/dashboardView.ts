import type { ClusterRef, FleetDashboard } from '@wheelhouse/contract';
import { clusterPath } from '../../api/clusters.ts';
import { formatDate } from '../../components/dateFormat.ts';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { statusTone, type Tone } from '../../components/statusTone.ts';

/** One bar of a tile's bar chart: what it counts, how many, and the list behind it. */
export interface BarRow {
  key: string;
  label: string;
  count: number;
  tone: Tone;
  to: string;
  /** The link's accessible name, e.g. "Updating: 2 clusters". */
  name: string;
}

export type SupportEntry = FleetDashboard['versionSupport'][number];

const clusters = (count: number) => `${count} ${count === 1 ? 'cluster' : 'clusters'}`;

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
      name: `${label}: ${clusters(count)}`,
    };
  });
}

/** "1.10" after "1.9": versions compare as numbers, newest first. */
export function compareVersionsDesc(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return bMajor - aMajor || bMinor - aMinor || a.localeCompare(b);
}

/** Red for versions past standard support; amber for those whose standard support ends soon. */
export function supportTone(entry: Pick<SupportEntry, 'status'>): Tone {
  return entry.status === 'STANDARD_SUPPORT' ? 'warning' : 'danger';
}

/** Clusters by Kubernetes version, newest first, coloured by how close the version is to its end. */
export function versionRows(byVersion: Record<string, number>, support: SupportEntry[]): BarRow[] {
  const toneOf = (version: string): Tone => {
    const flagged = support.filter((entry) => entry.version === version).map(supportTone);
    if (flagged.includes('danger')) return 'danger';
    if (flagged.includes('warning')) return 'warning';
    return 'info';
  };
  return Object.keys(byVersion)
    .filter((version) => byVersion[version])
    .sort(compareVersionsDesc)
    .map((version) => {
      const count = byVersion[version] ?? 0;
      return {
        key: version,
        label: version,
        count,
        tone: toneOf(version),
        to: clustersLink({ version: [version] }),
        name: `Kubernetes ${version}: ${clusters(count)}`,
      };
    });
}

/**
 * What a support entry says: which support ends (or ended) when, and the days left.
 * EKS dates are calendar days in UTC, so they are shown that way.
 */
export function supportText(entry: SupportEntry): { deadline: string; days: string | undefined } {
  const date = (iso: string | undefined) => (iso ? formatDate(iso) : 'an unknown date');
  const days =
    entry.daysLeft === undefined
      ? undefined
      : entry.daysLeft >= 0
        ? `${entry.daysLeft} ${entry.daysLeft === 1 ? 'day' : 'days'} left`
        : `${-entry.daysLeft} ${entry.daysLeft === -1 ? 'day' : 'days'} ago`;
  switch (entry.status) {
    case 'STANDARD_SUPPORT':
      return { deadline: `standard support ends ${date(entry.endOfStandardSupport)}`, days };
    case 'EXTENDED_SUPPORT':
      return { deadline: `extended support ends ${date(entry.endOfExtendedSupport)}`, days };
    default:
      // The BFF counts an unsupported version's days from the end of standard support.
      return {
        deadline: `unsupported; standard support ended ${date(entry.endOfStandardSupport)}`,
        days,
      };
  }
}

/** The distinct versions of the flagged clusters, for the link to them. */
export function flaggedVersions(support: SupportEntry[]): string[] {
  return [...new Set(support.map((entry) => entry.version))].sort(compareVersionsDesc);
}
