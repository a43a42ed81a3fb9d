import { useId } from 'react';
import { Popover } from 'radix-ui';
import { ChevronDownIcon } from './Icons.tsx';

/** One choice of a filter; `count` is how many items carry it. */
export interface FilterOption {
  value: string;
  label: string;
  count?: number;
}

/**
 * A filter button (visible "Region", named "Filter by region" or "Filter by region, 2 selected",
 * distinct from the "Region" column header) that opens a list of checkboxes named by their values.
 */
export function MultiSelectFilter({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const legendId = useId();
  const chosen = new Set(selected);
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((item) => item !== value));

  return (
    <Popover.Root>
      <Popover.Trigger
        aria-label={`Filter by ${label.toLowerCase()}${selected.length > 0 ? `, ${selected.length} selected` : ''}`}
        className={`btn-secondary ${selected.length > 0 ? 'border-accent' : ''}`}
      >
        {label}
        {selected.length > 0 && (
          <span
            aria-hidden="true"
            className="rounded-full bg-accent px-1.5 text-xs leading-4 text-accent-fg"
          >
            {selected.length}
          </span>
        )}
        <ChevronDownIcon className="size-3.5 text-fg-muted" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-64 rounded-lg border border-line bg-surface-raised p-1 text-sm text-fg shadow-lg"
        >
          <fieldset aria-labelledby={legendId}>
            <legend id={legendId} className="px-2 pt-1.5 pb-1 text-xs font-semibold text-fg-muted">
              Filter by {label.toLowerCase()}
            </legend>
            {options.length === 0 ? (
              <p className="px-2 py-1.5 text-fg-muted">No values</p>
            ) : (
              <ul className="max-h-72 overflow-auto">
                {options.map((option) => (
                  <li key={option.value}>
                    <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-surface-muted">
                      <input
                        type="checkbox"
                        className="size-4 accent-accent"
                        checked={chosen.has(option.value)}
                        onChange={(event) => toggle(option.value, event.target.checked)}
                      />
                      <span className="min-w-0 flex-1 truncate">{option.label}</span>
                      {option.count !== undefined && (
                        <span aria-hidden="true" className="text-xs text-fg-muted tabular-nums">
                          {option.count}
                        </span>
                      )}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          {selected.length > 0 && (
            <div className="mt-1 border-t border-line px-1 pt-1">
              <button
                type="button"
                className="btn-ghost h-7 w-full justify-start px-1"
                onClick={() => onChange([])}
              >
                Clear {label.toLowerCase()} filter
              </button>
            </div>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
