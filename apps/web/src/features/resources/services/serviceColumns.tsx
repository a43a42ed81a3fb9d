import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { ServiceSummary } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import type { Tone } from '../../../components/statusTone.ts';
import { AgeText } from '../display/AgeText.tsx';
import type { SortValues } from '../display/sortRows.ts';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

const column = createColumnHelper<ServiceSummary>();
const muted = <span className="text-fg-muted">—</span>;

const TYPE_TONES: Record<string, Tone> = { LoadBalancer: 'info', NodePort: 'pending' };

export const SERVICE_SORT: SortValues<ServiceSummary> = {
  namespace: (s) => s.namespace,
  name: (s) => s.name,
  type: (s) => s.type,
  clusterIP: (s) => s.clusterIP ?? '',
  external: (s) => s.externalAddress ?? '',
  age: (s) => -(Date.parse(s.createdAt ?? '') || 0),
};

export const serviceRowId = (s: ServiceSummary) => `${s.namespace}/${s.name}`;

const selectorText = (selector: Record<string, string>) =>
  Object.entries(selector)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);

export const serviceColumns: ColumnDef<ServiceSummary, unknown>[] = [
  column.display({
    id: 'namespace',
    header: 'Namespace',
    size: 125,
    cell: ({ row: { original: s } }) => (
      <span className="block truncate" title={s.namespace}>
        {s.namespace}
      </span>
    ),
  }),
  column.display({
    id: 'name',
    header: 'Name',
    size: 175,
    cell: ({ row: { original: s } }) => (
      <ObjectNameLink
        resource="services"
        kind="Service"
        namespace={s.namespace}
        name={s.name}
        className="font-medium"
      />
    ),
  }),
  column.display({
    id: 'type',
    header: 'Type',
    size: 120,
    cell: ({ row: { original: s } }) => (
      <Chip tone={TYPE_TONES[s.type] ?? 'neutral'}>{s.type}</Chip>
    ),
  }),
  column.display({
    id: 'clusterIP',
    header: 'Cluster IP',
    size: 120,
    cell: ({ row: { original: s } }) =>
      s.clusterIP ? <span className="font-mono text-xs">{s.clusterIP}</span> : muted,
  }),
  column.display({
    id: 'external',
    header: 'External address',
    size: 180,
    cell: ({ row: { original: s } }) =>
      s.externalAddress ? (
        <span className="block truncate font-mono text-xs" title={s.externalAddress}>
          {s.externalAddress}
        </span>
      ) : (
        muted
      ),
  }),
  column.display({
    id: 'ports',
    header: 'Ports',
    size: 160,
    enableSorting: false,
    cell: ({ row: { original: s } }) => (
      <span className="block truncate font-mono text-xs" title={s.ports.join('\n')}>
        {s.ports.join(', ') || '—'}
      </span>
    ),
  }),
  column.display({
    id: 'selector',
    header: 'Selector',
    size: 165,
    enableSorting: false,
    cell: ({ row: { original: s } }) => {
      const pairs = selectorText(s.selector);
      if (pairs.length === 0) return muted;
      return (
        <ul
          aria-label="Selector"
          className="flex flex-nowrap gap-1 overflow-hidden"
          title={pairs.join('\n')}
        >
          {pairs.map((pair) => (
            <li key={pair} className="shrink-0">
              <Chip className="font-mono font-normal">{pair}</Chip>
            </li>
          ))}
        </ul>
      );
    },
  }),
  column.display({
    id: 'age',
    header: 'Age',
    size: 75,
    cell: ({ row: { original: s } }) => <AgeText iso={s.createdAt} />,
  }),
];
