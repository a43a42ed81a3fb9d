import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { ClusterRef, PodSummary } from '@wheelhouse/contract';
import { podPagePath } from '../../../api/workloads.ts';
import { AgeText } from '../display/AgeText.tsx';
import { PodStatusBadge } from '../display/PodStatusBadge.tsx';
import { podStatusText } from '../display/podStatus.ts';
import { RunsOnChip, runsOnText } from '../display/RunsOnChip.tsx';
import type { SortValues } from '../display/sortRows.ts';
import { TruncatedText } from '../../../components/TruncatedText.tsx';

const column = createColumnHelper<PodSummary>();
const muted = <span className="text-fg-muted">—</span>;

export const POD_SORT: SortValues<PodSummary> = {
  namespace: (p) => p.namespace,
  name: (p) => p.name,
  status: (p) => podStatusText(p),
  ready: (p) => (p.containers === 0 ? 1 : p.readyContainers / p.containers),
  restarts: (p) => p.restarts,
  age: (p) => -(Date.parse(p.createdAt ?? '') || 0),
  node: (p) => p.node ?? '',
  runsOn: (p) => runsOnText(p.runsOn),
  owner: (p) => (p.owner ? `${p.owner.kind}/${p.owner.name}` : ''),
};

export const podTiebreak = (p: PodSummary) => `${p.namespace}/${p.name}`;

/** The pods table; names link to the pod page. */
// Widths by what a column holds: node names (ip-10-0-12-34.us-east-1.compute.internal) and owners
// ("ReplicaSet checkout-api-7d9f8b6c5d") are long, counts and ages are a few digits. The table
// stretches them to the page's width in this proportion; what still does not fit shows on hover/focus.
export function podColumns(clusterRef: ClusterRef): ColumnDef<PodSummary, unknown>[] {
  return [
    column.display({
      id: 'namespace',
      header: 'Namespace',
      size: 110,
      cell: ({ row: { original: p } }) => <TruncatedText text={p.namespace} />,
    }),
    column.display({
      id: 'name',
      header: 'Name',
      size: 240,
      cell: ({ row: { original: p } }) => (
        <TruncatedText
          text={p.name}
          to={podPagePath(clusterRef, p.namespace, p.name)}
          className="font-medium"
        />
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      size: 130,
      cell: ({ row: { original: p } }) => <PodStatusBadge pod={p} />,
    }),
    column.display({
      id: 'ready',
      header: 'Ready',
      size: 70,
      cell: ({ row: { original: p } }) => {
        // A finished pod's containers are not ready by design; only a running one is short.
        const short = p.phase === 'Running' && p.readyContainers < p.containers;
        return (
          <span
            title={`${p.readyContainers} of ${p.containers} containers ready`}
            className={`tabular-nums ${short ? 'font-semibold text-warning-fg' : ''}`}
          >
            {p.readyContainers}/{p.containers}
          </span>
        );
      },
    }),
    column.display({
      id: 'restarts',
      header: 'Restarts',
      size: 90,
      cell: ({ row: { original: p } }) =>
        p.restarts > 0 ? (
          <span
            data-highlight="restarts"
            title={`Containers restarted ${p.restarts} times`}
            className="rounded bg-warning-bg px-1.5 py-px font-semibold text-warning-fg tabular-nums"
          >
            {p.restarts}
          </span>
        ) : (
          <span className="text-fg-muted tabular-nums">0</span>
        ),
    }),
    column.display({
      id: 'age',
      header: 'Age',
      size: 60,
      cell: ({ row: { original: p } }) => <AgeText iso={p.createdAt} />,
    }),
    column.display({
      id: 'node',
      header: 'Node',
      size: 250,
      cell: ({ row: { original: p } }) =>
        p.node ? <TruncatedText text={p.node} copy className="font-mono text-xs" /> : muted,
    }),
    column.display({
      id: 'runsOn',
      header: 'Runs on',
      size: 125,
      cell: ({ row: { original: p } }) => <RunsOnChip runsOn={p.runsOn} />,
    }),
    column.display({
      id: 'owner',
      header: 'Owner',
      size: 200,
      cell: ({ row: { original: p } }) =>
        p.owner ? <TruncatedText text={`${p.owner.kind} ${p.owner.name}`} /> : muted,
    }),
  ];
}
