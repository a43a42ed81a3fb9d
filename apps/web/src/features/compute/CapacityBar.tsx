import type { ScalingConfig } from '@wheelhouse/contract';

/** Words for the bar, also its accessible name: "3 of 4 desired instances running (min 1, max 6)". */
export function capacityText(scaling: ScalingConfig, current: number | undefined): string {
  const range = `min ${scaling.minSize}, max ${scaling.maxSize}`;
  if (current === undefined)
    return `${scaling.desiredSize} desired (${range}); running count unknown`;
  return `${current} of ${scaling.desiredSize} desired running (${range})`;
}

/**
 * A node group's size at a glance: the track spans 0..max, the band shows min..max, the fill the
 * instances running, the tick the desired size. Short of desired reads blue (scaling up), above
 * it amber (scaling down), on target green.
 */
export function CapacityBar({
  scaling,
  current,
}: {
  scaling: ScalingConfig;
  current: number | undefined;
}) {
  const top = Math.max(scaling.maxSize, scaling.desiredSize, current ?? 0, 1);
  const at = (value: number) => `${(Math.min(value, top) / top) * 100}%`;
  const fill =
    current === undefined
      ? ''
      : current < scaling.desiredSize
        ? 'bg-info-dot'
        : current > scaling.desiredSize
          ? 'bg-warning-dot'
          : 'bg-success-dot';
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div role="img" aria-label={capacityText(scaling, current)} className="relative h-2 w-full">
        <div className="absolute inset-0 rounded-full bg-surface-muted" />
        <div
          className="absolute inset-y-0 rounded-full bg-line"
          style={{ left: at(scaling.minSize), right: `calc(100% - ${at(scaling.maxSize)})` }}
        />
        {current !== undefined && (
          <div
            className={`absolute inset-y-0 left-0 rounded-full ${fill}`}
            style={{ width: at(current) }}
          />
        )}
        <div
          className="absolute -top-0.5 -bottom-0.5 w-0.5 -translate-x-1/2 bg-fg"
          style={{ left: at(scaling.desiredSize) }}
        />
      </div>
      <p
        aria-hidden="true"
        className="flex justify-between gap-2 text-xs text-fg-muted tabular-nums"
      >
        <span>
          <span className="font-medium text-fg">{current ?? '?'}</span>/{scaling.desiredSize}{' '}
          running
        </span>
        <span>
          {scaling.minSize}–{scaling.maxSize}
        </span>
      </p>
    </div>
  );
}
