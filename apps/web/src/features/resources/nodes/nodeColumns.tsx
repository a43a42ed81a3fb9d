import { Link } from 'react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { NodeSummary } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import type { Tone } from '../../../components/statusTone.ts';
import { AgeText } from '../display/AgeText.tsx';
import { conditionIsTrouble } from '../display/conditions.ts';
import { RunsOnChip, runsOnText } from '../display/RunsOnChip.tsx';
import type { SortValues } from '../display/sortRows.ts';
import { formatCores, formatCpu, formatGib, formatMemory, percentOf } from '../display/units.ts';
import { UsageBar } from '../display/UsageBar.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

const column = createColumnHelper<NodeSummary>();
const muted = <span className="text-fg-muted">—</span>;

const CAPACITY: Record<string, { label: string; tone: Tone }> = {
  ON_DEMAND: { label: 'On-Demand', tone: 'info' },
  SPOT: { label: 'Spot', tone: 'warning' },
  FARGATE: { label: 'Fargate', tone: 'pending' },
  CAPACITY_BLOCK: { label: 'Capacity Block', tone: 'neutral' },
};

/** "ON_DEMAND" → On-Demand chip, "SPOT" → Spot, "FARGATE" → Fargate; nothing when unknown. */
export function CapacityTypeChip({ capacityType }: { capacityType: string | undefined }) {
  if (!capacityType) return null;
  const known = CAPACITY[capacityType.toUpperCase().replace('-', '_')];
  return <Chip tone={known?.tone ?? 'neutral'}>{known?.label ?? capacityType}</Chip>;
}

/** Ready or NotReady, cordoned, and every condition that reports trouble (MemoryPressure …). */
function NodeStatus({ node }: { node: NodeSummary }) {
  const trouble = node.conditions.filter((c) => c.type !== 'Ready' && conditionIsTrouble(c));
  return (
    <ul aria-label="Node status" className="flex flex-nowrap gap-1 overflow-hidden">
      <li className="shrink-0">
        <Chip tone={node.ready ? 'success' : 'danger'}>{node.ready ? 'Ready' : 'NotReady'}</Chip>
      </li>
      {node.unschedulable && (
        <li className="shrink-0">
          <Chip tone="warning" title="Cordoned: no new pods are scheduled here">
            SchedulingDisabled
          </Chip>
        </li>
      )}
      {trouble.map((condition) => (
        <li key={condition.type} className="shrink-0">
          <Chip tone="danger" title={condition.message ?? condition.reason}>
            {condition.type}
          </Chip>
        </li>
      ))}
    </ul>
  );
}

export const NODE_SORT: SortValues<NodeSummary> = {
  name: (n) => n.name,
  status: (n) => (n.ready ? 1 : 0),
  runsOn: (n) => runsOnText(n.runsOn),
  capacityType: (n) => n.capacityType ?? '',
  instanceType: (n) => n.instanceType ?? '',
  zone: (n) => n.zone ?? '',
  cpu: (n) => percentOf(n.requested.cpuMillis, n.allocatable.cpuMillis),
  memory: (n) => percentOf(n.requested.memoryBytes, n.allocatable.memoryBytes),
  pods: (n) => n.pods,
  age: (n) => -(Date.parse(n.createdAt ?? '') || 0),
};

/** The nodes table; the pod count links to the pods view filtered by that node. */
export function nodeColumns(
  podsOfNode: (node: string) => string,
): ColumnDef<NodeSummary, unknown>[] {
  return [
    column.display({
      id: 'name',
      header: 'Name',
      size: 225,
      cell: ({ row: { original: n } }) => (
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="flex min-w-0 items-center gap-1">
            <ObjectNameLink
              resource="nodes"
              kind="Node"
              name={n.name}
              className="font-mono text-xs font-medium"
            />
            <CopyButton text={n.name} label={`Copy node name ${n.name}`} />
          </span>
          <span className="truncate text-xs text-fg-muted">
            <AgeText iso={n.createdAt} />
            {n.kubeletVersion && ` · ${n.kubeletVersion}`}
          </span>
        </div>
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      size: 110,
      cell: ({ row: { original: n } }) => <NodeStatus node={n} />,
    }),
    column.display({
      id: 'runsOn',
      header: 'Runs on',
      size: 135,
      cell: ({ row: { original: n } }) => (
        <div className="flex min-w-0 flex-col items-start gap-0.5">
          <RunsOnChip runsOn={n.runsOn} />
          <CapacityTypeChip capacityType={n.capacityType} />
        </div>
      ),
    }),
    column.display({
      id: 'instanceType',
      header: 'Instance',
      size: 110,
      cell: ({ row: { original: n } }) => (
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate">{n.instanceType ?? '—'}</span>
          <span className="truncate text-xs text-fg-muted">{n.zone ?? '—'}</span>
        </div>
      ),
    }),
    column.display({
      id: 'taints',
      header: 'Taints',
      size: 100,
      enableSorting: false,
      cell: ({ row: { original: n } }) =>
        n.taints.length === 0 ? (
          muted
        ) : (
          <ul
            aria-label="Taints"
            className="flex flex-nowrap gap-1 overflow-hidden"
            title={n.taints.join('\n')}
          >
            {n.taints.map((taint) => (
              <li key={taint} className="shrink-0">
                <Chip tone="warning" className="font-mono font-normal">
                  {taint}
                </Chip>
              </li>
            ))}
          </ul>
        ),
    }),
    column.display({
      id: 'cpu',
      header: 'CPU requested',
      size: 160,
      cell: ({ row: { original: n } }) => (
        <UsageBar
          label="CPU"
          requested={n.requested.cpuMillis}
          allocatable={n.allocatable.cpuMillis}
          format={formatCpu}
          short={formatCores}
          unit="vCPU"
        />
      ),
    }),
    column.display({
      id: 'memory',
      header: 'Memory requested',
      size: 165,
      cell: ({ row: { original: n } }) => (
        <UsageBar
          label="Memory"
          requested={n.requested.memoryBytes}
          allocatable={n.allocatable.memoryBytes}
          format={formatMemory}
          short={formatGib}
          unit="GiB"
        />
      ),
    }),
    column.display({
      id: 'pods',
      header: 'Pods',
      size: 80,
      cell: ({ row: { original: n } }) => (
        <Link
          to={podsOfNode(n.name)}
          aria-label={`${n.pods} pods on ${n.name}`}
          title={`${n.pods} of ${n.allocatable.pods} pods this node can hold`}
          className="tabular-nums"
        >
          {n.pods}
          <span className="text-fg-muted">/{n.allocatable.pods}</span>
        </Link>
      ),
    }),
  ];
}
