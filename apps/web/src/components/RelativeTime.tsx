import { formatDateTime, formatRelative } from './dateFormat.ts';

/** A relative time ("3 days ago") with the absolute time in the tooltip and the machine value in dateTime. */
export function RelativeTime({ iso }: { iso: string | undefined }) {
  if (!iso) return <span className="text-fg-muted">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
