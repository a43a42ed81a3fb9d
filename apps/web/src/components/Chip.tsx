import type { ReactNode } from 'react';
import { TONE_CHIP_CLASSES, type Tone } from './statusTone.ts';

/** A small tinted label (support status, role, backend, tags). */
export function Chip({
  tone = 'neutral',
  title,
  className = '',
  children,
}: {
  tone?: Tone;
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      title={title}
      className={`inline-flex max-w-full items-center gap-1 truncate rounded border px-1.5 py-px text-xs leading-4 font-medium ${TONE_CHIP_CLASSES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
