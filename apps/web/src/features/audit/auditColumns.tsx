import { createColumnHelper } from '@tanstack/react-table';
import type { AuditEntry } from '@wheelhouse/contract';
import { Popover } from 'radix-ui';
import { Chip } from '../../components/Chip.tsx';
import { formatDateTime, formatRelative } from '../../components/dateFormat.ts';
import type { Tone } from '../../components/statusTone.ts';

const column = createColumnHelper<AuditEntry>();
const muted = <span className="text-fg-muted">—</span>;

const OUTCOME_TONES: Record<AuditEntry['outcome'], Tone> = {
  success: 'success',
  failure: 'danger',
  denied: 'warning',
  pending: 'pending',
  // The console died mid-change: how the call ended is not known, which wants a look.
  unknown: 'warning',
};

export function OutcomeBadge({ outcome }: { outcome: AuditEntry['outcome'] }) {
  return <Chip tone={OUTCOME_TONES[outcome]}>{outcome}</Chip>;
}

function ParamsDisclosure({ entry }: { entry: AuditEntry }) {
  if (entry.params === undefined) return muted;
  return (
    <Popover.Root>
      <Popover.Trigger className="btn-ghost h-7 px-2 text-xs text-link">
        Show<span className="sr-only"> parameters of entry {entry.id}</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          aria-label={`Parameters of entry ${entry.id}`}
          className="z-50 max-h-96 max-w-xl overflow-auto rounded-lg border border-line bg-surface-raised p-3 text-fg shadow-lg"
        >
          <pre className="font-mono text-xs whitespace-pre-wrap">
            {JSON.stringify(entry.params, null, 2)}
          </pre>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** The audit table's columns; the server orders entries (newest first), so none sorts. */
export const auditColumns = [
  column.accessor('at', {
    header: 'Time',
    size: 170,
    enableSorting: false,
    cell: (info) => (
      <time
        dateTime={info.getValue()}
        title={formatRelative(info.getValue())}
        className="tabular-nums"
      >
        {formatDateTime(info.getValue())}
      </time>
    ),
  }),
  column.accessor('user', {
    header: 'User',
    size: 110,
    enableSorting: false,
    cell: (info) => <span className="block truncate">{info.getValue()}</span>,
  }),
  column.accessor('role', {
    header: 'Role',
    size: 90,
    enableSorting: false,
    cell: (info) => info.getValue() ?? muted,
  }),
  column.accessor('action', {
    header: 'Action',
    size: 180,
    enableSorting: false,
    cell: (info) => <code className="block truncate text-xs">{info.getValue()}</code>,
  }),
  column.accessor('target', {
    header: 'Target',
    size: 260,
    enableSorting: false,
    cell: (info) => {
      const target = info.getValue();
      return target ? (
        <span className="block truncate font-mono text-xs" title={target}>
          {target}
        </span>
      ) : (
        muted
      );
    },
  }),
  column.accessor('outcome', {
    header: 'Outcome',
    size: 100,
    enableSorting: false,
    cell: (info) => <OutcomeBadge outcome={info.getValue()} />,
  }),
  column.accessor('error', {
    header: 'Error',
    size: 240,
    enableSorting: false,
    cell: (info) => {
      const error = info.getValue();
      return error ? (
        <span className="block truncate text-danger-fg" title={error}>
          {error}
        </span>
      ) : (
        muted
      );
    },
  }),
  column.accessor('requestId', {
    header: 'Request id',
    size: 150,
    enableSorting: false,
    cell: (info) => {
      const id = info.getValue();
      return id ? (
        <code className="block truncate text-xs" title={id}>
          {id}
        </code>
      ) : (
        muted
      );
    },
  }),
  column.display({
    id: 'params',
    header: 'Parameters',
    size: 100,
    enableSorting: false,
    cell: ({ row }) => <ParamsDisclosure entry={row.original} />,
  }),
];
