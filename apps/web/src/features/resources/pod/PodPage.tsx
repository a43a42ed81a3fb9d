import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ClusterRef, PodDetail } from '@wheelhouse/contract';
import { isApiError } from '../../../api/client.ts';
import { clusterPath } from '../../../api/clusters.ts';
import { POD_POLL_MS, usePod } from '../../../api/workloads.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { ResourcePageHeader } from '../../../components/PageHeader.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { Tabs } from '../../../components/Tabs.tsx';
import { PodStatusBadge } from '../display/PodStatusBadge.tsx';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { PollingIndicator } from '../LiveIndicator.tsx';
import { resourcesHref } from '../resourcesParams.ts';
import { ContainersSection } from './ContainersSection.tsx';
import { LogsPanel } from './LogsPanel.tsx';
import { PodOverview } from './PodOverview.tsx';
import { PodActions } from '../actions/PodActions.tsx';
import { ObjectDetailPanel } from '../objects/ObjectDetailPanel.tsx';
import { ConditionsTable, EventsTable } from './PodStatusTables.tsx';

const POD_TABS = ['overview', 'logs', 'yaml'] as const;
type PodTab = (typeof POD_TABS)[number];

/**
 * The pod in three tabs, kept in `?tab=` so a link can open the log: what it is (summary, owners,
 * containers, events, conditions), its logs, which get the height of the window to themselves, and its YAML.
 * The log is read only while its tab is open.
 */
function PodBody({ clusterRef, pod }: { clusterRef: ClusterRef; pod: PodDetail }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: PodTab = POD_TABS.find((id) => id === asked) ?? 'overview';
  return (
    <Tabs
      label="Pod views"
      value={tab}
      onValueChange={(id) =>
        setParams(
          (now) => {
            const next = new URLSearchParams(now);
            if (id === 'overview') next.delete('tab');
            else next.set('tab', id);
            return next;
          },
          { replace: true, preventScrollReset: true },
        )
      }
      tabs={[
        {
          id: 'overview',
          label: 'Overview',
          content: (
            <div className="flex flex-col gap-4">
              <PodActions clusterRef={clusterRef} pod={pod} />
              <PodOverview pod={pod} />
              <ObjectDetailPanel
                clusterRef={clusterRef}
                resource="pods"
                namespace={pod.namespace}
                name={pod.name}
                part="ownership"
              />
              <ContainersSection containers={pod.containerDetails} />
              <EventsTable events={pod.events} />
              <ConditionsTable conditions={pod.conditions} />
            </div>
          ),
        },
        { id: 'logs', label: 'Logs', content: <LogsPanel clusterRef={clusterRef} pod={pod} /> },
        {
          id: 'yaml',
          label: 'YAML',
          content: (
            <ObjectDetailPanel
              clusterRef={clusterRef}
              resource="pods"
              namespace={pod.namespace}
              name={pod.name}
              part="yaml"
            />
          ),
        },
      ]}
    />
  );
}

/**
 * /clusters/:accountId/:region/:name/pods/:namespace/:pod: one pod, its containers, events,
 * conditions and logs. Polls every 5 s so a container's state shows as it changes.
 */
export function PodPage() {
  const { accountId = '', region = '', name = '', namespace = '', pod: podName = '' } = useParams();
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const pod = usePod(clusterRef, namespace, podName);
  const podsView = resourcesHref(`/clusters/${clusterPath(clusterRef)}`, 'pods', { ns: namespace });

  let body;
  if (pod.isPending) {
    body = <LoadingState label={`Loading pod ${podName}…`} />;
  } else if (pod.data) {
    body = <PodBody clusterRef={clusterRef} pod={pod.data} />;
  } else if (isApiError(pod.error) && pod.error.status === 404) {
    body = (
      <EmptyState
        title="Pod not found"
        action={
          <Link to={podsView} className="btn-primary no-underline">
            Pods of {namespace}
          </Link>
        }
      >
        There is no pod named <strong>{podName}</strong> in namespace {namespace}. It may have been
        deleted or replaced (pods of a Deployment get new names).
      </EmptyState>
    );
  } else {
    body = (
      <KubeErrorPanel
        error={pod.error}
        what="this pod"
        onRetry={() => void pod.refetch()}
        retrying={pod.isFetching}
      />
    );
  }

  return (
    <div className="flex flex-col gap-4 p-4">
      <title>{`${podName} · ${name} · Wheelhouse`}</title>
      <ResourcePageHeader
        trail={[
          { label: 'Clusters', to: '/clusters' },
          { label: name, to: `/clusters/${clusterPath(clusterRef)}` },
          { label: 'Pods', to: podsView },
        ]}
        name={podName}
      >
        {pod.data && <PodStatusBadge pod={pod.data} />}
        <div className="ml-auto flex items-center gap-2">
          <PollingIndicator everyMs={POD_POLL_MS} failing={pod.isRefetchError} />
          <RefreshButton
            label="Refresh pod"
            updatedAt={pod.dataUpdatedAt}
            fetching={pod.isFetching}
            onRefresh={() => void pod.refetch()}
          />
        </div>
      </ResourcePageHeader>
      {pod.isRefetchError && (
        <ErrorBanner title="Could not refresh this pod; showing what was read last" tone="warning">
          <ProblemDetails error={pod.error} />
        </ErrorBanner>
      )}
      {body}
    </div>
  );
}
