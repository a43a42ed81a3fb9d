import { percentOf } from './units.ts';

/**
 * What the node's pods request against what it can allocate: a bar and "31% · 1.2/3.9 vCPU".
 * Amber from 85 %, red when over-committed.
 * The accessible name and tooltip give the figures with their units.
 */
export function UsageBar({
  label,
  requested,
  allocatable,
  format,
  short = format,
  unit,
}: {
  /** "CPU" or "Memory". */
  label: string;
  requested: number;
  allocatable: number;
  /** The figures in words, with units: "965m", "1.93 cores". */
  format: (value: number) => string;
  /** The figures as the cell shows them, unit left out ("1.85"). */
  short?: (value: number) => string;
  /** The unit the short figures share, written once after them ("vCPU", "GiB"). */
  unit?: string;
}) {
  const percent = percentOf(requested, allocatable);
  const fill = percent > 100 ? 'bg-danger-dot' : percent >= 85 ? 'bg-warning-dot' : 'bg-info-dot';
  const text = `${format(requested)} of ${format(allocatable)}`;
  return (
    <div
      role="img"
      aria-label={`${label} requested: ${text} (${percent}%)`}
      title={`${label} requested: ${text} (${percent}%)`}
      className="flex min-w-0 flex-col gap-0.5"
    >
      <div className="h-1.5 w-full overflow-hidden rounded-full bg-surface-muted">
        <div
          className={`h-full rounded-full ${fill}`}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
      </div>
      <span aria-hidden="true" className="truncate text-xs text-fg-muted tabular-nums">
        <span className="font-medium text-fg">{percent}%</span> · {short(requested)}/
        {short(allocatable)}
        {unit && ` ${unit}`}
      </span>
    </div>
  );
}
