import { DataTable, type DataTableProps } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { KubeErrorPanel } from './KubeErrorPanel.tsx';
import { TableFrame } from './ViewFrame.tsx';

/** The parts of a list query the body reads. */
interface ListQuery {
  isPending: boolean;
  data: unknown;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * The body of a Resources list: a skeleton while the first read runs, why it failed (no access,
 * API not ready, or an error to retry), an empty state that says whether the name filter hid
 * everything, or the sortable table in its bounded frame.
 */
export function ResourceListBody<T>({
  query,
  plural,
  nameFilter,
  emptyText,
  ...table
}: DataTableProps<T> & {
  query: ListQuery;
  /** What the list holds, lower case: "nodes". */
  plural: string;
  nameFilter: string;
  /** Why the list is empty when no name filter is set. */
  emptyText: string;
}) {
  if (query.isPending) return <TableSkeleton label={`Loading ${plural}…`} />;
  if (!query.data) {
    return (
      <KubeErrorPanel
        error={query.error}
        what={plural}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (table.data.length === 0) {
    return (
      <EmptyState title={nameFilter ? `No ${plural} match this name` : `No ${plural}`}>
        {nameFilter ? 'Try a shorter name.' : emptyText}
      </EmptyState>
    );
  }
  return (
    <TableFrame>
      <DataTable {...table} />
    </TableFrame>
  );
}
