import { lazy, Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { LoadingState } from '../../components/LoadingState.tsx';

const AddonsTab = lazy(async () => ({ default: (await import('./AddonsTab.tsx')).AddonsTab }));

/** The Add-ons tab for the cluster page's tab registry, loaded on first use. */
export function LazyAddonsTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading add-ons…" />}>
      <AddonsTab cluster={cluster} />
    </Suspense>
  );
}
