import { lazy, Suspense } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { LoadingState } from '../../components/LoadingState.tsx';

const PostureTab = lazy(async () => ({ default: (await import('./PostureTab.tsx')).PostureTab }));

/** The Posture tab for the cluster page's tab registry, loaded on first use. */
export function LazyPostureTab({ cluster }: { cluster: ClusterDetail }) {
  return (
    <Suspense fallback={<LoadingState label="Loading posture…" />}>
      <PostureTab cluster={cluster} />
    </Suspense>
  );
}
