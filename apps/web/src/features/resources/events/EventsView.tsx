import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ClusterEvent, ClusterRef, EventsQuery } from '@wheelhouse/contract';
import { OBJECT_POLL_MS, useClusterEvents } from '../../../api/objects.ts';
import { useNamespaces } from '../../../api/workloads.ts';
import { Chip } from '../../../components/Chip.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { PollingIndicator } from '../LiveIndicator.tsx';
import { EventGroupsTable } from '../objects/EventGroupsTable.tsx';
import { objectHref } from '../objects/objectLinks.ts';
import type { ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { CountText, ViewToolbar } from '../ViewFrame.tsx';

/** Kinds events are usually about; the API filters on the exact name. */
const KINDS = [
  'Pod',
  'Node',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'Service',
  'PodDisruptionBudget',
];

const TYPES: { value: string; label: string }[] = [
  { value: '', label: 'Warning' },
  { value: 'Normal', label: 'Normal' },
  { value: 'all', label: 'All types' },
];

/** The name filter matches the object, the reason and the message. */
function matches(event: ClusterEvent, text: string): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [event.object.name, event.object.namespace ?? '', event.reason, event.message].some(
    (value) => value.toLowerCase().includes(needle),
  );
}

function ObjectCell({ clusterRef, event }: { clusterRef: ClusterRef; event: ClusterEvent }) {
  const href = objectHref(clusterRef, event.object);
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="flex items-center gap-1.5">
        <Chip>{event.object.kind}</Chip>
        {href ? (
          <Link to={href} aria-label={`${event.object.kind} ${event.object.name}`}>
            {event.object.name}
          </Link>
        ) : (
          <span>{event.object.name}</span>
        )}
      </span>
      {event.object.namespace && (
        <span className="text-xs text-fg-muted">{event.object.namespace}</span>
      )}
    </span>
  );
}

/**
 * The cluster's events, Warning ones unless asked otherwise, folded per object and reason, read
 * again every 5 s: namespace, kind, reason and type are filtered by the Kubernetes API, the text box
 * in the browser.
 */
export function EventsView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const namespaces = useNamespaces(clusterRef);
  const type = (params.type || 'Warning') as EventsQuery['type'];
  const events = useClusterEvents(clusterRef, {
    namespace: params.ns,
    kind: params.kind,
    reason: params.reason,
    type,
  });
  const items = events.data?.items;
  const rows = useMemo(() => (items ?? []).filter((e) => matches(e, params.q)), [items, params.q]);
  // Reasons to pick from: those seen in what is shown, and the one picked (which alone is shown then).
  const reasons = useMemo(
    () =>
      [
        ...new Set([
          ...(items ?? []).map((e) => e.reason),
          ...(params.reason ? [params.reason] : []),
        ]),
      ]
        .filter(Boolean)
        .sort(),
    [items, params.reason],
  );
  const noun = type === 'Warning' ? 'warning' : 'event group';

  let body;
  if (events.isPending) body = <TableSkeleton label="Loading events…" />;
  else if (!events.data) {
    body = (
      <KubeErrorPanel
        error={events.error}
        what="events"
        onRetry={() => void events.refetch()}
        retrying={events.isFetching}
      />
    );
  } else {
    body = (
      <EventGroupsTable
        label="Cluster events"
        groups={rows}
        object={(event) => <ObjectCell clusterRef={clusterRef} event={event} />}
        empty={
          params.q || params.kind || params.reason
            ? 'No events match these filters.'
            : `No ${type === 'all' ? '' : `${type} `}events in ${params.ns ? `namespace ${params.ns}` : 'this cluster'} (Kubernetes keeps events for about an hour).`
        }
      />
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <ViewToolbar
        label="Event filters"
        params={params}
        update={update}
        namespaces={namespaces}
        searchPlaceholder="Filter by object, reason or message"
        aside={
          <>
            {items && <CountText shown={rows.length} total={items.length} noun={noun} />}
            <PollingIndicator everyMs={OBJECT_POLL_MS} failing={events.isRefetchError} />
          </>
        }
      >
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-fg-muted">Type</span>
          <select
            className="input"
            value={params.type}
            onChange={(event) => update({ type: event.target.value })}
          >
            {TYPES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-fg-muted">Kind</span>
          <select
            className="input"
            value={params.kind}
            onChange={(event) => update({ kind: event.target.value })}
          >
            <option value="">All kinds</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-fg-muted">Reason</span>
          <select
            className="input"
            value={params.reason}
            onChange={(event) => update({ reason: event.target.value })}
          >
            <option value="">All reasons</option>
            {reasons.map((reason) => (
              <option key={reason} value={reason}>
                {reason}
              </option>
            ))}
          </select>
        </label>
      </ViewToolbar>
      {events.isRefetchError && (
        <ErrorBanner
          title="Could not refresh the events; showing what was read last"
          tone="warning"
        >
          <ProblemDetails error={events.error} />
        </ErrorBanner>
      )}
      {events.data?.truncated && (
        <p className="text-sm text-fg-muted">
          The cluster holds more events than the 5,000 read here; narrow by namespace, kind or
          reason.
        </p>
      )}
      {body}
    </div>
  );
}
