import { lazy, Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { LoadingState } from '../../components/LoadingState.tsx';

// The Compute tab (tables, dialogs and the contract's zod schemas for checking forms) is its own
// chunk, fetched the first time the tab opens.
const ComputeTab = lazy(async () => ({ default: (await import('./ComputeTab.tsx')).ComputeTab }));

/** The Compute tab for the cluster page's tab registry, loaded on first use. */
export function LazyComputeTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading compute…" />}>
      <ComputeTab cluster={cluster} />
    </Suspense>
  );
}
