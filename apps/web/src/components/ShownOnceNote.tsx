import type { ReactNode } from 'react';
import { AlertIcon } from './Icons.tsx';

/**
 * The warning next to a secret that is on screen this once (an activation code, a new token):
 * a note named "Shown only once" saying what to copy and why it cannot be shown again.
 */
export function ShownOnceNote({ children }: { children: ReactNode }) {
  return (
    <div
      role="note"
      aria-label="Shown only once"
      className="flex gap-3 rounded-lg border border-warning-line bg-warning-bg px-4 py-3 text-warning-fg"
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <p>{children}</p>
    </div>
  );
}
