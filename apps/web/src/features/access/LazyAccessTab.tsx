import { lazy, Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { LoadingState } from '../../components/LoadingState.tsx';

// The Access tab (tables, dialogs, the contract's schemas for its forms) is its own chunk.
const AccessTab = lazy(async () => ({ default: (await import('./AccessTab.tsx')).AccessTab }));

/** The Access tab for the cluster page's tab registry, loaded on first use. */
export function LazyAccessTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading access…" />}>
      <AccessTab cluster={cluster} />
    </Suspense>
  );
}
