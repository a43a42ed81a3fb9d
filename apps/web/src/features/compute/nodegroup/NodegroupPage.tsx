import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClusterRef, NodegroupDetail } from '@wheelhouse/contract';
import { isApiError } from '../../../api/client.ts';
import { useCluster, clusterPath } from '../../../api/clusters.ts';
import { COMPUTE_BUSY_POLL_MS, nodegroupIsChanging, useNodegroup } from '../../../api/compute.ts';
import { ChangeNotice, type ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { useChangePhase } from '../useChangePhase.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { ResourcePageHeader } from '../../../components/PageHeader.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useCan } from '../../auth/index.ts';
import { ComputeErrorsBanner } from '../ComputeErrorsBanner.tsx';
import { ComputeDialogHost, type ComputeDialogState } from '../dialogs/ComputeDialogHost.tsx';
import { nodegroupActions } from '../NodegroupsSection.tsx';
import { InstancesTable } from './InstancesTable.tsx';
import { NodegroupSummary } from './NodegroupSummary.tsx';
import { UpdateHistory } from './UpdateHistory.tsx';

function NodegroupBody({ detail }: { detail: NodegroupDetail }) {
  return (
    <>
      <ComputeErrorsBanner errors={detail.errors} />
      <NodegroupSummary nodegroup={detail.nodegroup} />
      <section aria-label="Update history" className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Update history</h2>
        <UpdateHistory updates={detail.updates} />
      </section>
      <section aria-label="Instances" className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">
          Instances{' '}
          <span className="font-normal text-fg-muted tabular-nums">
            ({detail.instances.length})
          </span>
        </h2>
        <InstancesTable instances={detail.instances} />
      </section>
    </>
  );
}

/**
 * /clusters/:accountId/:region/:name/nodegroups/:nodegroup: one managed node group, its instances
 * and its update history. Polls every few seconds while it changes, so progress shows live.
 */
export function NodegroupPage() {
  const { accountId = '', region = '', name = '', nodegroup: ngName = '' } = useParams();
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const detail = useNodegroup(clusterRef, ngName);
  const cluster = useCluster(clusterRef);
  const canChange = useCan('change');
  const [dialog, setDialog] = useState<ComputeDialogState | null>(null);
  const [notice, setNotice] = useState<ChangeNoticeContent | null>(null);
  const phase = useChangePhase(clusterRef, notice);
  const computeTab = `/clusters/${clusterPath(clusterRef)}?tab=compute`;
  const nodegroup = detail.data?.nodegroup;
  const live = detail.data ? nodegroupIsChanging(detail.data) : false;

  let body;
  if (detail.isPending) {
    body = <LoadingState label={`Loading node group ${ngName}…`} />;
  } else if (detail.data) {
    body = <NodegroupBody detail={detail.data} />;
  } else if (isApiError(detail.error) && detail.error.status === 404) {
    body = (
      <EmptyState
        title="Node group not found"
        action={
          <Link to={computeTab} className="btn-primary no-underline">
            Back to {name}
          </Link>
        }
      >
        Cluster {name} has no node group named <strong>{ngName}</strong>. It may have been deleted.
      </EmptyState>
    );
  } else {
    body = (
      <ErrorBanner
        title="Could not load this node group"
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      >
        <ProblemDetails error={detail.error} />
      </ErrorBanner>
    );
  }

  return (
    <div className="flex flex-col gap-4 p-4">
      <title>{`${ngName} · ${name} · Wheelhouse`}</title>
      <ResourcePageHeader
        trail={[
          { label: 'Clusters', to: '/clusters' },
          { label: name, to: computeTab },
        ]}
        name={ngName}
      >
        {nodegroup && <StatusBadge status={nodegroup.status} />}
        {live && (
          <span className="text-xs text-fg-muted">
            Live: refreshing every {COMPUTE_BUSY_POLL_MS / 1000} s
          </span>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {canChange &&
            nodegroup &&
            nodegroupActions(nodegroup, setDialog).map((action) => (
              <button
                key={action.label}
                type="button"
                className={action.danger ? 'btn-danger' : 'btn-secondary'}
                onClick={action.onSelect}
              >
                {action.label}
              </button>
            ))}
          <RefreshButton
            label="Refresh node group"
            updatedAt={detail.dataUpdatedAt}
            fetching={detail.isFetching}
            onRefresh={() => void detail.refetch()}
          />
        </div>
      </ResourcePageHeader>
      <ChangeNotice notice={notice} phase={phase} onDismiss={() => setNotice(null)} />
      {detail.isRefetchError && detail.data && (
        <ErrorBanner
          title={
            isApiError(detail.error) && detail.error.status === 404
              ? `Node group ${ngName} no longer exists; showing what was read last`
              : 'Could not refresh this node group; showing what was read last'
          }
          tone="warning"
        >
          <ProblemDetails error={detail.error} />
          <p className="mt-1">
            <Link to={computeTab}>Back to {name}</Link>
          </p>
        </ErrorBanner>
      )}
      {body}
      {canChange && (
        <ComputeDialogHost
          clusterRef={clusterRef}
          clusterVersion={cluster.data?.version}
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
