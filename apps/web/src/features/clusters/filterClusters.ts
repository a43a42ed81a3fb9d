import type { ClusterSummary } from '@wheelhouse/contract';
import type { ClusterFilters, ClusterSortKey } from './clusterFilters.ts';
import { accountLabel, endpointAccess, tagPairs } from '../../components/clusterDisplay.ts';

/** Everything the text filter searches in one cluster, lower-cased. */
function searchText(cluster: ClusterSummary): string {
  return [
    cluster.name,
    cluster.accountName ?? '',
    cluster.accountId,
    cluster.region,
    ...tagPairs(cluster.tags),
  ]
    .join('\n')
    .toLowerCase();
}

// The list is re-filtered on each keystroke; objects survive refreshes unchanged thanks to
// TanStack Query's structural sharing, so caching per object keeps typing cheap with thousands.
const searchTextCache = new WeakMap<ClusterSummary, string>();
function cachedSearchText(cluster: ClusterSummary): string {
  let text = searchTextCache.get(cluster);
  if (text === undefined) {
    text = searchText(cluster);
    searchTextCache.set(cluster, text);
  }
  return text;
}

/**
 * The clusters that pass every filter: each text term must appear somewhere (name, account name
 * or id, region, a tag key or value); a facet with several values keeps clusters matching any of them.
 */
export function filterClusters(items: ClusterSummary[], filters: ClusterFilters): ClusterSummary[] {
  const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  const regions = new Set(filters.region);
  const statuses = new Set<string>(filters.status);
  const versions = new Set(filters.version);
  const accounts = new Set(filters.account);
  return items.filter(
    (cluster) =>
      (regions.size === 0 || regions.has(cluster.region)) &&
      (statuses.size === 0 || statuses.has(cluster.status)) &&
      (versions.size === 0 || (cluster.version !== undefined && versions.has(cluster.version))) &&
      (accounts.size === 0 || accounts.has(cluster.accountId)) &&
      (terms.length === 0 || terms.every((term) => cachedSearchText(cluster).includes(term))),
  );
}

/** Compares Kubernetes versions numerically: 1.9 < 1.10 < 1.31. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.localeCompare(b);
}

const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const ENDPOINT_ORDER = { public: 0, 'public+private': 1, private: 2 } as const;

const strings = (a: string, b: string) => text.compare(a, b);

/** How one column sorts: the value to compare (undefined = no value), and how to compare text. */
interface SortSpec {
  value: (cluster: ClusterSummary) => string | number | undefined;
  compareText?: (a: string, b: string) => number;
}

const SORTS: Record<ClusterSortKey, SortSpec> = {
  name: { value: (c) => c.name },
  account: { value: (c) => `${accountLabel(c)}\u0000${c.accountId}` },
  region: { value: (c) => c.region },
  status: { value: (c) => c.status },
  version: { value: (c) => c.version, compareText: compareVersions },
  platformVersion: { value: (c) => c.platformVersion },
  endpoint: {
    value: (c) => {
      const access = endpointAccess(c);
      return access && ENDPOINT_ORDER[access];
    },
  },
  logging: { value: (c) => (c.connected ? undefined : c.enabledLogTypes.length) },
  secrets: { value: (c) => (c.connected ? undefined : Number(c.secretsEncryption)) },
  created: { value: (c) => (c.createdAt ? Date.parse(c.createdAt) : undefined) },
  tags: { value: (c) => Object.keys(c.tags).length },
};

function compareValues(a: string | number, b: string | number, spec: SortSpec): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return (spec.compareText ?? strings)(String(a), String(b));
}

// Ties fall back to name, account and region, so the order is stable across refreshes.
const tieBreak = (a: ClusterSummary, b: ClusterSummary): number =>
  strings(a.name, b.name) || strings(a.accountId, b.accountId) || strings(a.region, b.region);

/**
 * Sorts a copy by one column. Clusters without a value for it (e.g. connected clusters have no
 * version) go last in both directions, so flipping the direction never buries the real values.
 */
export function sortClusters(
  items: ClusterSummary[],
  sort: ClusterSortKey,
  dir: 'asc' | 'desc',
): ClusterSummary[] {
  const spec = SORTS[sort];
  const sign = dir === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const left = spec.value(a);
    const right = spec.value(b);
    if (left === undefined || right === undefined) {
      if (left === right) return tieBreak(a, b);
      return left === undefined ? 1 : -1;
    }
    return sign * compareValues(left, right, spec) || tieBreak(a, b);
  });
}
