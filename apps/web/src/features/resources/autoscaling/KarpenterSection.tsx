import { useState } from 'react';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { KarpenterNodeClaim, KarpenterNodePool, KarpenterView } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { DataTable, type SortState } from '../../../components/DataTable.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { AgeText } from '../display/AgeText.tsx';
import { formatCpu, formatMemory, percentOf } from '../display/units.ts';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

/**
 * What a pool's nodes hold against its limit. Amber from 80 %, red from 95 %: at its limit
 * Karpenter launches nothing more for the pool, so pending pods stay pending.
 */
function LimitBar({
  label,
  used,
  limit,
  format,
}: {
  label: string;
  used: number;
  limit: number | undefined;
  format: (value: number) => string;
}) {
  if (limit === undefined) {
    return (
      <p className="text-sm">
        <span className="text-fg-muted">{label}:</span> {format(used)}{' '}
        <span className="text-fg-muted">(no limit)</span>
      </p>
    );
  }
  const percent = percentOf(used, limit);
  const fill = percent >= 95 ? 'bg-danger-dot' : percent >= 80 ? 'bg-warning-dot' : 'bg-info-dot';
  const text = `${label}: ${format(used)} of ${format(limit)} limit (${percent}%)`;
  return (
    <div role="img" aria-label={text} title={text} className="flex min-w-0 flex-col gap-0.5">
      <div className="flex justify-between gap-2 text-sm" aria-hidden="true">
        <span className="text-fg-muted">{label}</span>
        <span className="tabular-nums">
          <span className="font-medium">{percent}%</span> · {format(used)} / {format(limit)}
        </span>
      </div>
      <div className="h-1.5 w-full overflow-hidden rounded-full bg-surface-muted">
        <div
          className={`h-full rounded-full ${fill}`}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
      </div>
    </div>
  );
}

const POLICY: Record<string, string> = {
  WhenEmpty: 'Removes nodes that run no pods (other than DaemonSets)',
  WhenEmptyOrUnderutilized:
    'Removes empty nodes and replaces underused ones with fewer or cheaper nodes',
};

function budgetText(budget: KarpenterNodePool['disruption']['budgets'][number]): string {
  const when = budget.schedule
    ? ` from "${budget.schedule}" for ${budget.duration ?? 'the schedule'}`
    : '';
  const why = budget.reasons ? ` (${budget.reasons.join(', ')})` : '';
  return `${budget.nodes} at a time${when}${why}`;
}

function NodePoolCard({ pool }: { pool: KarpenterNodePool }) {
  const { disruption } = pool;
  return (
    <section aria-label={`NodePool ${pool.name}`} className="card flex flex-col gap-3 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-semibold">{pool.name}</h4>
        <Chip tone={pool.ready ? 'success' : 'danger'}>{pool.ready ? 'Ready' : 'Not ready'}</Chip>
        <span className="text-sm text-fg-muted tabular-nums">
          {pool.usage.nodes} {pool.usage.nodes === 1 ? 'node' : 'nodes'}
        </span>
      </div>
      <LimitBar
        label="CPU"
        used={pool.usage.cpuMillis}
        limit={pool.limits.cpuMillis}
        format={formatCpu}
      />
      <LimitBar
        label="Memory"
        used={pool.usage.memoryBytes}
        limit={pool.limits.memoryBytes}
        format={formatMemory}
      />
      <KeyValueList
        label={`NodePool ${pool.name} details`}
        items={[
          {
            label: 'Consolidation',
            value: `${disruption.consolidationPolicy}${disruption.consolidateAfter ? ` after ${disruption.consolidateAfter}` : ''}`,
          },
          { label: 'Policy', value: POLICY[disruption.consolidationPolicy] },
          {
            label: 'Budgets',
            value:
              disruption.budgets.length > 0
                ? disruption.budgets.map(budgetText).join('; ')
                : '10% at a time (default)',
          },
          { label: 'Capacity types', value: pool.capacityTypes.join(', ') || 'any' },
          { label: 'Node class', value: pool.nodeClass },
          { label: 'Weight', value: pool.weight?.toString() },
          { label: 'Taints', value: pool.taints.join(', ') || undefined },
        ]}
      />
    </section>
  );
}

const column = createColumnHelper<KarpenterNodeClaim>();
const dash = <span className="text-fg-muted">—</span>;
const text = (value: string | undefined) =>
  value ? (
    <span className="block truncate" title={value}>
      {value}
    </span>
  ) : (
    dash
  );

const claimColumns: ColumnDef<KarpenterNodeClaim, unknown>[] = [
  column.display({
    id: 'name',
    header: 'Name',
    size: 170,
    cell: ({ row: { original: c } }) => <span className="font-medium">{c.name}</span>,
  }),
  column.display({
    id: 'pool',
    header: 'NodePool',
    size: 110,
    cell: ({ row: { original: c } }) => text(c.nodePool),
  }),
  column.display({
    id: 'node',
    header: 'Node',
    size: 230,
    cell: ({ row: { original: c } }) =>
      c.nodeName ? <ObjectNameLink resource="nodes" kind="Node" name={c.nodeName} /> : dash,
  }),
  column.display({
    id: 'instanceType',
    header: 'Instance type',
    size: 130,
    cell: ({ row: { original: c } }) => text(c.instanceType),
  }),
  column.display({
    id: 'capacityType',
    header: 'Capacity type',
    size: 120,
    cell: ({ row: { original: c } }) =>
      c.capacityType ? (
        <Chip tone={c.capacityType === 'spot' ? 'info' : 'neutral'}>{c.capacityType}</Chip>
      ) : (
        dash
      ),
  }),
  column.display({
    id: 'zone',
    header: 'Zone',
    size: 110,
    cell: ({ row: { original: c } }) => text(c.zone),
  }),
  column.display({
    id: 'ready',
    header: 'Ready',
    size: 100,
    cell: ({ row: { original: c } }) => (
      <Chip tone={c.ready ? 'success' : 'warning'}>{c.ready ? 'Ready' : 'Not ready'}</Chip>
    ),
  }),
  column.display({
    id: 'age',
    header: 'Age',
    size: 80,
    cell: ({ row: { original: c } }) => <AgeText iso={c.createdAt} />,
  }),
];

const CLAIM_SORT: Record<string, (c: KarpenterNodeClaim) => string | number> = {
  name: (c) => c.name,
  pool: (c) => c.nodePool,
  node: (c) => c.nodeName ?? '',
  instanceType: (c) => c.instanceType ?? '',
  capacityType: (c) => c.capacityType ?? '',
  zone: (c) => c.zone ?? '',
  ready: (c) => (c.ready ? 1 : 0),
  // Oldest first when ascending, as kubectl's AGE reads.
  age: (c) => -Date.parse(c.createdAt ?? '') || 0,
};

/** Karpenter's NodePools (limits, usage, disruption), its NodeClaims and EC2NodeClasses. */
export function KarpenterSection({ karpenter }: { karpenter: KarpenterView }) {
  const [sort, setSort] = useState<SortState>({ id: 'name', desc: false });
  return (
    <section aria-label="Karpenter NodePools" className="flex flex-col gap-3">
      <h3 className="font-semibold">Karpenter NodePools</h3>
      {!karpenter.installed ? (
        <p className="text-fg-muted">
          Karpenter is not installed on this cluster (it serves no karpenter.sh NodePools).
        </p>
      ) : (
        <>
          {karpenter.errors.length > 0 && (
            <ErrorBanner title="Some of Karpenter's objects could not be read" tone="warning">
              <ul className="flex flex-col gap-1">
                {karpenter.errors.map((error) => (
                  <li key={error.resource} className="break-words">
                    <span className="font-medium">{error.resource}</span>: {error.message}
                  </li>
                ))}
              </ul>
            </ErrorBanner>
          )}
          {karpenter.nodePools.length === 0 ? (
            karpenter.errors.length === 0 && (
              <p className="text-fg-muted">Karpenter runs here, but no NodePool is defined.</p>
            )
          ) : (
            <div className="grid gap-3 md:grid-cols-2">
              {karpenter.nodePools.map((pool) => (
                <NodePoolCard key={pool.name} pool={pool} />
              ))}
            </div>
          )}
          <h4 className="font-semibold">
            NodeClaims{' '}
            <span className="font-normal text-fg-muted tabular-nums">
              ({karpenter.nodeClaims.length})
            </span>
          </h4>
          {karpenter.nodeClaims.length === 0 ? (
            <p className="text-fg-muted">No NodeClaims: Karpenter has launched no nodes.</p>
          ) : (
            <DataTable
              label="NodeClaims"
              data={karpenter.nodeClaims}
              columns={claimColumns}
              getRowId={(c) => c.name}
              sort={sort}
              onSortChange={setSort}
              sortValue={(c, id) => CLAIM_SORT[id]?.(c) ?? ''}
              rowHeight={40}
            />
          )}
          {karpenter.nodeClasses.length > 0 && (
            <>
              <h4 className="font-semibold">EC2NodeClasses</h4>
              <ul aria-label="EC2NodeClasses" className="flex flex-col gap-2">
                {karpenter.nodeClasses.map((nodeClass) => (
                  <li key={nodeClass.name} className="card flex flex-col gap-2 px-4 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{nodeClass.name}</span>
                      <Chip tone={nodeClass.ready ? 'success' : 'danger'}>
                        {nodeClass.ready ? 'Ready' : 'Not ready'}
                      </Chip>
                    </div>
                    <KeyValueList
                      label={`EC2NodeClass ${nodeClass.name} details`}
                      items={[
                        {
                          label: 'AMI',
                          value: nodeClass.amiAliases.join(', ') || nodeClass.amiFamily,
                        },
                        { label: 'Role', value: nodeClass.role },
                        { label: 'Instance profile', value: nodeClass.instanceProfile },
                      ]}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
