import type { ReactNode } from 'react';
import type { NamespaceList } from '@wheelhouse/contract';
import { FilterBar, SearchField } from '../../components/FilterBar.tsx';
import { NamespacePicker } from './NamespacePicker.tsx';
import type { ResourcesParams } from './resourcesParams.ts';
import type { UpdateResourcesParams } from './useResourcesParams.ts';

/**
 * The filter row of a Resources view: the namespace picker (for namespaced kinds), the name
 * filter, then anything the view adds; `aside` sits on the right (count, live state, refresh).
 */
export function ViewToolbar({
  label,
  params,
  update,
  namespaces,
  searchPlaceholder,
  children,
  aside,
}: {
  /** The filter landmark's name, e.g. "Workload filters". */
  label: string;
  params: ResourcesParams;
  update: UpdateResourcesParams;
  /** Leave out for cluster-wide kinds (nodes). */
  namespaces?: { data: NamespaceList | undefined } | undefined;
  searchPlaceholder: string;
  children?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <FilterBar label={label}>
        {namespaces && (
          <NamespacePicker
            value={params.ns}
            namespaces={namespaces.data}
            onChange={(ns) => update({ ns })}
          />
        )}
        <SearchField
          label="Filter by name"
          placeholder={searchPlaceholder}
          value={params.q}
          onChange={(q) => update({ q }, { replace: true })}
        />
        {children}
      </FilterBar>
      {aside && <div className="ml-auto flex flex-wrap items-center gap-3">{aside}</div>}
    </div>
  );
}

/** "12 pods", or "3 of 12 pods" when a filter hides some; announced as a status. */
export function CountText({
  shown,
  total,
  noun,
  plural = `${noun}s`,
}: {
  shown: number;
  total: number;
  noun: string;
  plural?: string;
}) {
  const word = total === 1 ? noun : plural;
  return (
    <p role="status" className="text-fg-muted tabular-nums">
      {shown === total
        ? `${total.toLocaleString('en')} ${word}`
        : `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${word}`}
    </p>
  );
}

/**
 * Where a Resources view's table sits. Not a scroll box: the page scrolls (the table virtualises
 * against the window), so the last row is reached, printed and screenshotted like the rest.
 */
export function TableFrame({ children }: { children: ReactNode }) {
  return <div className="flex flex-col">{children}</div>;
}
