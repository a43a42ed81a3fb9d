import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { FargateProfile, FargateSelector } from '@wheelhouse/contract';
import type { MenuAction } from '../../components/ActionsMenu.tsx';
import { Chip } from '../../components/Chip.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { actionsColumn } from './actionsColumn.tsx';
import { labelPairs } from './computeDisplay.ts';
import { visibleControls, visibleControlsText } from '../../components/VisibleControls.tsx';

const column = createColumnHelper<FargateProfile>();

/** "namespace payments, labels app=api" as one line, for screen readers and tooltips. */
export function selectorText(selector: FargateSelector): string {
  const labels = labelPairs(selector.labels);
  return `namespace ${selector.namespace}${labels.length ? `, labels ${labels.join(', ')}` : ''}`;
}

function SelectorChips({ selectors }: { selectors: FargateSelector[] }) {
  return (
    <ul aria-label="Selectors" className="flex flex-col gap-1">
      {selectors.map((selector, index) => (
        <li
          key={`${selector.namespace}-${index}`}
          aria-label={visibleControlsText(selectorText(selector))}
          className="flex flex-wrap items-center gap-1"
        >
          <Chip tone="info" className="font-mono font-normal">
            ns: {visibleControls(selector.namespace)}
          </Chip>
          {labelPairs(selector.labels).map((pair) => (
            <Chip key={pair} className="font-mono font-normal">
              {visibleControls(pair)}
            </Chip>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The Fargate profiles table; `actionsFor` adds the row menu (left out for auditors). */
export function fargateColumns(
  actionsFor?: (profile: FargateProfile) => MenuAction[],
): ColumnDef<FargateProfile, unknown>[] {
  const columns: ColumnDef<FargateProfile, unknown>[] = [
    column.display({
      id: 'name',
      header: 'Name',
      size: 170,
      cell: ({ row: { original: p } }) => (
        <span className="block truncate font-medium" title={p.name}>
          {p.name}
        </span>
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      size: 120,
      cell: ({ row: { original: p } }) => <StatusBadge status={p.status} />,
    }),
    column.display({
      id: 'role',
      header: 'Pod execution role',
      size: 230,
      enableSorting: false,
      cell: ({ row: { original: p } }) => (
        <span className="block font-mono text-xs break-all whitespace-normal">
          {p.podExecutionRoleArn}
        </span>
      ),
    }),
    column.display({
      id: 'subnets',
      header: 'Subnets',
      size: 150,
      enableSorting: false,
      cell: ({ row: { original: p } }) => (
        <ul aria-label="Subnets" className="flex flex-col font-mono text-xs">
          {p.subnets.map((subnet) => (
            <li key={subnet} className="min-w-0">
              <TruncatedText text={subnet} copy />
            </li>
          ))}
        </ul>
      ),
    }),
    column.display({
      id: 'selectors',
      header: 'Selectors',
      size: 280,
      enableSorting: false,
      cell: ({ row: { original: p } }) => <SelectorChips selectors={p.selectors} />,
    }),
  ];
  if (actionsFor) columns.push(actionsColumn(actionsFor));
  return columns;
}
