import { Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { lazyWithPreload } from '../../components/lazyWithPreload.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

// The Resources tab (tables, live watch, log viewer) is its own chunk, fetched on first use or
// ahead of it when the URL opens the cluster page on this tab.
const { Component: ResourcesTab, preload: preloadResourcesTab } = lazyWithPreload(
  async () => (await import('./ResourcesTab.tsx')).ResourcesTab,
);
export { preloadResourcesTab };

/** The Resources tab for the cluster page's tab registry, loaded on first use. */
export function LazyResourcesTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading resources…" />}>
      <ResourcesTab cluster={cluster} />
    </Suspense>
  );
}

/**
 * EKS clusters always show the tab (a cluster that is not ACTIVE yet says its API answers once
 * it is); connected clusters only once ACTIVE, when their agent has connected.
 */
export function resourcesTabApplies(cluster: ClusterDetail): boolean {
  return !cluster.connected || cluster.status === 'ACTIVE';
}
