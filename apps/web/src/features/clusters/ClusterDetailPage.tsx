import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ClusterDetail, ClusterRef } from '@wheelhouse/contract';
import { isApiError } from '../../api/client.ts';
import { useCluster } from '../../api/clusters.ts';
import { ChangeNotice, type ChangeNoticeContent } from '../../components/ChangeNotice.tsx';
import { ClusterActionsMenu, useClusterChangePhase } from '../lifecycle/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ResourcePageHeader } from '../../components/PageHeader.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { ClusterHeader } from './detail/ClusterHeader.tsx';
import { CLUSTER_TABS, tabsFor } from './detail/clusterTabs.tsx';

function ClusterTabs({ cluster }: { cluster: ClusterDetail }) {
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(cluster);
  const requested = params.get('tab');
  const current = tabs.find((tab) => tab.id === requested) ?? tabs[0];
  if (!current) return null;
  return (
    <Tabs
      label="Cluster sections"
      value={current.id}
      onValueChange={(id) =>
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            if (id === tabs[0]?.id) next.delete('tab');
            else next.set('tab', id);
            return next;
          },
          // Arrow keys switch tabs; replacing keeps Back from walking through every tab passed.
          { replace: true, preventScrollReset: true },
        )
      }
      tabs={tabs.map((tab) => ({ id: tab.id, label: tab.label, content: tab.render(cluster) }))}
    />
  );
}

function NotFound({ clusterRef }: { clusterRef: Partial<ClusterRef> }) {
  return (
    <EmptyState
      title="Cluster not found"
      action={
        <Link to="/clusters" className="btn-primary no-underline">
          Back to clusters
        </Link>
      }
    >
      There is no cluster named <strong>{clusterRef.name}</strong> in account {clusterRef.accountId}
      , region {clusterRef.region}. It may have been deleted.
    </EmptyState>
  );
}

/** /clusters/:accountId/:region/:name?tab=…: one cluster's settings, one tab per area. */
export function ClusterDetailPage() {
  const { accountId = '', region = '', name = '' } = useParams();
  const clusterRef: ClusterRef = { accountId, region, name };
  const cluster = useCluster(clusterRef);
  const [notice, setNotice] = useState<ChangeNoticeContent | null>(null);
  const phase = useClusterChangePhase(clusterRef, notice);
  const [params] = useSearchParams();
  const openingTab = params.get('tab');
  // The tab the URL opens loads its chunk beside the cluster's own request, not after it.
  useEffect(() => {
    CLUSTER_TABS.find((tab) => tab.id === openingTab)?.preload?.();
  }, [openingTab]);

  let body;
  if (cluster.isPending) {
    body = <LoadingState label={`Loading cluster ${name}…`} />;
  } else if (cluster.data) {
    body = (
      <div className="flex flex-col gap-4">
        <ClusterHeader cluster={cluster.data} />
        {cluster.isRefetchError && (
          <ErrorBanner
            title="Could not refresh this cluster; showing what was read last"
            tone="warning"
          >
            <ProblemDetails error={cluster.error} />
          </ErrorBanner>
        )}
        <ClusterTabs cluster={cluster.data} />
      </div>
    );
  } else if (isApiError(cluster.error) && cluster.error.status === 404) {
    body = <NotFound clusterRef={clusterRef} />;
  } else {
    const forbidden = isApiError(cluster.error) && cluster.error.status === 403;
    body = (
      <div className="flex flex-col gap-4">
        <ErrorBanner
          title={forbidden ? 'You may not view this cluster' : 'Could not load this cluster'}
          onRetry={forbidden ? undefined : () => void cluster.refetch()}
          retrying={cluster.isFetching}
        >
          <ProblemDetails error={cluster.error} />
          <p className="mt-2">
            <Link to="/clusters">Back to clusters</Link>
          </p>
        </ErrorBanner>
      </div>
    );
  }

  // The breadcrumb and title stay put while the data loads, so the heading that receives focus
  // after navigation is the one that remains.
  return (
    <div className="flex flex-col gap-4 p-4">
      <title>{`${name} · Clusters · Wheelhouse`}</title>
      <div className="flex flex-col gap-2">
        <ResourcePageHeader trail={[{ label: 'Clusters', to: '/clusters' }]} name={name}>
          {cluster.data && <StatusBadge status={cluster.data.status} />}
          {cluster.data && (
            <div className="ml-auto">
              <ClusterActionsMenu cluster={cluster.data} onDone={setNotice} />
            </div>
          )}
        </ResourcePageHeader>
      </div>
      <ChangeNotice notice={notice} phase={phase} onDismiss={() => setNotice(null)} />
      {body}
    </div>
  );
}
