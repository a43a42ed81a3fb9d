import type { ColumnDef } from '@tanstack/react-table';
import { ActionsMenu, type MenuAction } from '../../components/ActionsMenu.tsx';

/** The last column of a compute table: each row's actions menu, headed "Actions" for screen readers. */
export function actionsColumn<T extends { name: string }>(
  actionsFor: (row: T) => MenuAction[],
): ColumnDef<T, unknown> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    size: 56,
    enableSorting: false,
    cell: ({ row: { original } }) => (
      <ActionsMenu name={original.name} actions={actionsFor(original)} placement="row" />
    ),
  };
}
