import type { ClusterStatus } from '@wheelhouse/contract';

/** Columns the clusters table can be sorted by; also the `sort=` values of the URL. */
export const CLUSTER_SORT_KEYS = [
  'name',
  'account',
  'region',
  'status',
  'version',
  'platformVersion',
  'endpoint',
  'logging',
  'secrets',
  'created',
  'tags',
] as const;
export type ClusterSortKey = (typeof CLUSTER_SORT_KEYS)[number];

/** Every cluster status, in the order filters list them (kept equal to the contract's enum by a test). */
export const CLUSTER_STATUSES: readonly ClusterStatus[] = [
  'ACTIVE',
  'CREATING',
  'UPDATING',
  'DELETING',
  'FAILED',
  'PENDING',
];

/** The clusters view as a link holds it: `?q=prod&region=eu-west-1&status=ACTIVE&sort=version&dir=desc`. */
export interface ClusterFilters {
  /** Free text; every whitespace-separated term must match name, account, region or a tag. */
  q: string;
  region: string[];
  status: ClusterStatus[];
  version: string[];
  /** Account ids. */
  account: string[];
  sort: ClusterSortKey;
  dir: 'asc' | 'desc';
}

/** The facets that take several values (each is a repeated URL parameter). */
export const FACETS = ['region', 'status', 'version', 'account'] as const;
export type Facet = (typeof FACETS)[number];

export const DEFAULT_FILTERS: ClusterFilters = {
  q: '',
  region: [],
  status: [],
  version: [],
  account: [],
  sort: 'name',
  dir: 'asc',
};

const unique = (values: string[]) => [
  ...new Set(values.map((value) => value.trim()).filter(Boolean)),
];

const isSortKey = (value: string | null): value is ClusterSortKey =>
  (CLUSTER_SORT_KEYS as readonly string[]).includes(value ?? '');

const isStatus = (value: string): value is ClusterStatus =>
  (CLUSTER_STATUSES as readonly string[]).includes(value);

/** Reads the view from the URL; unknown or malformed values fall back to the defaults. */
export function parseClusterFilters(params: URLSearchParams): ClusterFilters {
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    region: unique(params.getAll('region')),
    status: unique(params.getAll('status').map((value) => value.toUpperCase())).filter(isStatus),
    version: unique(params.getAll('version')),
    account: unique(params.getAll('account')),
    sort: isSortKey(sort) ? sort : DEFAULT_FILTERS.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/**
 * Writes the view to URL parameters in a fixed order, leaving out defaults, so equal views give
 * equal URLs. `parseClusterFilters(serializeClusterFilters(f))` gives `f` back.
 */
export function serializeClusterFilters(filters: ClusterFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  for (const facet of FACETS) {
    for (const value of unique(filters[facet])) params.append(facet, value);
  }
  const defaultOrder = filters.sort === DEFAULT_FILTERS.sort && filters.dir === DEFAULT_FILTERS.dir;
  if (!defaultOrder) params.set('sort', filters.sort);
  if (filters.dir === 'desc') params.set('dir', 'desc');
  return params;
}

/** True when any filter (not sorting) narrows the list. */
export function hasActiveFilters(filters: ClusterFilters): boolean {
  return filters.q.trim() !== '' || FACETS.some((facet) => filters[facet].length > 0);
}

/** The same view with every filter cleared but the sort kept. */
export function clearFilters(filters: ClusterFilters): ClusterFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir };
}
