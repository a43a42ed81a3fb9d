import { useEffect, useRef, useState } from 'react';
import {
  ActiveFilters,
  FilterBar,
  SearchField,
  type ActiveFilter,
} from '../../components/FilterBar.tsx';
import { MultiSelectFilter, type FilterOption } from '../../components/MultiSelectFilter.tsx';
import { clearFilters, FACETS, type ClusterFilters, type Facet } from './clusterFilters.ts';

/** Visible names of the facets; also the accessible names of their filter buttons. */
export const FACET_LABELS: Record<Facet, string> = {
  region: 'Region',
  status: 'Status',
  version: 'Version',
  account: 'Account',
};

const TYPING_DELAY_MS = 200;

type Update = (
  change: Partial<ClusterFilters> | ((current: ClusterFilters) => ClusterFilters),
  options?: { replace?: boolean },
) => void;

/**
 * The text box keeps its own state while the user types and writes to the URL after a short
 * pause: the first change adds a history entry, later keystrokes replace it, so Back returns to
 * the list before this search. Back/forward (an outside change of `q`) refill the box.
 */
function useTextFilter(q: string, update: Update) {
  const [text, setText] = useState(q);
  const written = useRef(q);
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);
  useEffect(() => {
    if (text.trim() === written.current) return;
    const timer = window.setTimeout(() => {
      const replace = written.current !== '';
      written.current = text.trim();
      update({ q: text }, { replace });
    }, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, update]);
  return [text, setText] as const;
}

export function ClusterFilterBar({
  filters,
  update,
  options,
}: {
  filters: ClusterFilters;
  update: Update;
  options: Record<Facet, FilterOption[]>;
}) {
  const [text, setText] = useTextFilter(filters.q, update);

  const labelOf = (facet: Facet, value: string) =>
    options[facet].find((option) => option.value === value)?.label ?? value;
  const active: ActiveFilter[] = [
    ...(filters.q
      ? [{ key: 'q', label: `Text: ${filters.q}`, onRemove: () => update({ q: '' }) }]
      : []),
    ...FACETS.flatMap((facet) =>
      filters[facet].map((value) => ({
        key: `${facet}=${value}`,
        label: `${FACET_LABELS[facet]}: ${labelOf(facet, value)}`,
        onRemove: () =>
          update((current) => ({
            ...current,
            [facet]: current[facet].filter((item: string) => item !== value),
          })),
      })),
    ),
  ];

  return (
    <div className="flex flex-col gap-2">
      <FilterBar label="Cluster filters">
        <SearchField
          label="Filter clusters"
          placeholder="Filter by name, account, region or tag"
          value={text}
          onChange={setText}
        />
        {FACETS.map((facet) => (
          <MultiSelectFilter
            key={facet}
            label={FACET_LABELS[facet]}
            options={options[facet]}
            selected={filters[facet]}
            onChange={(values) => update({ [facet]: values })}
          />
        ))}
      </FilterBar>
      <ActiveFilters filters={active} onClear={() => update(clearFilters)} />
    </div>
  );
}
