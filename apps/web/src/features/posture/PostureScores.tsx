import { Link } from 'react-router';
import type { PostureScore } from '@wheelhouse/contract';

/** Red below 60, amber below 85, green above: where a cluster stands at a glance. */
export function scoreTone(score: number): 'danger' | 'warning' | 'success' {
  if (score < 60) return 'danger';
  if (score < 85) return 'warning';
  return 'success';
}

const BAR: Record<ReturnType<typeof scoreTone>, string> = {
  danger: 'bg-danger-dot',
  warning: 'bg-warning-dot',
  success: 'bg-success-dot',
};

/** One bar per cluster, lowest score first, each linking to its cluster's Posture tab. */
export function PostureScores({ scores }: { scores: PostureScore[] }) {
  const sorted = [...scores].sort(
    (a, b) => a.score - b.score || a.cluster.localeCompare(b.cluster),
  );
  return (
    <ul
      aria-label="Score per cluster"
      className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2 xl:grid-cols-3"
    >
      {sorted.map((s) => {
        const path = [s.accountId, s.region, s.cluster].map(encodeURIComponent).join('/');
        return (
          <li key={path} className="flex items-center gap-2">
            <Link
              to={`/clusters/${path}?tab=posture`}
              className="w-40 truncate"
              title={`${s.cluster} (${s.accountId}, ${s.region})`}
            >
              {s.cluster}
            </Link>
            <div
              role="meter"
              aria-label={`Posture score of ${s.cluster}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={s.score}
              aria-valuetext={`${s.score} of 100: ${s.failed} checks failed, ${s.passed} passed`}
              className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-surface-muted"
            >
              <div
                className={`h-full rounded-full ${BAR[scoreTone(s.score)]}`}
                style={{ width: `${s.score}%` }}
              />
            </div>
            <span className="w-9 text-right font-medium tabular-nums">{s.score}</span>
          </li>
        );
      })}
    </ul>
  );
}
