import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Line } from './metricsSummary.ts';

/** A theme token's current colour (the canvas needs a value, not a var()). */
const token = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || 'currentColor';

function optionsFor(
  width: number,
  compact: boolean,
  bound: number | undefined,
  format: (value: number) => string,
  span: () => [number, number],
): uPlot.Options {
  const axis = {
    stroke: token('--wh-fg-muted'),
    grid: { stroke: token('--wh-line'), width: 1 },
    ticks: { stroke: token('--wh-line'), width: 1 },
  };
  return {
    width,
    height: compact ? 48 : 140,
    legend: { show: false },
    cursor: { show: !compact, drag: { x: false, y: false } },
    scales: {
      // The whole window, ending at the newest reading: a history shorter than the window (the
      // console began sampling a moment ago) shows as a line that starts partway across.
      x: { time: true, range: span },
      // From zero up to the bound (or the peak above it), so the line reads as a share.
      y: { range: (_u, _min, max) => [0, Math.max(max, bound ?? 0) * 1.05 || 1] },
    },
    axes: compact
      ? [{ show: false }, { show: false }]
      : [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map(format) }],
    series: [
      {},
      {
        label: 'usage',
        stroke: token('--wh-info-dot'),
        fill: `color-mix(in srgb, ${token('--wh-info-dot')} 15%, transparent)`,
        width: 1.5,
        points: { show: false },
      },
      ...(bound !== undefined
        ? [{ label: 'bound', stroke: token('--wh-warning-dot'), dash: [4, 4], width: 1 }]
        : []),
    ],
  };
}

const dataOf = (line: Line, bound: number | undefined): uPlot.AlignedData => [
  line.t.map((t) => t / 1000),
  line.v,
  ...(bound !== undefined ? [line.t.map(() => bound)] : []),
];

/** The uPlot chart of one line (and its bound, dashed); redrawn in the theme's colours on a change. */
export default function UsageChartCanvas({
  line,
  bound,
  format,
  compact,
  windowMs,
}: {
  line: Line;
  bound: number | undefined;
  format: (value: number) => string;
  compact: boolean;
  windowMs: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // What the next draw shows; a rebuild (theme, size class) and each new answer read it here.
  const latest = useRef({ line, bound, windowMs });
  latest.current = { line, bound, windowMs };

  // Built again when what its options hold changes: the bound, the size class, the theme.
  useEffect(() => {
    const element = host.current!;
    const span = (): [number, number] => {
      const end = (latest.current.line.t.at(-1) ?? Date.now()) / 1000;
      return [end - latest.current.windowMs / 1000, end];
    };
    const build = () => {
      plot.current?.destroy();
      plot.current = new uPlot(
        optionsFor(element.clientWidth || 240, compact, bound, format, span),
        dataOf(latest.current.line, latest.current.bound),
        element,
      );
    };
    build();
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    const size = new ResizeObserver(() =>
      plot.current?.setSize({ width: element.clientWidth, height: compact ? 48 : 140 }),
    );
    size.observe(element);
    return () => {
      theme.disconnect();
      size.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [bound, compact, format]);

  useEffect(() => {
    plot.current?.setData(dataOf(line, bound));
  }, [line, bound, windowMs]);

  return <div ref={host} className="w-full min-w-0" aria-hidden />;
}
