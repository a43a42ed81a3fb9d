import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  OBJECT_RESOURCES,
  type ClusterRef,
  type ObjectDetail,
  type ObjectResource,
} from '@wheelhouse/contract';
import { isApiError } from '../../../api/client.ts';
import { clusterPath } from '../../../api/clusters.ts';
import { OBJECT_POLL_MS, useObjectDetail } from '../../../api/objects.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { ResourcePageHeader } from '../../../components/PageHeader.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { Tabs } from '../../../components/Tabs.tsx';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { PollingIndicator } from '../LiveIndicator.tsx';
import { EventGroupsTable } from './EventGroupsTable.tsx';
import { OwnershipSection } from './OwnershipSection.tsx';
import { YamlView } from './YamlView.tsx';

const TABS = ['overview', 'yaml', 'events'] as const;
type ObjectTab = (typeof TABS)[number];

/** Parts the BFF could not read (an owner, the events): said, while the rest shows. */
export function PartErrors({ detail }: { detail: ObjectDetail }) {
  if (detail.errors.length === 0) return null;
  return (
    <ErrorBanner title="Some parts of this object could not be read" tone="warning">
      <ul className="list-disc pl-4">
        {detail.errors.map((error) => (
          <li key={error.part}>
            <strong>{error.part}</strong>: {error.message}
          </li>
        ))}
      </ul>
    </ErrorBanner>
  );
}

function ObjectBody({ clusterRef, detail }: { clusterRef: ClusterRef; detail: ObjectDetail }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: ObjectTab = TABS.find((id) => id === asked) ?? 'overview';
  const warnings = detail.events.filter((group) => group.type === 'Warning').length;
  return (
    <Tabs
      label="Object views"
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
              <section aria-label="Summary" className="card p-4">
                <KeyValueList
                  items={[
                    { label: 'Kind', value: `${detail.kind} (${detail.apiVersion})` },
                    ...(detail.namespace ? [{ label: 'Namespace', value: detail.namespace }] : []),
                    { label: 'Created', value: <RelativeTime iso={detail.createdAt} /> },
                    {
                      label: 'UID',
                      value: <span className="font-mono text-xs">{detail.uid}</span>,
                    },
                  ]}
                />
              </section>
              <OwnershipSection clusterRef={clusterRef} detail={detail} />
            </div>
          ),
        },
        {
          id: 'yaml',
          label: 'YAML',
          content: (
            <YamlView
              yaml={detail.yaml}
              managedFieldsYaml={detail.managedFieldsYaml}
              managedFieldsCount={detail.managedFieldsCount}
            />
          ),
        },
        {
          id: 'events',
          label: warnings > 0 ? `Events (${warnings} warning)` : `Events (${detail.events.length})`,
          content: (
            <EventGroupsTable
              label="Events"
              groups={detail.events}
              empty="No recent events (Kubernetes keeps events for about an hour)."
            />
          ),
        },
      ]}
    />
  );
}

const isResource = (value: string): value is ObjectResource => value in OBJECT_RESOURCES;

/**
 * /clusters/:accountId/:region/:name/objects/:resource/[:namespace/]:object — any object the console
 * lists: what it is, its owner chain and children, its YAML and its events. Read again every 5 s.
 */
export function ObjectPage() {
  const {
    accountId = '',
    region = '',
    name = '',
    resource: resourceParam = '',
    namespace,
    object = '',
  } = useParams();
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const resource: ObjectResource = isResource(resourceParam) ? resourceParam : 'pods';
  const detail = useObjectDetail(clusterRef, resource, namespace, object);
  const kind = isResource(resourceParam) ? OBJECT_RESOURCES[resourceParam].kind : resourceParam;
  const resourcesView = `/clusters/${clusterPath(clusterRef)}?tab=resources`;

  let body;
  if (!isResource(resourceParam)) {
    body = (
      <EmptyState title="Not a kind the console shows">
        The console has no view for <strong>{resourceParam}</strong>.
      </EmptyState>
    );
  } else if (detail.isPending) {
    body = <LoadingState label={`Loading ${kind} ${object}…`} />;
  } else if (detail.data) {
    body = (
      <div className="flex flex-col gap-4">
        <PartErrors detail={detail.data} />
        <ObjectBody clusterRef={clusterRef} detail={detail.data} />
      </div>
    );
  } else if (isApiError(detail.error) && detail.error.status === 404) {
    body = (
      <EmptyState
        title={`${kind} not found`}
        action={
          <Link to={resourcesView} className="btn-primary no-underline">
            Resources of {name}
          </Link>
        }
      >
        There is no {kind} named <strong>{object}</strong>
        {namespace ? ` in namespace ${namespace}` : ''}. It may have been deleted.
      </EmptyState>
    );
  } else {
    body = (
      <KubeErrorPanel
        error={detail.error}
        what={`this ${kind}`}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }

  return (
    <div className="flex flex-col gap-4 p-4">
      <title>{`${object} · ${name} · Wheelhouse`}</title>
      <ResourcePageHeader
        trail={[
          { label: 'Clusters', to: '/clusters' },
          { label: name, to: `/clusters/${clusterPath(clusterRef)}` },
          { label: 'Resources', to: resourcesView },
          ...(namespace ? [{ label: namespace, to: `${resourcesView}&ns=${namespace}` }] : []),
        ]}
        name={object}
      >
        <span className="text-sm text-fg-muted">{kind}</span>
        <div className="ml-auto flex items-center gap-2">
          <PollingIndicator everyMs={OBJECT_POLL_MS} failing={detail.isRefetchError} />
          <RefreshButton
            label={`Refresh ${kind}`}
            updatedAt={detail.dataUpdatedAt}
            fetching={detail.isFetching}
            onRefresh={() => void detail.refetch()}
          />
        </div>
      </ResourcePageHeader>
      {detail.isRefetchError && (
        <ErrorBanner title="Could not refresh; showing what was read last" tone="warning">
          <ProblemDetails error={detail.error} />
        </ErrorBanner>
      )}
      {body}
    </div>
  );
}
