import { useId } from 'react';
import type { ActionDecision } from '../../../api/accessReview.ts';

/**
 * Props that disable a control the cluster refuses and point at the reason, plus the reason itself
 * (visible, so the user need not hover to learn why; the title repeats it for pointer users).
 */
export function useRefusal(decision: ActionDecision) {
  const id = useId();
  const refused = decision.allowed === false;
  const reason = refused ? sentence(decision.reason ?? 'The cluster refuses this') : undefined;
  return {
    refused,
    control: refused
      ? { disabled: true, 'aria-describedby': id, title: reason }
      : ({} as { disabled?: boolean; 'aria-describedby'?: string; title?: string }),
    hint: refused ? (
      <span id={id} className="text-xs text-fg-muted">
        {reason}
      </span>
    ) : null,
  };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
