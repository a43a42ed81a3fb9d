import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { Tooltip } from 'radix-ui';
import { copyText } from './CopyButton.tsx';

/**
 * One line of text that its column may cut with an ellipsis, but never silently: when it is cut,
 * hovering or focusing it (it becomes focusable then) shows the whole value in a tooltip. With
 * `copy` (ids, ARNs, names a user pastes elsewhere) it is a button: a click copies the value,
 * and the tooltip says so. With `to` it is a link (a pod's or node group's name) that shows the whole
 * name the same way. Screen readers read the whole value either way (the cut is visual).
 */
export function TruncatedText({
  text,
  copy = false,
  to,
  className = '',
}: {
  text: string;
  copy?: boolean;
  /** Makes the value a link to this path (a link is focusable already, so no extra stop). */
  to?: string;
  /** Type and colour of the value, e.g. "font-mono text-xs"; the truncation is built in. */
  className?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const truncated = useTruncated(ref, text);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const classes = `block max-w-full truncate ${className}`;
  const value = to ? (
    <Link
      to={to}
      ref={(el) => {
        ref.current = el;
      }}
      className={classes}
    >
      {text}
    </Link>
  ) : copy ? (
    <button
      type="button"
      ref={(el) => {
        ref.current = el;
      }}
      className={`${classes} cursor-copy rounded-sm text-left`}
      onClick={() =>
        void copyText(text).then(
          () => setCopied('copied'),
          () => setCopied('failed'),
        )
      }
      onBlur={() => setCopied(null)}
    >
      {text}
    </button>
  ) : (
    <span
      ref={ref}
      className={classes}
      // Focusable only when there is something more to read; a whole value needs no stop.
      tabIndex={truncated ? 0 : undefined}
    >
      {text}
    </span>
  );
  if (!truncated && !copy) return value;
  const note = copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : null;
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{value}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="top"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-[min(36rem,calc(100vw-1rem))] rounded-md border border-line-strong bg-surface-raised px-2 py-1 text-xs break-all text-fg shadow-lg"
          >
            {truncated && <span className="block font-mono">{text}</span>}
            <span className="block text-fg-muted">{note ?? (copy ? 'Click to copy' : null)}</span>
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      {copy && (
        <span role="status" className="sr-only">
          {note ?? ''}
        </span>
      )}
    </Tooltip.Provider>
  );
}

/** Whether the element's content is wider than its box (so the ellipsis or the edge hides part of it). */
export function useTruncated(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [truncated, setTruncated] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setTruncated(el.scrollWidth > el.clientWidth);
    measure();
    // Columns change width with the window; a value cut at one width may fit at another.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, text]);
  return truncated;
}
