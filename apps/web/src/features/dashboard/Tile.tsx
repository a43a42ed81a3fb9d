import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { TONE_DOT_CLASSES, type Tone } from '../../components/statusTone.ts';
import type { BarRow } from './dashboardView.ts';

const COUNT_TONES: Record<Tone, string> = {
  success: 'text-success-fg',
  info: 'text-fg',
  warning: 'text-warning-fg',
  danger: 'text-danger-fg',
  pending: 'text-pending-fg',
  neutral: 'text-fg',
};

/**
 * One tile of the wall screen: a region named by its title, a big count a room can read, its
 * content, and a link to the list behind it.
 */
export function Tile({
  title,
  count,
  countTone = 'neutral',
  link,
  children,
  className = '',
}: {
  title: string;
  count?: number;
  countTone?: Tone;
  link?: { to: string; label: string };
  children: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`card flex min-w-0 flex-col gap-3 p-4 ${className}`}
    >
      <div className="flex items-start gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {count !== undefined && (
          <p
            className={`ml-auto text-3xl leading-none font-semibold tabular-nums ${COUNT_TONES[countTone]}`}
          >
            {count}
          </p>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-auto">{children}</div>
      {link && (
        <Link to={link.to} className="self-start text-sm font-medium">
          {link.label}
        </Link>
      )}
    </section>
  );
}

/** A small horizontal bar chart; each bar is a link to the list it counts. */
export function BarList({ label, rows }: { label: string; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {rows.map((row) => (
        <li key={row.key}>
          <Link
            to={row.to}
            aria-label={row.name}
            className="grid grid-cols-[minmax(5rem,7rem)_1fr_3rem] items-center gap-3 rounded px-1 py-0.5 text-fg no-underline hover:bg-row-hover"
          >
            <span className="truncate">{row.label}</span>
            <span aria-hidden="true" className="h-3 overflow-hidden rounded-sm bg-surface-muted">
              <span
                className={`block h-full rounded-sm ${TONE_DOT_CLASSES[row.tone]}`}
                style={{ width: `${(row.count / max) * 100}%` }}
              />
            </span>
            <span className="text-right font-semibold tabular-nums">{row.count}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The calm "nothing needs attention" line of a tile. */
export function AllClear({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-center gap-2 text-fg-muted">
      <span aria-hidden="true" className="size-2.5 rounded-full bg-success-dot" />
      {children}
    </p>
  );
}

/** A tile's list of items needing attention; long lists scroll inside the tile. */
export function AttentionList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="flex max-h-80 flex-col divide-y divide-line overflow-auto">
      {children}
    </ul>
  );
}
