import type { ContainerRecommendation } from '@wheelhouse/contract';
import { formatCpu, formatMemory } from '../display/units.ts';

interface Line {
  resource: 'CPU' | 'Memory';
  requested: number | undefined;
  target: number | undefined;
  lower: number | undefined;
  upper: number | undefined;
  format: (value: number) => string;
}

/** Where a request stands against the recommended range; undefined when either is unknown. */
function standing(line: Line): 'below' | 'above' | 'within' | undefined {
  if (line.requested === undefined || line.lower === undefined || line.upper === undefined)
    return undefined;
  if (line.requested < line.lower) return 'below';
  if (line.requested > line.upper) return 'above';
  return 'within';
}

function RecommendationLine({ line }: { line: Line }) {
  if (line.target === undefined) return null;
  const where = standing(line);
  const outside = where === 'below' || where === 'above';
  const range =
    line.lower !== undefined && line.upper !== undefined
      ? ` (range ${line.format(line.lower)}–${line.format(line.upper)})`
      : '';
  return (
    <li className={`tabular-nums ${outside ? 'font-semibold text-warning-fg' : ''}`}>
      {line.resource} request{' '}
      {line.requested === undefined ? 'not set' : line.format(line.requested)} · VPA target{' '}
      {line.format(line.target)}
      {range}
      {outside && ` — ${where} the recommended range`}
    </li>
  );
}

/** A container's requests held against what the VPA over its workload recommends. */
export function RecommendationSummary({
  recommendation,
}: {
  recommendation: ContainerRecommendation;
}) {
  const r = recommendation;
  const lines: Line[] = [
    {
      resource: 'CPU',
      requested: r.requested.cpuMillis,
      target: r.target.cpuMillis,
      lower: r.lowerBound.cpuMillis,
      upper: r.upperBound.cpuMillis,
      format: formatCpu,
    },
    {
      resource: 'Memory',
      requested: r.requested.memoryBytes,
      target: r.target.memoryBytes,
      lower: r.lowerBound.memoryBytes,
      upper: r.upperBound.memoryBytes,
      format: formatMemory,
    },
  ];
  return (
    <div className="flex flex-col gap-1">
      <ul aria-label={`Requests against VPA ${r.vpa}`} className="flex flex-col">
        {lines.map((line) => (
          <RecommendationLine key={line.resource} line={line} />
        ))}
      </ul>
      <span className="text-xs text-fg-muted">
        From VerticalPodAutoscaler {r.vpa}, update mode {r.updateMode}
        {r.updateMode === 'Off' ? ' (recommends only)' : ''}
      </span>
    </div>
  );
}
