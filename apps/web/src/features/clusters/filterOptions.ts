import type { ClusterSummary, Sources } from '@wheelhouse/contract';
import type { FilterOption } from '../../components/MultiSelectFilter.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { CLUSTER_STATUSES, type ClusterFilters, type Facet } from './clusterFilters.ts';
import { compareVersions } from './filterClusters.ts';

function countBy(items: ClusterSummary[], key: (cluster: ClusterSummary) => string | undefined) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * The choices of each facet: values present in the data, configured ones (every region and
 * account the console reads, even without clusters), and whatever the URL already selects.
 */
export function clusterFilterOptions(
  items: ClusterSummary[],
  sources: Sources | undefined,
  filters: ClusterFilters,
): Record<Facet, FilterOption[]> {
  const regionCounts = countBy(items, (c) => c.region);
  const statusCounts = countBy(items, (c) => c.status);
  const versionCounts = countBy(items, (c) => c.version);
  const accountCounts = countBy(items, (c) => c.accountId);

  const accountNames = new Map<string, string>();
  for (const account of sources?.accounts ?? []) accountNames.set(account.id, account.name);
  for (const item of items)
    if (item.accountName) accountNames.set(item.accountId, item.accountName);

  const regions = new Set([...(sources?.regions ?? []), ...regionCounts.keys(), ...filters.region]);
  const versions = new Set([...versionCounts.keys(), ...filters.version]);
  const accounts = new Set([...accountNames.keys(), ...accountCounts.keys(), ...filters.account]);
  const statuses = CLUSTER_STATUSES.filter(
    (status) => statusCounts.has(status) || filters.status.includes(status),
  );

  return {
    region: [...regions]
      .sort()
      .map((value) => ({ value, label: value, count: regionCounts.get(value) ?? 0 })),
    status: statuses.map((value) => ({
      value,
      label: statusLabel(value),
      count: statusCounts.get(value) ?? 0,
    })),
    version: [...versions]
      .sort((a, b) => compareVersions(b, a))
      .map((value) => ({ value, label: value, count: versionCounts.get(value) ?? 0 })),
    account: [...accounts]
      .map((value) => {
        const name = accountNames.get(value);
        return {
          value,
          label: name && name !== value ? `${name} (${value})` : value,
          count: accountCounts.get(value) ?? 0,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
