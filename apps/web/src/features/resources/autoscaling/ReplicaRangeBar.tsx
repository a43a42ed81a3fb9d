import type { Hpa } from '@wheelhouse/contract';

/** "3 replicas now, 5 wanted (min 2, max 10)": the words of the bar, also its accessible name. */
export function replicaRangeText(hpa: Hpa): string {
  return `${hpa.currentReplicas} replicas now, ${hpa.desiredReplicas} wanted (min ${hpa.minReplicas}, max ${hpa.maxReplicas})`;
}

/**
 * An HPA's replicas within its range: the track spans 0..max, the band min..max, the fill the
 * current count, the tick the desired one. Blue while scaling up, amber at the maximum (it cannot
 * add more), green when settled.
 */
export function ReplicaRangeBar({ hpa }: { hpa: Hpa }) {
  const top = Math.max(hpa.maxReplicas, hpa.currentReplicas, hpa.desiredReplicas, 1);
  const at = (value: number) => `${(Math.min(value, top) / top) * 100}%`;
  const atMax = hpa.desiredReplicas >= hpa.maxReplicas;
  const fill = atMax
    ? 'bg-warning-dot'
    : hpa.currentReplicas !== hpa.desiredReplicas
      ? 'bg-info-dot'
      : 'bg-success-dot';
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div role="img" aria-label={replicaRangeText(hpa)} className="relative h-2 w-full">
        <div className="absolute inset-0 rounded-full bg-surface-muted" />
        <div
          className="absolute inset-y-0 rounded-full bg-line"
          style={{ left: at(hpa.minReplicas), right: `calc(100% - ${at(hpa.maxReplicas)})` }}
        />
        <div
          className={`absolute inset-y-0 left-0 rounded-full ${fill}`}
          style={{ width: at(hpa.currentReplicas) }}
        />
        <div
          className="absolute -top-0.5 -bottom-0.5 w-0.5 -translate-x-1/2 bg-fg"
          style={{ left: at(hpa.desiredReplicas) }}
        />
      </div>
      <p
        aria-hidden="true"
        className="flex justify-between gap-2 text-xs text-fg-muted tabular-nums"
      >
        <span>
          <span className="font-medium text-fg">{hpa.currentReplicas}</span> → {hpa.desiredReplicas}
        </span>
        <span>
          {hpa.minReplicas}–{hpa.maxReplicas}
        </span>
      </p>
    </div>
  );
}
