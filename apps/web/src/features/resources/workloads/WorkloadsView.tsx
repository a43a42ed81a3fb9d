import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { ClusterRef, Workload } from '@wheelhouse/contract';
import { useNamespaces, useWorkloads, WORKLOADS_POLL_MS } from '../../../api/workloads.ts';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { PollingIndicator } from '../LiveIndicator.tsx';
import { ResourceListBody } from '../ResourceListBody.tsx';
import { sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { CountText, ViewToolbar } from '../ViewFrame.tsx';
import { WORKLOAD_SORT, workloadColumns, workloadRowId } from './workloadColumns.tsx';
import { useCan } from '../../auth/index.ts';
import { WorkloadActions } from '../actions/WorkloadActions.tsx';

/** Deployments, StatefulSets, DaemonSets, Jobs and CronJobs with ready/desired; polls every 5 s. */
export function WorkloadsView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const workloads = useWorkloads(clusterRef, params.ns);
  const namespaces = useNamespaces(clusterRef);
  const sort = useMemo(() => sortOf(params, 'namespace'), [params]);
  const canChange = useCan('change');
  // Auditors get no action column: the BFF would refuse them anyway.
  const columns = useMemo(
    () =>
      canChange
        ? [
            ...workloadColumns,
            {
              id: 'actions',
              header: 'Actions',
              size: 150,
              enableSorting: false,
              cell: ({ row }: { row: { original: Workload } }) => (
                <WorkloadActions clusterRef={clusterRef} workload={row.original} />
              ),
            } satisfies ColumnDef<Workload, unknown>,
          ]
        : workloadColumns,
    [canChange, clusterRef],
  );
  const items = workloads.data?.items;
  const rows = useMemo(
    () =>
      sortRows(
        filterByName(items ?? [], params.q),
        sort,
        WORKLOAD_SORT,
        'namespace',
        (w) => `${w.namespace}/${w.name}/${w.kind}`,
      ),
    [items, params.q, sort],
  );

  return (
    <div className="flex flex-col gap-3">
      <ViewToolbar
        label="Workload filters"
        params={params}
        update={update}
        namespaces={namespaces}
        searchPlaceholder="Filter workloads by name"
        aside={
          <>
            {items && <CountText shown={rows.length} total={items.length} noun="workload" />}
            <PollingIndicator everyMs={WORKLOADS_POLL_MS} failing={workloads.isRefetchError} />
            <RefreshButton
              label="Refresh workloads"
              updatedAt={workloads.dataUpdatedAt}
              fetching={workloads.isFetching}
              onRefresh={() => void workloads.refetch()}
            />
          </>
        }
      />
      {workloads.isRefetchError && (
        <ErrorBanner title="Could not refresh workloads; showing what was read last" tone="warning">
          <ProblemDetails error={workloads.error} />
        </ErrorBanner>
      )}
      <ResourceListBody
        query={workloads}
        plural="workloads"
        nameFilter={params.q}
        emptyText={`There are no deployments, stateful sets, daemon sets, jobs or cron jobs in ${params.ns ? `namespace ${params.ns}` : 'this cluster'}.`}
        label="Workloads"
        data={rows}
        columns={columns}
        getRowId={workloadRowId}
        sort={sort}
        onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
      />
    </div>
  );
}
