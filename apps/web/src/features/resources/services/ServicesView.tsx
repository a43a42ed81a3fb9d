import { useMemo } from 'react';
import type { ClusterRef } from '@wheelhouse/contract';
import { useNamespaces, useServices } from '../../../api/workloads.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { CountText, TableFrame, ViewToolbar } from '../ViewFrame.tsx';
import { SERVICE_SORT, serviceColumns, serviceRowId } from './serviceColumns.tsx';

/** Services with type, cluster IP, external address (load balancers), ports and selector. */
export function ServicesView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const services = useServices(clusterRef, params.ns);
  const namespaces = useNamespaces(clusterRef);
  const sort = useMemo(() => sortOf(params, 'namespace'), [params]);
  const items = services.data?.items;
  const rows = useMemo(
    () =>
      sortRows(filterByName(items ?? [], params.q), sort, SERVICE_SORT, 'namespace', serviceRowId),
    [items, params.q, sort],
  );

  let body;
  if (services.isPending) {
    body = <TableSkeleton label="Loading services…" />;
  } else if (!services.data) {
    body = (
      <KubeErrorPanel
        error={services.error}
        what="services"
        onRetry={() => void services.refetch()}
        retrying={services.isFetching}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={params.q ? 'No services match this name' : 'No services'}>
        {params.q
          ? 'Try a shorter name.'
          : `There are no services in ${params.ns ? `namespace ${params.ns}` : 'this cluster'}.`}
      </EmptyState>
    );
  } else {
    body = (
      <TableFrame>
        <DataTable
          label="Services"
          data={rows}
          columns={serviceColumns}
          getRowId={serviceRowId}
          sort={sort}
          onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
        />
      </TableFrame>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <ViewToolbar
        label="Service filters"
        params={params}
        update={update}
        namespaces={namespaces}
        searchPlaceholder="Filter services by name"
        aside={
          <>
            {items && <CountText shown={rows.length} total={items.length} noun="service" />}
            <RefreshButton
              label="Refresh services"
              updatedAt={services.dataUpdatedAt}
              fetching={services.isFetching}
              onRefresh={() => void services.refetch()}
            />
          </>
        }
      />
      {body}
    </div>
  );
}
