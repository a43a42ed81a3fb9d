import { useMemo } from 'react';
import type { ClusterRef } from '@wheelhouse/contract';
import { useAutoscaling, useNamespaces } from '../../../api/workloads.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../../components/RefreshButton.tsx';
import { filterByName, sortRows } from '../display/sortRows.ts';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { sortOf, type ResourcesParams } from '../resourcesParams.ts';
import type { UpdateResourcesParams } from '../useResourcesParams.ts';
import { ViewToolbar } from '../ViewFrame.tsx';
import { HPA_SORT, hpaColumns, hpaRowId } from './hpaColumns.tsx';
import { KarpenterSection } from './KarpenterSection.tsx';
import { NodeAutoscalers } from './NodeAutoscalers.tsx';
import { VerticalAutoscalers } from './VerticalAutoscalers.tsx';

/** Horizontal and Vertical Pod Autoscalers (pods) and the node autoscaler the cluster runs (nodes). */
export function AutoscalingView({
  clusterRef,
  params,
  update,
}: {
  clusterRef: ClusterRef;
  params: ResourcesParams;
  update: UpdateResourcesParams;
}) {
  const autoscaling = useAutoscaling(clusterRef);
  const namespaces = useNamespaces(clusterRef);
  const sort = useMemo(() => sortOf(params, 'namespace'), [params]);
  const hpas = autoscaling.data?.hpas;
  const rows = useMemo(() => {
    const inNamespace = (hpas ?? []).filter((h) => !params.ns || h.namespace === params.ns);
    return sortRows(filterByName(inNamespace, params.q), sort, HPA_SORT, 'namespace', hpaRowId);
  }, [hpas, params.ns, params.q, sort]);

  const toolbar = (
    <ViewToolbar
      label="Autoscaler filters"
      params={params}
      update={update}
      namespaces={namespaces}
      searchPlaceholder="Filter autoscalers by name"
      aside={
        <RefreshButton
          label="Refresh autoscaling"
          updatedAt={autoscaling.dataUpdatedAt}
          fetching={autoscaling.isFetching}
          onRefresh={() => void autoscaling.refetch()}
        />
      }
    />
  );

  if (autoscaling.isPending) return <LoadingState label="Loading autoscaling…" />;
  if (!autoscaling.data) {
    return (
      <KubeErrorPanel
        error={autoscaling.error}
        what="autoscaling"
        onRetry={() => void autoscaling.refetch()}
        retrying={autoscaling.isFetching}
      />
    );
  }
  const data = autoscaling.data;
  return (
    <div className="flex flex-col gap-6">
      {autoscaling.isRefetchError && (
        <ErrorBanner
          title="Could not refresh autoscaling; showing what was read last"
          tone="warning"
        >
          <ProblemDetails error={autoscaling.error} />
        </ErrorBanner>
      )}
      <section aria-label="Node autoscaling" className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Node autoscaling</h2>
        <NodeAutoscalers autoscalers={data.nodeAutoscalers} />
        <KarpenterSection karpenter={data.karpenter} />
      </section>
      <section aria-label="Horizontal Pod Autoscalers" className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">
          Horizontal Pod Autoscalers{' '}
          <span className="font-normal text-fg-muted tabular-nums">({rows.length})</span>
        </h2>
        <p className="max-w-prose text-fg-muted">
          Each one sets the replica count of a workload between its minimum and maximum, from how
          far its pods&apos; CPU (or memory) use is from the target.
        </p>
        {toolbar}
        {rows.length === 0 ? (
          <p className="card px-4 py-6 text-center text-fg-muted">
            {data.hpas.length === 0
              ? 'No Horizontal Pod Autoscalers in this cluster.'
              : 'No Horizontal Pod Autoscalers match these filters.'}
          </p>
        ) : (
          <div className="flex flex-col">
            <DataTable
              label="Horizontal Pod Autoscalers"
              data={rows}
              columns={hpaColumns}
              getRowId={hpaRowId}
              sort={sort}
              onSortChange={(next) => update({ sort: next.id, desc: next.desc }, { replace: true })}
              rowHeight={56}
              measureRows
            />
          </div>
        )}
      </section>
      <VerticalAutoscalers view={data} namespace={params.ns} query={params.q} />
    </div>
  );
}
