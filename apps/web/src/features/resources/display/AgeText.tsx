import { formatDateTime } from '../../../components/dateFormat.ts';
import { formatAge } from './age.ts';

/** kubectl-style age ("3d") with the creation time in the tooltip and the machine value in dateTime. */
export function AgeText({ iso }: { iso: string | undefined }) {
  if (!iso) return <span className="text-fg-muted">—</span>;
  return (
    <time dateTime={iso} title={`Created ${formatDateTime(iso)}`} className="tabular-nums">
      {formatAge(iso)}
    </time>
  );
}
