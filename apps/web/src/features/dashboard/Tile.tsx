import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { TONE_DOT_CLASSES, type Tone } from '../../components/statusTone.ts';
import { TileLink, useDashboardMode } from './dashboardMode.tsx';
import type { BarRow, LegendEntry } from './dashboardView.ts';

const COUNT_TONES: Record<Tone, string> = {
  success: 'text-success-fg',
  info: 'text-fg',
  warning: 'text-warning-fg',
  danger: 'text-danger-fg',
  pending: 'text-pending-fg',
  neutral: 'text-fg',
};

/** Items a tile lists on a desktop before it says "and N more". */
export const LISTED = 6;
/** How long a wall screen shows one page of a long tile. */
export const PAGE_MS = 8_000;

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
  const { kiosk, linked } = useDashboardMode();
  return (
    <section
      aria-labelledby={headingId}
      className={`card flex min-w-0 flex-col gap-3 p-4 ${kiosk ? 'min-h-0 overflow-hidden' : ''} ${className}`}
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
      {/* A wall screen cannot scroll: in kiosk mode long lists page instead (AttentionList). */}
      <div className={`flex min-h-0 flex-1 flex-col ${kiosk ? 'overflow-hidden' : ''}`}>
        {children}
      </div>
      {link && linked && (
        <TileLink to={link.to} className="self-start text-sm font-medium">
          {link.label}
        </TileLink>
      )}
    </section>
  );
}

/** A small horizontal bar chart; each bar is a link to the list it counts (not on a token screen). */
export function BarList({
  label,
  rows,
  legend,
}: {
  label: string;
  rows: BarRow[];
  /** What the bar colours mean, when the colour says more than the row's label. */
  legend?: LegendEntry[];
}) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <>
      <ul aria-label={label} className="flex flex-col gap-1">
        {rows.map((row) => (
          <li key={row.key}>
            {/* The name comes from the visible text plus words only screen readers need, so
                it contains what is seen (WCAG 2.5.3). */}
            <TileLink
              to={row.to}
              className="grid grid-cols-[minmax(5rem,7rem)_1fr_3rem] items-center gap-3 rounded px-1 py-0.5 text-fg no-underline hover:bg-row-hover"
            >
              <span className="truncate">
                {row.prefix && <span className="sr-only">{row.prefix}</span>}
                {row.label}
                <span className="sr-only">: </span>
              </span>
              <span aria-hidden="true" className="h-3 overflow-hidden rounded-sm bg-surface-muted">
                <span
                  className={`block h-full rounded-sm ${TONE_DOT_CLASSES[row.tone]}`}
                  style={{ width: `${(row.count / max) * 100}%` }}
                />
              </span>
              <span className="text-right font-semibold tabular-nums">
                {row.count}
                <span className="sr-only"> {row.unit}</span>
              </span>
            </TileLink>
          </li>
        ))}
      </ul>
      {legend && legend.length > 0 && <Legend label={`Legend: ${label}`} entries={legend} />}
    </>
  );
}

/** The key to a chart's colours, as swatches with words. */
export function Legend({ label, entries }: { label: string; entries: LegendEntry[] }) {
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-fg-muted">
      {entries.map((entry) => (
        <li key={entry.tone} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block size-3 rounded-sm ${TONE_DOT_CLASSES[entry.tone]}`}
          />
          {entry.label}
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

/**
 * How many list items fit the box on a wall screen: measured from the box and its tallest item,
 * at least one. Without layout (tests, first paint) it keeps `fallback`.
 */
function useFitCount(box: React.RefObject<HTMLElement | null>, fallback: number, on: boolean) {
  const [fit, setFit] = useState(fallback);
  useLayoutEffect(() => {
    const element = box.current;
    if (!on || !element) return;
    const measure = () => {
      const list = element.querySelector('ul');
      const items = [...(list?.children ?? [])] as HTMLElement[];
      const tallest = Math.max(0, ...items.map((item) => item.offsetHeight));
      const pager = element.querySelector<HTMLElement>('[data-pager]')?.offsetHeight ?? 0;
      if (tallest === 0 || element.clientHeight === 0) return;
      setFit(Math.max(1, Math.floor((element.clientHeight - pager) / tallest)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, on]);
  return fit;
}

/**
 * A tile's list of items needing attention. On a desktop it lists the first few and says how many
 * more there are; on a wall screen, which cannot scroll, it shows as many as fit and turns the page
 * every few seconds, saying which ones are shown.
 */
export function AttentionList<T>({
  label,
  items,
  itemKey,
  renderItem,
  more,
}: {
  label: string;
  items: T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Where the rest are listed ("and 3 more" links there). */
  more?: { to: string; label: string };
}) {
  const { kiosk, linked } = useDashboardMode();
  const box = useRef<HTMLDivElement>(null);
  const fit = useFitCount(box, 4, kiosk);
  const pageSize = kiosk ? fit : LISTED;
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (!kiosk || pages <= 1) return;
    const timer = setInterval(() => setPage((current) => (current + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [kiosk, pages]);
  const current = Math.min(page, pages - 1);
  const start = kiosk ? current * pageSize : 0;
  const shown = items.slice(start, start + pageSize);
  const hidden = items.length - shown.length;

  return (
    <div ref={box} className={kiosk ? 'flex min-h-0 flex-1 flex-col' : ''}>
      <ul aria-label={label} className="flex flex-col divide-y divide-line">
        {shown.map((item) => (
          <li key={itemKey(item)} className="py-1.5">
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p data-pager className="mt-1 text-sm text-fg-muted">
          {kiosk ? (
            `${start + 1}–${start + shown.length} of ${items.length}`
          ) : (
            <>
              and {hidden} more
              {more && linked && (
                <>
                  {' · '}
                  <TileLink to={more.to} className="font-medium">
                    {more.label}
                  </TileLink>
                </>
              )}
            </>
          )}
        </p>
      )}
    </div>
  );
}
