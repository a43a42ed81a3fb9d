import type { Condition } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { conditionLabel, conditionTone } from './conditions.ts';

/** Conditions as tinted chips (a named list); the reason and message are in each chip's title. */
export function ConditionChips({
  conditions,
  label = 'Conditions',
  nowrap = false,
}: {
  conditions: Condition[];
  label?: string;
  /** One line, cut at the cell's edge (table rows of fixed height). */
  nowrap?: boolean;
}) {
  if (conditions.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul
      aria-label={label}
      className={`flex gap-1 ${nowrap ? 'flex-nowrap overflow-hidden' : 'flex-wrap'}`}
    >
      {conditions.map((condition) => (
        <li key={condition.type} className="max-w-full shrink-0">
          <Chip
            tone={conditionTone(condition)}
            title={[condition.reason, condition.message].filter(Boolean).join(': ') || undefined}
          >
            {conditionLabel(condition)}
          </Chip>
        </li>
      ))}
    </ul>
  );
}
