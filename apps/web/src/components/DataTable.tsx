import { useRef } from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './Icons.tsx';

/** Which column the rows are sorted by, and in which direction. */
export interface SortState {
  id: string;
  desc: boolean;
}

export interface DataTableProps<T> {
  /** The table's accessible name, e.g. "Clusters". */
  label: string;
  data: T[];
  // Each column has its own value type; TanStack's docs type a mixed column list with `any` here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Fixed row height in px; fixed heights keep virtual scrolling smooth with thousands of rows. */
  rowHeight?: number;
  /**
   * Let each row grow to its content (chips that wrap, disclosed details), measured as it renders;
   * `rowHeight` is then only the first estimate. Meant for short lists with rich rows.
   */
  measureRows?: boolean;
}

/**
 * A sortable, virtualised table. Sorting is controlled by the caller (so it can live in the URL);
 * only the rows in view (plus overscan) are in the DOM, and aria-rowcount/aria-rowindex tell
 * assistive technology the real size. Headers are buttons, so sorting works from the keyboard.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  getRowId,
  sort,
  onSortChange,
  rowHeight = 48,
  measureRows = false,
}: DataTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: [sort] },
  });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;

  const toggleSort = (columnId: string) =>
    onSortChange(
      sort.id === columnId ? { id: columnId, desc: !sort.desc } : { id: columnId, desc: false },
    );

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
      className="card min-h-0 flex-1 overflow-auto"
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className="w-full table-fixed border-separate border-spacing-0"
        style={{ minWidth: table.getTotalSize() }}
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} sort={sort} onSort={toggleSort} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          )}
          {virtualRows.map((virtualRow) => {
            const row = rows[virtualRow.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                ref={measureRows ? virtualizer.measureElement : undefined}
                data-index={virtualRow.index}
                aria-rowindex={virtualRow.index + 2}
                className="hover:bg-row-hover"
                style={measureRows ? undefined : { height: rowHeight }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`overflow-hidden border-b border-line px-3 align-middle whitespace-nowrap ${measureRows ? 'py-2' : ''}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell<T>({
  header,
  sort,
  onSort,
}: {
  header: Header<T, unknown>;
  sort: SortState;
  onSort: (columnId: string) => void;
}) {
  const column = header.column;
  const sorted = sort.id === column.id;
  // Sorting is manual (the caller sorts), so any column is sortable unless it opts out.
  const sortable = column.columnDef.enableSorting !== false;
  const content = header.isPlaceholder
    ? null
    : flexRender(column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : undefined}
      className="overflow-hidden border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-fg-muted"
    >
      {sortable ? (
        <button
          type="button"
          onClick={() => onSort(column.id)}
          className="inline-flex max-w-full items-center gap-1 rounded hover:text-fg"
        >
          <span className="truncate">{content}</span>
          {sorted ? (
            sort.desc ? (
              <ArrowDownIcon className="size-3.5 shrink-0 text-fg" />
            ) : (
              <ArrowUpIcon className="size-3.5 shrink-0 text-fg" />
            )
          ) : (
            <SortIcon className="size-3.5 shrink-0 opacity-50" />
          )}
        </button>
      ) : (
        content
      )}
    </th>
  );
}
