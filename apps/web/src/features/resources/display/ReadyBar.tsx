/**
 * Ready against desired as a small bar and "3/4": green when all are ready, amber when short,
 * grey when nothing is wanted. Its accessible name says it in words.
 */
export function ReadyBar({
  ready,
  desired,
  noun = 'replicas',
}: {
  ready: number;
  desired: number;
  noun?: string;
}) {
  const full = ready >= desired;
  const fill = desired === 0 ? '' : full ? 'bg-success-dot' : 'bg-warning-dot';
  const width = desired === 0 ? 0 : Math.min(100, (ready / desired) * 100);
  return (
    <div
      role="img"
      aria-label={`${ready} of ${desired} ${noun} ready`}
      data-state={desired === 0 ? 'none' : full ? 'full' : 'short'}
      className="flex items-center gap-2"
    >
      <div className="h-1.5 w-10 shrink-0 overflow-hidden rounded-full bg-surface-muted">
        <div className={`h-full rounded-full ${fill}`} style={{ width: `${width}%` }} />
      </div>
      <span
        aria-hidden="true"
        className={`text-xs tabular-nums ${full || desired === 0 ? 'text-fg-muted' : 'font-semibold text-warning-fg'}`}
      >
        {ready}/{desired}
      </span>
    </div>
  );
}
