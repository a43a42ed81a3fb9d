/**
 * A progress bar named by `label`. With a value (0-100) it is determinate and says how far it got;
 * without one it is indeterminate (a sliding stripe, steady for people who ask for less motion).
 */
export function ProgressBar({
  label,
  value,
  valueText,
}: {
  label: string;
  value?: number | undefined;
  /** What the value counts ("3 of 5 instances InService"); read out instead of a bare percentage. */
  valueText?: string | undefined;
}) {
  const determinate = value !== undefined;
  const percent = determinate ? Math.min(100, Math.max(0, Math.round(value))) : undefined;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText ?? (determinate ? `${percent}%` : 'In progress')}
      className="relative h-1.5 w-full min-w-16 overflow-hidden rounded-full bg-surface-muted"
    >
      {determinate ? (
        <div className="h-full rounded-full bg-info-dot" style={{ width: `${percent}%` }} />
      ) : (
        <div className="wh-indeterminate absolute inset-y-0 w-1/3 rounded-full bg-info-dot" />
      )}
    </div>
  );
}
