import { formatDateTime } from '../../components/dateFormat.ts';
import { formatDuration } from '../../components/duration.ts';
import { useNow } from '../../components/useNow.ts';

/** "Updated 12 s ago", ticking, so a glance at the wall tells whether the numbers are current. */
export function UpdatedAgo({ at, failed }: { at: number; failed: boolean }) {
  const now = useNow(1000);
  if (at === 0) return null;
  const iso = new Date(at).toISOString();
  return (
    <p className={`text-sm ${failed ? 'font-medium text-warning-fg' : 'text-fg-muted'}`}>
      {failed ? 'Refresh failed; showing data from ' : 'Updated '}
      <time dateTime={iso} title={formatDateTime(iso)}>
        {formatDuration(now - at)} ago
      </time>
    </p>
  );
}
