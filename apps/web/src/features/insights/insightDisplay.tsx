import type { InsightCounts, UpgradeBlocker } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import type { Tone } from '../../components/statusTone.ts';

const STATUS_TONE: Record<string, Tone> = {
  PASSING: 'success',
  WARNING: 'warning',
  ERROR: 'danger',
  UNKNOWN: 'neutral',
};

/** Worst first: what needs attention leads the list. */
export const STATUS_ORDER = ['ERROR', 'WARNING', 'UNKNOWN', 'PASSING'] as const;

export function InsightStatusChip({ status }: { status: string }) {
  return <Chip tone={STATUS_TONE[status] ?? 'neutral'}>{status}</Chip>;
}

/** Green when the next version is open today, red with the count of what blocks it. */
export function ReadinessChip({
  canUpgrade,
  blockers,
}: {
  canUpgrade: boolean;
  blockers: UpgradeBlocker[];
}) {
  if (canUpgrade) return <Chip tone="success">Can upgrade</Chip>;
  return <Chip tone="danger">Blocked{blockers.length > 0 ? ` (${blockers.length})` : ''}</Chip>;
}

/** Insight counts by status, leaving out the zeros. */
export function InsightCountChips({ counts }: { counts: InsightCounts }) {
  const shown = STATUS_ORDER.filter((status) => counts[status] > 0);
  if (shown.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((status) => (
        <Chip key={status} tone={STATUS_TONE[status] ?? 'neutral'}>
          {counts[status]} {status.toLowerCase()}
        </Chip>
      ))}
    </span>
  );
}
