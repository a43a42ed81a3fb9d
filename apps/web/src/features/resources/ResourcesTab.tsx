import { useMemo, type ReactNode } from 'react';
import type { ClusterDetail, ClusterRef } from '@wheelhouse/contract';
import { useNamespaces } from '../../api/workloads.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { AutoscalingView } from './autoscaling/AutoscalingView.tsx';
import { EventsView } from './events/EventsView.tsx';
import { isKubeBlocked, KubeErrorPanel } from './KubeErrorPanel.tsx';
import { NodesView } from './nodes/NodesView.tsx';
import { PodsView } from './pods/PodsView.tsx';
import { switchView, type ResourceView, type ResourcesParams } from './resourcesParams.ts';
import { ServicesView } from './services/ServicesView.tsx';
import { useResourcesParams, type UpdateResourcesParams } from './useResourcesParams.ts';
import { WorkloadsView } from './workloads/WorkloadsView.tsx';

interface ViewProps {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}

const VIEWS: { id: ResourceView; label: string; render: (props: ViewProps) => ReactNode }[] = [
  { id: 'workloads', label: 'Workloads', render: (props) => <WorkloadsView {...props} /> },
  { id: 'pods', label: 'Pods', render: (props) => <PodsView {...props} /> },
  { id: 'services', label: 'Services', render: (props) => <ServicesView {...props} /> },
  { id: 'nodes', label: 'Nodes', render: (props) => <NodesView {...props} /> },
  { id: 'autoscaling', label: 'Autoscaling', render: (props) => <AutoscalingView {...props} /> },
  { id: 'events', label: 'Events', render: (props) => <EventsView {...props} /> },
];

/**
 * The cluster page's Resources tab: what runs in the cluster, read from its Kubernetes API.
 * One sub-view at a time (`?view=`), the namespace and filters in the URL. When the console
 * cannot read the API at all, the tab explains why (and how to fix it) instead of its views.
 */
export function ResourcesTab({ cluster }: { cluster: ClusterDetail }) {
  const { accountId, region, name } = cluster;
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const [params, update] = useResourcesParams();
  const namespaces = useNamespaces(clusterRef);

  if (namespaces.error && isKubeBlocked(namespaces.error)) {
    return (
      <KubeErrorPanel
        error={namespaces.error}
        what="namespaces"
        onRetry={() => void namespaces.refetch()}
        retrying={namespaces.isFetching}
      />
    );
  }
  const props = { clusterRef, params, update };
  return (
    <Tabs
      label="Resource views"
      value={params.view}
      onValueChange={(view) =>
        update((current) => switchView(current, view as ResourceView), { replace: true })
      }
      tabs={VIEWS.map((view) => ({ id: view.id, label: view.label, content: view.render(props) }))}
    />
  );
}
