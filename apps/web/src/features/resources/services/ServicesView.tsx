import { useMemo } from 'react';
import type { ClusterRef } from '@wheelhouse/contract';
import { useNamespaces, useServices } from '../../../api/workloads.ts';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { ResourceListBody } from '../ResourceListBody.tsx';
import { sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { CountText, ViewToolbar } from '../ViewFrame.tsx';
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
      <ResourceListBody
        query={services}
        plural="services"
        nameFilter={params.q}
        emptyText={`There are no services in ${params.ns ? `namespace ${params.ns}` : 'this cluster'}.`}
        label="Services"
        data={rows}
        columns={serviceColumns}
        getRowId={serviceRowId}
        sort={sort}
        onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
      />
    </div>
  );
}
