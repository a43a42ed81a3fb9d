import type { ReactNode } from 'react';
import { CloseIcon, SearchIcon } from './Icons.tsx';

/** The row of filters above a list, exposed as a search landmark named by `label`. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="search" aria-label={label} className="flex flex-wrap items-center gap-2">
      {children}
    </div>
  );
}

/** A text filter: a search box named by `label`, with the hint as its placeholder. */
export function SearchField({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="relative w-full max-w-sm min-w-56 flex-1">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-muted" />
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="input w-full pl-8"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}

/** One active filter value, as a removable chip. */
export interface ActiveFilter {
  key: string;
  label: string;
  onRemove: () => void;
}

/** The filters in force, each removable; plus "Clear filters". */
export function ActiveFilters({
  filters,
  onClear,
}: {
  filters: ActiveFilter[];
  onClear: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
      {filters.map((filter) => (
        <li key={filter.key}>
          <span className="inline-flex items-center gap-1 rounded-full border border-line bg-surface-muted py-0.5 pr-1 pl-2.5 text-xs">
            {filter.label}
            <button
              type="button"
              aria-label={`Remove filter ${filter.label}`}
              onClick={filter.onRemove}
              className="inline-flex size-4 items-center justify-center rounded-full hover:bg-line"
            >
              <CloseIcon className="size-3" />
            </button>
          </span>
        </li>
      ))}
      <li>
        <button type="button" className="btn-ghost h-6 px-2 text-xs text-link" onClick={onClear}>
          Clear filters
        </button>
      </li>
    </ul>
  );
}
