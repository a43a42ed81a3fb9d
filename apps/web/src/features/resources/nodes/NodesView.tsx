import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { ClusterRef, NodeSummary } from '@wheelhouse/contract';
import { clusterPath } from '../../../api/clusters.ts';
import { useNodes } from '../../../api/workloads.ts';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { LiveIndicator } from '../LiveIndicator.tsx';
import { ResourceListBody } from '../ResourceListBody.tsx';
import { resourcesHref, sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { CountText, ViewToolbar } from '../ViewFrame.tsx';
import { NODE_SORT, nodeColumns } from './nodeColumns.tsx';
import { useNodeWatch } from './useNodeWatch.ts';
import { useCan } from '../../auth/index.ts';
import { NodeActions } from '../actions/NodeActions.tsx';

const REQUEST_COLUMNS = new Set(['cpu', 'memory', 'pods']);

/**
 * The cluster's nodes: where each runs (node group, self-managed, Fargate), capacity type,
 * conditions, taints, and requested against allocatable CPU and memory. Refetched when the node
 * watch reports a change and every 10 s.
 */
export function NodesView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const nodes = useNodes(clusterRef);
  const watch = useNodeWatch(clusterRef);
  const sort = useMemo(() => sortOf(params, 'name'), [params]);
  const canChange = useCan('change');
  const requestsHidden = nodes.data?.requestsHidden;
  const columns = useMemo(() => {
    const all = nodeColumns((node) =>
      resourcesHref(`/clusters/${clusterPath(clusterRef)}`, 'pods', { node }),
    );
    // Without the pods, requests and pod counts would read as an empty node: leave them out.
    const base = requestsHidden ? all.filter((c) => !REQUEST_COLUMNS.has(c.id ?? '')) : all;
    // Auditors get no action column: the BFF would refuse them anyway.
    if (!canChange) return base;
    const actions: ColumnDef<NodeSummary, unknown> = {
      id: 'actions',
      header: 'Actions',
      size: 170,
      enableSorting: false,
      cell: ({ row }) => <NodeActions clusterRef={clusterRef} node={row.original} />,
    };
    return [...base, actions];
  }, [clusterRef, canChange, requestsHidden]);
  const items = nodes.data?.items;
  const rows = useMemo(
    () => sortRows(filterByName(items ?? [], params.q), sort, NODE_SORT, 'name', (n) => n.name),
    [items, params.q, sort],
  );

  return (
    <div className="flex flex-col gap-3">
      <ViewToolbar
        label="Node filters"
        params={params}
        update={update}
        searchPlaceholder="Filter nodes by name"
        aside={
          <>
            {items && <CountText shown={rows.length} total={items.length} noun="node" />}
            <LiveIndicator state={watch} />
            <RefreshButton
              label="Refresh nodes"
              updatedAt={nodes.dataUpdatedAt}
              fetching={nodes.isFetching}
              onRefresh={() => void nodes.refetch()}
            />
          </>
        }
      />
      {nodes.isRefetchError && (
        <ErrorBanner title="Could not refresh nodes; showing what was read last" tone="warning">
          <ProblemDetails error={nodes.error} />
        </ErrorBanner>
      )}
      {requestsHidden && (
        <ErrorBanner title="Requests and pod counts are not shown" tone="warning">
          <p>
            Your groups may read these nodes but not list pods across all namespaces, so what runs
            on each node cannot be counted. Kubernetes answered: {requestsHidden}
          </p>
        </ErrorBanner>
      )}
      <ResourceListBody
        query={nodes}
        plural="nodes"
        nameFilter={params.q}
        emptyText="This cluster has no nodes yet: pods stay Pending until a node group, self-managed group or Fargate profile gives them somewhere to run."
        label="Nodes"
        data={rows}
        columns={columns}
        getRowId={(n) => n.name}
        sort={sort}
        onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
        rowHeight={52}
      />
    </div>
  );
}
