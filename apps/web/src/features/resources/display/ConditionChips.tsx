import { useRef } from 'react';
import { Tooltip } from 'radix-ui';
import type { Condition } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { useTruncated } from '../../../components/TruncatedText.tsx';
import { conditionLabel, conditionTone } from './conditions.ts';

const conditionText = (condition: Condition) =>
  [conditionLabel(condition), condition.reason].filter(Boolean).join(': ');

/**
 * Conditions as tinted chips (a named list); the reason and message are in each chip's title.
 * With `nowrap` (table rows of fixed height) the row is cut at the cell's edge, never silently:
 * when chips are cut or hidden the list becomes focusable and hovering or focusing it shows every
 * condition in a tooltip.
 */
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
  const ref = useRef<HTMLUListElement>(null);
  const key = conditions.map(conditionText).join('\n');
  const cut = useTruncated(ref, key) && nowrap;
  if (conditions.length === 0) return <span className="text-fg-muted">—</span>;
  const list = (
    <ul
      ref={ref}
      aria-label={label}
      tabIndex={cut ? 0 : undefined}
      data-cut={cut || undefined}
      className={`flex gap-1 rounded-sm ${nowrap ? 'flex-nowrap overflow-hidden' : 'flex-wrap'}`}
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
  if (!cut) return list;
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{list}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="top"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-[min(36rem,calc(100vw-1rem))] rounded-md border border-line-strong bg-surface-raised px-2 py-1 text-xs text-fg shadow-lg"
          >
            <ul className="flex flex-col gap-0.5">
              {conditions.map((condition) => (
                <li key={condition.type}>{conditionText(condition)}</li>
              ))}
            </ul>
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
