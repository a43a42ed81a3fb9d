import { createColumnHelper } from '@tanstack/react-table';
import type { Condition, KubeEvent } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { conditionTone } from '../display/conditions.ts';

const condition = createColumnHelper<Condition>();
const muted = (text: string | undefined) => text ?? '—';

const conditionColumns = [
  condition.accessor('type', {
    header: 'Type',
    size: 160,
    meta: { rowHeader: true },
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
  }),
  condition.accessor('status', {
    header: 'Status',
    size: 100,
    cell: (info) => <Chip tone={conditionTone(info.row.original)}>{info.getValue()}</Chip>,
  }),
  condition.accessor('reason', {
    header: 'Reason',
    size: 180,
    meta: { wrap: true },
    cell: (info) => muted(info.getValue()),
  }),
  condition.accessor('message', {
    header: 'Message',
    size: 320,
    meta: { wrap: true },
    cell: (info) => muted(info.getValue()),
  }),
  condition.accessor('lastTransition', {
    header: 'Last change',
    size: 130,
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
];

/** The pod's conditions (PodScheduled, Initialized, ContainersReady, Ready) with reasons. */
export function ConditionsTable({ conditions }: { conditions: Condition[] }) {
  return (
    <section aria-label="Conditions" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Conditions</h2>
      {conditions.length === 0 ? (
        <p className="card px-4 py-4 text-fg-muted">No conditions reported yet.</p>
      ) : (
        <DataTable
          label="Conditions"
          data={conditions}
          columns={conditionColumns}
          getRowId={(row) => row.type}
          measureRows
        />
      )}
    </section>
  );
}

/** An event with a key of its own: Kubernetes may repeat a reason at the same time. */
type EventRow = KubeEvent & { key: string };
const event = createColumnHelper<EventRow>();

const eventColumns = [
  event.accessor('type', {
    header: 'Type',
    size: 110,
    cell: (info) => (
      <Chip tone={info.getValue() === 'Warning' ? 'warning' : 'neutral'}>{info.getValue()}</Chip>
    ),
  }),
  event.accessor('reason', {
    header: 'Reason',
    size: 170,
    meta: { rowHeader: true, wrap: true },
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
  }),
  event.accessor('message', { header: 'Message', size: 380, meta: { wrap: true } }),
  event.accessor('count', {
    header: 'Count',
    size: 80,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  event.accessor('lastSeen', {
    header: 'Last seen',
    size: 130,
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
];

/** The pod's recent events, newest first; warnings stand out. */
export function EventsTable({ events }: { events: KubeEvent[] }) {
  const rows = events.map((item, index): EventRow => ({
    ...item,
    key: `${item.reason}-${item.lastSeen ?? ''}-${index}`,
  }));
  return (
    <section aria-label="Events" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">
        Events <span className="font-normal text-fg-muted">({events.length})</span>
      </h2>
      {events.length === 0 ? (
        <p className="card px-4 py-4 text-fg-muted">
          No recent events (Kubernetes keeps events for about an hour).
        </p>
      ) : (
        <DataTable
          label="Events"
          data={rows}
          columns={eventColumns}
          getRowId={(row) => row.key}
          rowTone={(row) => (row.type === 'Warning' ? 'warning' : undefined)}
          measureRows
        />
      )}
    </section>
  );
}
