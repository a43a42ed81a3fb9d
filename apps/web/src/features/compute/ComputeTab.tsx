import { useCallback, useMemo, useState } from 'react';
import type { ClusterDetail, ClusterRef } from '@wheelhouse/contract';
import { useCompute } from '../../api/compute.ts';
import { ChangeNotice, type ChangeNoticeContent } from '../../components/ChangeNotice.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { useCan } from '../auth/index.ts';
import { ComputeErrorsBanner } from './ComputeErrorsBanner.tsx';
import { ComputeDialogHost, type ComputeDialogState } from './dialogs/ComputeDialogHost.tsx';
import { FargateSection } from './FargateSection.tsx';
import { NodegroupsSection } from './NodegroupsSection.tsx';
import { SelfManagedSection } from './SelfManagedSection.tsx';
import { useChangePhase } from './useChangePhase.ts';

/**
 * The cluster page's Compute tab: managed node groups, self-managed groups and Fargate profiles,
 * with change dialogs for operators and admins (auditors see no change controls).
 */
export function ComputeTab({ cluster }: { cluster: ClusterDetail }) {
  const { accountId, region, name } = cluster;
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const compute = useCompute(clusterRef);
  const canChange = useCan('change');
  const [dialog, setDialog] = useState<ComputeDialogState | null>(null);
  const [notice, setNotice] = useState<ChangeNoticeContent | null>(null);
  const phase = useChangePhase(clusterRef, notice);
  const open = useCallback((next: ComputeDialogState) => setDialog(next), []);
  const onOpen = canChange ? open : undefined;

  if (compute.isPending) return <TableSkeleton label="Loading node groups and Fargate profiles…" />;
  if (!compute.data) {
    return (
      <ErrorBanner
        title="Could not load this cluster's compute"
        onRetry={() => void compute.refetch()}
        retrying={compute.isFetching}
      >
        <ProblemDetails error={compute.error} />
      </ErrorBanner>
    );
  }
  const data = compute.data;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <div className="flex justify-end">
          <RefreshButton
            label="Refresh compute"
            updatedAt={compute.dataUpdatedAt}
            fetching={compute.isFetching}
            onRefresh={() => void compute.refetch()}
          />
        </div>
        <ChangeNotice
          label="Compute change status"
          notice={notice}
          phase={phase}
          onDismiss={() => setNotice(null)}
        />
        <ComputeErrorsBanner errors={data.errors} />
        {compute.isRefetchError && (
          <ErrorBanner title="Could not refresh compute; showing what was read last" tone="warning">
            <ProblemDetails error={compute.error} />
          </ErrorBanner>
        )}
      </div>
      <NodegroupsSection clusterRef={clusterRef} nodegroups={data.nodegroups} onOpen={onOpen} />
      <SelfManagedSection groups={data.selfManaged} />
      <FargateSection
        clusterRef={clusterRef}
        profiles={data.fargateProfiles}
        overlaps={data.fargateOverlaps}
        onOpen={onOpen}
      />
      {canChange && (
        <ComputeDialogHost
          clusterRef={clusterRef}
          clusterVersion={cluster.version}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={(content) => {
            setDialog(null);
            setNotice(content);
          }}
        />
      )}
    </div>
  );
}
