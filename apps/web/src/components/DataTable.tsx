import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './Icons.tsx';

declare module '@tanstack/react-table' {
  // Merges into TanStack's own ColumnMeta, whose type parameters must stay as declared there.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column names its row (e.g. an update's type): its cells are row headers. */
    rowHeader?: boolean;
    /** Cells wrap their text (messages, parameter lists) instead of cutting it at one line. */
    wrap?: boolean;
  }
}

/** Which column the rows are sorted by, and in which direction. */
export interface SortState {
  id: string;
  desc: boolean;
}

/** Numbers by size, text in natural order ("node-2" before "node-10"). */
export function compareSortValues(x: string | number, y: string | number): number {
  return typeof x === 'number' && typeof y === 'number'
    ? x - y
    : String(x).localeCompare(String(y), undefined, { numeric: true });
}

/**
 * TanStack sorts only by columns that read a value; a display column (a name with a link, a
 * menu) gets one from `sortValue`, so every header sorts the same way.
 */
function withSortAccessor<T>(
  // Mixed value types, as in DataTableProps.columns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: ColumnDef<T, any>,
  sortValue: (row: T, columnId: string) => string | number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): ColumnDef<T, any> {
  if ('accessorFn' in def || 'accessorKey' in def || !def.id) return def;
  const id = def.id;
  return { ...def, id, accessorFn: (row: T) => sortValue(row, id) };
}

export interface DataTableProps<T> {
  /** The table's accessible name, e.g. "Clusters". */
  label: string;
  data: T[];
  // Each column has its own value type; TanStack's docs type a mixed column list with `any` here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Sorting by the headers; a table without it keeps the order of `data` (e.g. newest first). */
  sort?: SortState | undefined;
  onSortChange?: (sort: SortState) => void;
  /**
   * The value a row sorts by in a column: with it the table sorts `data` itself (TanStack's
   * sorting, driven by `sort`, which may come from the URL); ties go by row id. Without it the
   * rows keep the order of `data`.
   */
  sortValue?: (row: T, columnId: string) => string | number;
  /** A row that must stand out (a Warning event): tinted, and marked `data-tone`. */
  rowTone?: (row: T) => 'warning' | undefined;
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
 *
 * The page scrolls, not the table: rows are virtualised against the window, so the last row is
 * reached by scrolling the document (and printing or a full-page screenshot shows the table). The
 * header row sticks to the top of the window. When the columns need more room than the page has
 * (phones, narrow windows), the table scrolls sideways in its own strip with the first (name)
 * column pinned on the left; the page itself never scrolls sideways.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  getRowId,
  sort,
  onSortChange,
  sortValue,
  rowTone,
  rowHeight = 48,
  measureRows = false,
}: DataTableProps<T>) {
  const frameRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const sortableColumns = useMemo(
    () => (sortValue ? columns.map((def) => withSortAccessor(def, sortValue)) : columns),
    [columns, sortValue],
  );
  // Stable across renders: new column options on each render would rebuild every row each time.
  const sortOptions = useMemo(
    () =>
      sortValue
        ? {
            getSortedRowModel: getSortedRowModel<T>(),
            // TanStack sorts only columns with an accessor; display columns get one from `sortValue`.
            defaultColumn: {
              sortUndefined: false as const,
              sortingFn: (a: Row<T>, b: Row<T>, columnId: string) =>
                compareSortValues(
                  sortValue(a.original, columnId),
                  sortValue(b.original, columnId),
                ) || a.id.localeCompare(b.id),
            },
          }
        : {},
    [sortValue],
  );
  // One array per sort: a new one on each render reads to TanStack as a new sort.
  const sorting = useMemo(() => (sort ? [sort] : []), [sort]);
  const table = useReactTable({
    data,
    columns: sortableColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    ...sortOptions,
    manualSorting: !sortValue,
    enableSortingRemoval: false,
    // The table pages nothing (the virtualiser shows the window), so there is no page to reset;
    // left on, TanStack queues a state change whenever the sorted rows are rebuilt.
    autoResetPageIndex: false,
    state: { sorting },
  });
  const rows = table.getRowModel().rows;
  const minWidth = table.getTotalSize();
  const scrollMargin = useDocumentOffset(bodyRef);
  const overflows = useOverflows(frameRef, minWidth);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = (virtualRows[0]?.start ?? scrollMargin) - scrollMargin;
  const paddingBottom =
    virtualizer.getTotalSize() - ((virtualRows.at(-1)?.end ?? scrollMargin) - scrollMargin);
  const columnCount = table.getVisibleLeafColumns().length;

  const toggleSort = (columnId: string) =>
    onSortChange?.(
      sort?.id === columnId ? { id: columnId, desc: !sort.desc } : { id: columnId, desc: false },
    );

  // The frame is positioned so that absolutely placed text inside cells (sr-only labels) is clipped
  // by the strip instead of widening the page.
  // A sideways-scrolling strip is a scroll container, which would make the header stick to the
  // strip instead of the window; so the strip scrolls only when the columns do not fit.
  return (
    <div
      ref={frameRef}
      role={overflows ? 'region' : undefined}
      aria-label={overflows ? `${label} (scrolls sideways)` : undefined}
      tabIndex={overflows ? 0 : undefined}
      data-overflows={overflows || undefined}
      className={`card relative ${overflows ? 'overflow-x-auto' : ''}`}
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className="w-full table-fixed border-separate border-spacing-0"
        style={{ minWidth }}
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead className={overflows ? 'z-20' : 'sticky top-0 z-20'}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header, index) => (
                <HeaderCell
                  key={header.id}
                  header={header}
                  sort={sort}
                  onSort={toggleSort}
                  pinned={index === 0}
                />
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          )}
          {virtualRows.map((virtualRow) => {
            const row = rows[virtualRow.index];
            if (!row) return null;
            const tone = rowTone?.(row.original);
            return (
              <tr
                key={row.id}
                data-tone={tone}
                ref={measureRows ? virtualizer.measureElement : undefined}
                data-index={virtualRow.index}
                aria-rowindex={virtualRow.index + 2}
                className="group"
                style={measureRows ? undefined : { height: rowHeight }}
              >
                {row.getVisibleCells().map((cell, index) => {
                  const meta = cell.column.columnDef.meta;
                  const Cell = meta?.rowHeader ? 'th' : 'td';
                  return (
                    <Cell
                      key={cell.id}
                      scope={meta?.rowHeader ? 'row' : undefined}
                      className={`overflow-hidden border-b border-line ${tone === 'warning' ? 'bg-warning-bg' : 'bg-surface'} px-3 text-left font-normal group-hover:bg-row-hover ${meta?.wrap ? 'align-top break-words whitespace-normal' : 'align-middle whitespace-nowrap'} ${measureRows ? 'py-2' : ''} ${index === 0 ? PINNED : ''}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Cell>
                  );
                })}
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

/** The first column stays in view while the rest scrolls sideways; a line marks the seam. */
const PINNED = 'sticky left-0 z-10 border-r';

/** Where an element starts, in px from the top of the document (the virtualiser's scrollMargin). */
function useDocumentOffset(ref: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (el) setOffset(Math.round(el.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    // Banners and filters above the table come and go; re-measure whenever the page resizes.
    return observeSize(document.body, measure);
  }, [ref]);
  return offset;
}

/** Calls `onResize` whenever `el` changes size; returns the cleanup (jsdom has no observer). */
function observeSize(el: Element, onResize: () => void): (() => void) | undefined {
  if (typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(onResize);
  observer.observe(el);
  return () => observer.disconnect();
}

/** Whether a table of `minWidth` px is wider than the room its frame has. */
function useOverflows(ref: RefObject<HTMLElement | null>, minWidth: number): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The frame's own width, less its 1 px borders; jsdom measures 0 and then nothing overflows.
    const measure = () => {
      const room = el.getBoundingClientRect().width - 2;
      setOverflows(room > 0 && minWidth > room);
    };
    measure();
    return observeSize(el, measure);
  }, [ref, minWidth]);
  return overflows;
}

function HeaderCell<T>({
  header,
  sort,
  onSort,
  pinned,
}: {
  header: Header<T, unknown>;
  sort: SortState | undefined;
  onSort: (columnId: string) => void;
  pinned: boolean;
}) {
  const column = header.column;
  const sorted = sort?.id === column.id;
  // Sorting is manual (the caller sorts), so any column is sortable unless it opts out.
  const sortable = sort !== undefined && column.columnDef.enableSorting !== false;
  const content = header.isPlaceholder
    ? null
    : flexRender(column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      aria-sort={sorted ? (sort?.desc ? 'descending' : 'ascending') : undefined}
      className={`overflow-hidden border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-fg-muted ${pinned ? PINNED : ''}`}
    >
      {sortable ? (
        <button
          type="button"
          onClick={() => onSort(column.id)}
          className="inline-flex max-w-full items-center gap-1 rounded hover:text-fg"
        >
          <span className="truncate">{content}</span>
          {sorted ? (
            sort?.desc ? (
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
