import { SpinnerIcon } from './Icons.tsx';

/** A spinner with a label that screen readers announce (role="status"). */
export function LoadingState({ label, className = '' }: { label: string; className?: string }) {
  return (
    <div
      role="status"
      className={`flex items-center justify-center gap-2 p-8 text-fg-muted ${className}`}
    >
      <SpinnerIcon />
      <span>{label}</span>
    </div>
  );
}

/** Placeholder rows shaped like the table that is loading; the label is what gets announced. */
export function TableSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-busy="true" className="card overflow-hidden">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-9 border-b border-line bg-surface-muted" />
      {Array.from({ length: rows }, (_, index) => (
        <div
          key={index}
          aria-hidden="true"
          className="flex h-12 items-center gap-6 border-b border-line px-3 last:border-b-0"
        >
          <div className="h-3 w-40 animate-pulse rounded bg-surface-muted" />
          <div className="h-3 w-32 animate-pulse rounded bg-surface-muted" />
          <div className="h-3 w-20 animate-pulse rounded bg-surface-muted" />
          <div className="h-4 w-16 animate-pulse rounded-full bg-surface-muted" />
          <div className="h-3 w-24 animate-pulse rounded bg-surface-muted" />
        </div>
      ))}
    </div>
  );
}
