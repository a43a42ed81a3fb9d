import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { Hpa } from '@wheelhouse/contract';
import type { SortValues } from '../display/sortRows.ts';
import { ReplicaRangeBar } from './ReplicaRangeBar.tsx';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

const column = createColumnHelper<Hpa>();

/** A percentage metric above its target (the HPA is adding replicas, or would if it could). */
function overTarget(metric: Hpa['metrics'][number]): boolean {
  const current = Number.parseFloat(metric.current ?? '');
  const target = Number.parseFloat(metric.target);
  return metric.target.endsWith('%') && current > target;
}

/** One metric as "cpu 73% / 60%" (current / target); "?" while the HPA has no reading yet. */
export function metricText(metric: Hpa['metrics'][number]): string {
  return `${metric.name} ${metric.current ?? '?'} / ${metric.target}`;
}

export const hpaRowId = (hpa: Hpa) => `${hpa.namespace}/${hpa.name}`;

export const HPA_SORT: SortValues<Hpa> = {
  namespace: (h) => h.namespace,
  name: (h) => h.name,
  target: (h) => h.target,
  replicas: (h) => h.currentReplicas,
};

export const hpaColumns: ColumnDef<Hpa, unknown>[] = [
  column.display({
    id: 'namespace',
    header: 'Namespace',
    size: 130,
    cell: ({ row: { original: h } }) => (
      <span className="block truncate" title={h.namespace}>
        {h.namespace}
      </span>
    ),
  }),
  column.display({
    id: 'name',
    header: 'Name',
    size: 180,
    cell: ({ row: { original: h } }) => (
      <ObjectNameLink
        resource="horizontalpodautoscalers"
        kind="HorizontalPodAutoscaler"
        namespace={h.namespace}
        name={h.name}
        className="font-medium"
      />
    ),
  }),
  column.display({
    id: 'target',
    header: 'Scales',
    size: 200,
    cell: ({ row: { original: h } }) => (
      <span className="block truncate" title={h.target}>
        {h.target}
      </span>
    ),
  }),
  column.display({
    id: 'metrics',
    header: 'Current / target',
    size: 200,
    enableSorting: false,
    cell: ({ row: { original: h } }) =>
      h.metrics.length === 0 ? (
        <span className="text-fg-muted">—</span>
      ) : (
        <ul aria-label="Metrics" className="flex flex-col">
          {h.metrics.map((metric) => (
            <li
              key={metric.name}
              className={`tabular-nums ${overTarget(metric) ? 'font-semibold text-warning-fg' : ''}`}
            >
              {metricText(metric)}
            </li>
          ))}
        </ul>
      ),
  }),
  column.display({
    id: 'replicas',
    header: 'Replicas (now → wanted, range)',
    size: 230,
    cell: ({ row: { original: h } }) => <ReplicaRangeBar hpa={h} />,
  }),
];
