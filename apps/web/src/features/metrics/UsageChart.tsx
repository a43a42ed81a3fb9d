import { lazy, Suspense } from 'react';
import { formatCpu, formatMemory, percentOf } from '../resources/index.ts';
import { currentAndMax, type Line, type Resource } from './metricsSummary.ts';

// uPlot and its stylesheet are their own chunk, fetched when the first chart is drawn.
const UsageChartCanvas = lazy(() => import('./UsageChartCanvas.tsx'));

/**
 * Whether this browser can draw on a canvas. jsdom (the component tests) has a canvas element but
 * no 2D context; there the chart is left out and its text summary alone is shown.
 */
const canDraw = () => typeof CanvasRenderingContext2D !== 'undefined';

export const formatOf = (resource: Resource) =>
  resource === 'cpuMillicores' ? formatCpu : formatMemory;

const NAMES: Record<Resource, string> = { cpuMillicores: 'CPU', memoryBytes: 'Memory' };

/**
 * One resource over the window against what bounds it (allocatable for nodes, requests for pods):
 * the text says the current value, the maximum and the share of the bound, and is also the
 * chart's accessible name, so the canvas adds nothing a screen reader misses.
 */
export function UsageChart({
  subject,
  resource,
  line,
  bound,
  boundLabel,
  windowMs,
  compact = false,
}: {
  /** Whose usage, e.g. "node ip-10-0-1-5" or "node group general". */
  subject: string;
  resource: Resource;
  line: Line;
  bound?: number | undefined;
  /** What the bound is: "allocatable", "requested". */
  boundLabel: string;
  /** The chart spans this long, ending at the newest reading. */
  windowMs: number;
  compact?: boolean;
}) {
  const format = formatOf(resource);
  const stats = currentAndMax(line);
  const name = NAMES[resource];
  const hasBound = bound !== undefined && bound > 0;
  const summary = stats
    ? `${name} ${format(stats.current)}${
        hasBound ? ` of ${format(bound)} ${boundLabel} (${percentOf(stats.current, bound)}%)` : ''
      }, max ${format(stats.max)}`
    : `${name}: no reading yet`;
  return (
    <figure
      className="flex min-w-0 flex-col gap-1"
      role="img"
      aria-label={`${summary} — ${subject}`}
      data-resource={resource}
    >
      <figcaption className={`tabular-nums ${compact ? 'text-xs' : 'text-sm'}`} aria-hidden>
        {summary}
      </figcaption>
      {canDraw() && stats && (
        <Suspense fallback={<div style={{ height: compact ? 48 : 140 }} />}>
          <UsageChartCanvas
            line={line}
            bound={hasBound ? bound : undefined}
            format={format}
            compact={compact}
            windowMs={windowMs}
          />
        </Suspense>
      )}
    </figure>
  );
}
