import { Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { lazyWithPreload } from '../../components/lazyWithPreload.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

const { Component: UpgradeReadinessTab, preload: preloadUpgradeReadinessTab } = lazyWithPreload(
  async () => (await import('./UpgradeReadinessTab.tsx')).UpgradeReadinessTab,
);
export { preloadUpgradeReadinessTab };

/** The Upgrade readiness tab for the cluster page's tab registry, loaded on first use. */
export function LazyUpgradeReadinessTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading upgrade readiness…" />}>
      <UpgradeReadinessTab cluster={cluster} />
    </Suspense>
  );
}
