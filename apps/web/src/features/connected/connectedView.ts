import type { ClusterStatus, ClusterSummary } from '@wheelhouse/contract';
import { providerLabel } from '../../components/clusterDisplay.ts';

/** Columns the connected-clusters table sorts by; also the `sort=` values in the URL. */
export const CONNECTED_SORT_KEYS = [
  'name',
  'provider',
  'status',
  'account',
  'region',
  'registered',
  'activation',
] as const;
export type ConnectedSortKey = (typeof CONNECTED_SORT_KEYS)[number];

/** Statuses a connected cluster goes through: PENDING until the agent connects, then ACTIVE. */
export const CONNECTED_STATUSES: readonly ClusterStatus[] = [
  'PENDING',
  'ACTIVE',
  'FAILED',
  'DELETING',
];

/** The view as its URL holds it: `?status=PENDING&sort=activation&dir=desc`. */
export interface ConnectedView {
  status: ClusterStatus[];
  sort: ConnectedSortKey;
  dir: 'asc' | 'desc';
}

export function parseConnectedView(params: URLSearchParams): ConnectedView {
  const sort = params.get('sort');
  return {
    status: [...new Set(params.getAll('status').map((value) => value.toUpperCase()))].filter(
      (value): value is ClusterStatus => (CONNECTED_STATUSES as readonly string[]).includes(value),
    ),
    sort: (CONNECTED_SORT_KEYS as readonly string[]).includes(sort ?? '')
      ? (sort as ConnectedSortKey)
      : 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function serializeConnectedView(view: ConnectedView): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of view.status) params.append('status', status);
  if (view.sort !== 'name' || view.dir !== 'asc') params.set('sort', view.sort);
  if (view.dir === 'desc') params.set('dir', 'desc');
  return params;
}

/**
 * A PENDING registration whose activation has lapsed: EKS turns it FAILED, and the console says so
 * at once rather than after the next refresh.
 */
export function activationExpired(cluster: ClusterSummary, now: number): boolean {
  return (
    cluster.status === 'PENDING' &&
    cluster.activationExpiry !== undefined &&
    Date.parse(cluster.activationExpiry) <= now
  );
}

/** The status to show: FAILED for a lapsed activation, else what EKS reports. */
export function shownStatus(cluster: ClusterSummary, now: number): ClusterStatus {
  return activationExpired(cluster, now) ? 'FAILED' : cluster.status;
}

const SORT_VALUE: Record<ConnectedSortKey, (c: ClusterSummary, now: number) => string | number> = {
  name: (c) => c.name,
  provider: (c) => providerLabel(c.provider),
  status: (c, now) => shownStatus(c, now),
  account: (c) => c.accountName ?? c.accountId,
  region: (c) => c.region,
  registered: (c) => c.createdAt ?? '',
  // Pending registrations by time left; the rest after them.
  activation: (c) =>
    c.status === 'PENDING' && c.activationExpiry ? Date.parse(c.activationExpiry) : Infinity,
};

export function filterAndSortConnected(
  items: ClusterSummary[],
  view: ConnectedView,
  now: number,
): ClusterSummary[] {
  const value = SORT_VALUE[view.sort];
  const sign = view.dir === 'desc' ? -1 : 1;
  return items
    .filter(
      (cluster) => view.status.length === 0 || view.status.includes(shownStatus(cluster, now)),
    )
    .sort((a, b) => {
      const x = value(a, now);
      const y = value(b, now);
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x === y
            ? 0
            : x < y
              ? -1
              : 1
          : String(x).localeCompare(String(y));
      return sign * order || a.name.localeCompare(b.name);
    });
}
