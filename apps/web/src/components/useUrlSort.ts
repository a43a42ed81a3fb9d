import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SortState } from './DataTable.tsx';

/** The URL parameters of a table's sort, as the clusters list writes them: `sort=version&dir=desc`. */
export function sortParams(table: string): { sort: string; dir: string } {
  return { sort: `${table}Sort`, dir: `${table}Dir` };
}

/** The sort a URL names; the fallback when it names none, or a column the table does not have. */
export function parseSort(
  params: URLSearchParams,
  table: string,
  fallback: SortState,
  allowed: readonly string[],
): SortState {
  const names = sortParams(table);
  const id = params.get(names.sort);
  if (!id || !allowed.includes(id)) return fallback;
  return { id, desc: params.get(names.dir) === 'desc' };
}

/**
 * A table's sort kept in the URL (`nodegroupSort=version&nodegroupDir=desc`; each table of a page
 * has its own names), so a link or a reload shows the same order. The default order leaves the URL
 * clean. Other parameters are kept, and no history entry is added.
 */
export function useUrlSort(
  table: string,
  fallback: SortState,
  allowed: readonly string[],
): [SortState, (sort: SortState) => void] {
  const [params, setParams] = useSearchParams();
  const names = sortParams(table);
  const raw = `${params.get(names.sort) ?? ''}|${params.get(names.dir) ?? ''}`;
  const sort = useMemo(
    () => parseSort(params, table, fallback, allowed),
    // The fallback and the column ids are constants of the table; the two parameters are what change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [raw],
  );
  const setSort = useCallback(
    (next: SortState) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.delete(names.sort);
          updated.delete(names.dir);
          if (next.id !== fallback.id || next.desc !== fallback.desc) {
            updated.set(names.sort, next.id);
            if (next.desc) updated.set(names.dir, 'desc');
          }
          return updated;
        },
        { replace: true },
      ),
    [setParams, names.sort, names.dir, fallback.id, fallback.desc],
  );
  return [sort, setSort];
}

/** The ids of a table's columns (an accessor column's id is its key): the sorts a URL may name. */
export function columnIds(columns: readonly { id?: string; accessorKey?: unknown }[]): string[] {
  return columns.flatMap((column) =>
    column.id ? [column.id] : typeof column.accessorKey === 'string' ? [column.accessorKey] : [],
  );
}
