import { Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { lazyWithPreload } from '../../components/lazyWithPreload.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

// The tab is its own chunk; the chart library is a further one, fetched when a chart is drawn.
const { Component: MetricsTab, preload: preloadMetricsTab } = lazyWithPreload(
  async () => (await import('./MetricsTab.tsx')).MetricsTab,
);
export { preloadMetricsTab };

/** The Metrics tab for the cluster page's tab registry, loaded on first use. */
export function LazyMetricsTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading metrics…" />}>
      <MetricsTab cluster={cluster} />
    </Suspense>
  );
}
