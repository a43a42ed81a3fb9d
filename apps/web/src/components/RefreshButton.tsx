import { RefreshIcon } from './Icons.tsx';

/** "Updated 14:02:31" and a Refresh button that spins while any fetch (background ones too) runs. */
export function RefreshButton({
  label,
  updatedAt,
  fetching,
  onRefresh,
}: {
  /** Accessible name, e.g. "Refresh clusters". */
  label: string;
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="flex items-center gap-2 text-fg-muted">
      {updatedAt > 0 && (
        <span className="text-xs">
          Updated{' '}
          <time dateTime={new Date(updatedAt).toISOString()}>
            {new Date(updatedAt).toLocaleTimeString()}
          </time>
        </span>
      )}
      <button
        type="button"
        className="btn-secondary"
        aria-label={label}
        onClick={onRefresh}
        aria-busy={fetching}
      >
        <RefreshIcon className={`size-4 ${fetching ? 'animate-spin' : ''}`} />
        Refresh
      </button>
    </div>
  );
}
