import { useDeferredValue, useMemo } from 'react';
import type { ClusterRef, PodSummary } from '@wheelhouse/contract';
import { useNamespaces } from '../../../api/workloads.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { ActiveFilters, type ActiveFilter } from '../../../components/FilterBar.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { LiveIndicator } from '../LiveIndicator.tsx';
import { sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { TableFrame, ViewToolbar } from '../ViewFrame.tsx';
import { POD_SORT, podColumns, podTiebreak } from './podColumns.tsx';
import { NodeLabelFilters, PhaseSelect } from './PodServerFilters.tsx';
import { usePodList } from './usePodList.ts';

const count = (n: number) => n.toLocaleString('en');

function podCountText(shown: number, total: number, complete: boolean): string {
  const noun = total === 1 ? 'pod' : 'pods';
  if (!complete) return `${count(total)} ${noun} so far, loading more…`;
  return shown === total ? `${count(total)} ${noun}` : `${count(shown)} of ${count(total)} ${noun}`;
}

function nodeNamesOf(items: PodSummary[] | undefined): string[] {
  const names = new Set<string>();
  for (const pod of items ?? []) if (pod.node) names.add(pod.node);
  return [...names].sort();
}

/**
 * Every pod of the cluster (or one namespace), live: filtered by phase, node and labels on the
 * server and by name in the browser, virtualised so 10,000 rows scroll smoothly.
 */
export function PodsView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const namespaces = useNamespaces(clusterRef);
  const { query, watch } = usePodList(clusterRef, {
    namespace: params.ns,
    node: params.node,
    phase: params.phase,
    labelSelector: params.labels,
  });
  const columns = useMemo(() => podColumns(clusterRef), [clusterRef]);
  const sort = useMemo(() => sortOf(params, 'namespace'), [params]);
  const items = query.data?.items;
  // Typing in the name filter stays responsive while 10,000 rows are filtered behind it.
  const nameQuery = useDeferredValue(params.q);
  const rows = useMemo(
    () => sortRows(filterByName(items ?? [], nameQuery), sort, POD_SORT, 'namespace', podTiebreak),
    [items, nameQuery, sort],
  );
  const nodeNames = useMemo(() => nodeNamesOf(items), [items]);

  const active: ActiveFilter[] = [
    ...(params.phase
      ? [{ key: 'phase', label: `Phase: ${params.phase}`, onRemove: () => update({ phase: '' }) }]
      : []),
    ...(params.node
      ? [{ key: 'node', label: `Node: ${params.node}`, onRemove: () => update({ node: '' }) }]
      : []),
    ...(params.labels
      ? [
          {
            key: 'labels',
            label: `Labels: ${params.labels}`,
            onRemove: () => update({ labels: '' }),
          },
        ]
      : []),
  ];

  let body;
  if (query.isPending) {
    body = <TableSkeleton label="Loading pods…" />;
  } else if (!query.data) {
    body = (
      <KubeErrorPanel
        error={query.error}
        what="pods"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else if (rows.length === 0 && query.data.complete) {
    const filtered = active.length > 0 || params.q !== '';
    body = (
      <EmptyState
        title={filtered ? 'No pods match these filters' : 'No pods'}
        action={
          filtered ? (
            <button
              type="button"
              className="btn-primary"
              onClick={() => update({ q: '', phase: '', node: '', labels: '' })}
            >
              Clear filters
            </button>
          ) : undefined
        }
      >
        {filtered
          ? 'Try fewer filters or a shorter name.'
          : `There are no pods in ${params.ns ? `namespace ${params.ns}` : 'this cluster'}.`}
      </EmptyState>
    );
  } else {
    body = (
      <TableFrame>
        <DataTable
          label="Pods"
          data={rows}
          columns={columns}
          getRowId={(pod) => pod.uid}
          sort={sort}
          onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
          rowHeight={40}
        />
      </TableFrame>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <ViewToolbar
        label="Pod filters"
        params={params}
        update={update}
        namespaces={namespaces}
        searchPlaceholder="Filter pods by name"
        aside={
          <>
            {query.data && (
              <p role="status" className="text-fg-muted tabular-nums">
                {podCountText(rows.length, query.data.items.length, query.data.complete)}
              </p>
            )}
            {query.data && <LiveIndicator state={watch} />}
          </>
        }
      >
        <PhaseSelect value={params.phase} onChange={(phase) => update({ phase })} />
        <NodeLabelFilters
          key={`${params.node}\n${params.labels}`}
          node={params.node}
          labels={params.labels}
          nodeNames={nodeNames}
          onApply={(filters) => update(filters)}
        />
      </ViewToolbar>
      <ActiveFilters filters={active} onClear={() => update({ phase: '', node: '', labels: '' })} />
      {query.isError && query.data && (
        <ErrorBanner
          title={
            query.data.complete
              ? 'Could not reload pods; showing the list as it was'
              : `Could not load every pod; showing the ${count(query.data.items.length)} read`
          }
          tone="warning"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        >
          <ProblemDetails error={query.error} />
        </ErrorBanner>
      )}
      {body}
    </div>
  );
}
