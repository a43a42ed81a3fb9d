import { useId } from 'react';
import { matchCountText } from './logSearch.ts';

/**
 * The log's search box: the count of matches ("3 of 12 matches", announced politely), and
 * previous/next buttons; Enter jumps to the next match, Shift+Enter to the previous one.
 */
export function LogSearch({
  query,
  onQueryChange,
  count,
  current,
  onStep,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  count: number;
  current: number;
  onStep: (step: 1 | -1) => void;
}) {
  const countId = useId();
  return (
    <div role="search" aria-label="Search the log" className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">Search</span>
        <input
          type="search"
          className="input w-56"
          value={query}
          aria-describedby={countId}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || count === 0) return;
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          }}
        />
      </label>
      <button
        type="button"
        className="btn-secondary"
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        Previous match
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        Next match
      </button>
      <span
        id={countId}
        role="status"
        aria-label="Matches"
        className="text-xs text-fg-muted tabular-nums"
      >
        {query ? matchCountText(count, current) : ''}
      </span>
    </div>
  );
}
