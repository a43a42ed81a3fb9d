import { createColumnHelper } from '@tanstack/react-table';
import type { Instance } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { DataTable, type SortState } from '../../../components/DataTable.tsx';
import { columnIds, useUrlSort } from '../../../components/useUrlSort.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import type { Tone } from '../../../components/statusTone.ts';
import { capacityTypeTone, lifecycleLabel } from '../computeDisplay.ts';

const column = createColumnHelper<Instance>();
const muted = <span className="text-fg-muted">—</span>;

const STATE_TONES: Record<string, Tone> = {
  running: 'success',
  pending: 'info',
  'shutting-down': 'warning',
  stopping: 'warning',
  stopped: 'neutral',
  terminated: 'neutral',
};

const columns = [
  column.accessor('instanceId', {
    header: 'Instance',
    size: 190,
    cell: (info) => <code className="text-xs">{info.getValue()}</code>,
  }),
  column.accessor('instanceType', { header: 'Type', size: 120 }),
  column.accessor('availabilityZone', { header: 'Zone', size: 120 }),
  column.accessor('lifecycle', {
    header: 'Lifecycle',
    size: 120,
    cell: (info) => (
      <Chip tone={capacityTypeTone(info.getValue().toUpperCase().replace('-', '_'))}>
        {lifecycleLabel(info.getValue())}
      </Chip>
    ),
  }),
  column.accessor('state', {
    header: 'State',
    size: 120,
    cell: (info) => <Chip tone={STATE_TONES[info.getValue()] ?? 'neutral'}>{info.getValue()}</Chip>,
  }),
  column.accessor('lifecycleState', {
    header: 'Auto Scaling state',
    size: 160,
    cell: (info) => info.getValue() ?? muted,
  }),
  column.accessor('launchTime', {
    header: 'Launched',
    size: 130,
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
  column.accessor('imageId', {
    header: 'AMI',
    size: 200,
    cell: (info) => {
      const ami = info.getValue();
      return ami ? <code className="text-xs">{ami}</code> : muted;
    },
  }),
];

function instanceSortValue(instance: Instance, columnId: string): string {
  const cell = (instance as unknown as Record<string, unknown>)[columnId];
  return typeof cell === 'string' || typeof cell === 'number' ? String(cell) : '';
}

const NEWEST_FIRST: SortState = { id: 'launchTime', desc: true };

/** The EC2 instances behind a node group, as EC2 and Auto Scaling describe them. */
export function InstancesTable({ instances }: { instances: Instance[] }) {
  const [sort, setSort] = useUrlSort('instance', NEWEST_FIRST, columnIds(columns));
  if (instances.length === 0) {
    return <p className="card px-4 py-6 text-center text-fg-muted">No instances.</p>;
  }
  return (
    <div className="flex flex-col">
      <DataTable
        label="Instances"
        data={instances}
        columns={columns}
        getRowId={(instance) => instance.instanceId}
        sort={sort}
        sortValue={instanceSortValue}
        onSortChange={setSort}
        rowHeight={40}
      />
    </div>
  );
}
