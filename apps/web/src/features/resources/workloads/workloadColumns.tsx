import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { Workload } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { TruncatedText } from '../../../components/TruncatedText.tsx';
import { AgeText } from '../display/AgeText.tsx';
import { ConditionChips } from '../display/ConditionChips.tsx';
import { ReadyBar } from '../display/ReadyBar.tsx';
import type { SortValues } from '../display/sortRows.ts';
import { resourceOfKind } from '@wheelhouse/contract';
import { ObjectNameLink } from '../objects/ObjectNameLink.tsx';

const column = createColumnHelper<Workload>();

/** What "ready of desired" counts for each kind. */
const READY_NOUN: Record<Workload['kind'], string> = {
  Deployment: 'replicas',
  StatefulSet: 'replicas',
  DaemonSet: 'scheduled pods',
  Job: 'completions',
  CronJob: 'active jobs',
};

/** The kind-specific figures in words: "2 up-to-date, 2 available", a cron schedule. */
export function workloadDetailsText(workload: Workload): string {
  const d = workload.details;
  switch (workload.kind) {
    case 'Deployment':
      return `${d.upToDate ?? 0} up-to-date, ${d.available ?? 0} available`;
    case 'Job':
      return `${d.active ?? 0} active, ${d.failed ?? 0} failed`;
    case 'CronJob':
      return `${d.suspended === 'yes' ? 'suspended · ' : ''}${d.schedule ?? ''}`;
    default:
      return '';
  }
}

/** "web:1.4.2" of "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2" (the tooltip has it all). */
export function imageName(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

export const workloadRowId = (w: Workload) => `${w.kind}/${w.namespace}/${w.name}`;

export const WORKLOAD_SORT: SortValues<Workload> = {
  kind: (w) => w.kind,
  namespace: (w) => w.namespace,
  name: (w) => w.name,
  ready: (w) => (w.desired === 0 ? 1 : w.ready / w.desired),
  age: (w) => -(Date.parse(w.createdAt ?? '') || 0),
};

export const workloadColumns: ColumnDef<Workload, unknown>[] = [
  column.display({
    id: 'kind',
    header: 'Kind',
    size: 110,
    cell: ({ row: { original: w } }) => <Chip>{w.kind}</Chip>,
  }),
  column.display({
    id: 'namespace',
    header: 'Namespace',
    size: 125,
    cell: ({ row: { original: w } }) => <TruncatedText text={w.namespace} />,
  }),
  column.display({
    id: 'name',
    header: 'Name',
    size: 190,
    cell: ({ row: { original: w } }) => (
      <ObjectNameLink
        resource={resourceOfKind(w.kind)}
        kind={w.kind}
        namespace={w.namespace}
        name={w.name}
        className="font-medium"
      />
    ),
  }),
  column.display({
    id: 'ready',
    header: 'Ready',
    size: 115,
    cell: ({ row: { original: w } }) => (
      <ReadyBar ready={w.ready} desired={w.desired} noun={READY_NOUN[w.kind]} />
    ),
  }),
  column.display({
    id: 'conditions',
    header: 'Conditions',
    size: 190,
    enableSorting: false,
    cell: ({ row: { original: w } }) => <ConditionChips conditions={w.conditions} nowrap />,
  }),
  column.display({
    id: 'details',
    header: 'Details',
    size: 160,
    enableSorting: false,
    cell: ({ row: { original: w } }) => {
      const text = workloadDetailsText(w);
      return (
        <span className="block truncate text-fg-muted" title={text}>
          {text || '—'}
        </span>
      );
    },
  }),
  column.display({
    id: 'images',
    header: 'Images',
    size: 150,
    enableSorting: false,
    cell: ({ row: { original: w } }) => (
      <span className="block truncate font-mono text-xs" title={w.images.join('\n')}>
        {w.images.map(imageName).join(', ') || '—'}
      </span>
    ),
  }),
  column.display({
    id: 'age',
    header: 'Age',
    size: 75,
    cell: ({ row: { original: w } }) => <AgeText iso={w.createdAt} />,
  }),
];
