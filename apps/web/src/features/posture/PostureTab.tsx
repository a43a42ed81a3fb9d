import type { ClusterDetail } from '@wheelhouse/contract';
import { useClusterPosture } from '../../api/posture.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { PostureFindings } from './PostureFindings.tsx';
import { scoreTone } from './PostureScores.tsx';

const TONE_TEXT = {
  danger: 'text-danger-fg',
  warning: 'text-warning-fg',
  success: 'text-success-fg',
};

/** A cluster's Posture tab: its score and its findings. */
export function PostureTab({ cluster }: { cluster: ClusterDetail }) {
  const posture = useClusterPosture(cluster);
  const report = posture.data;
  if (posture.isPending) return <TableSkeleton label="Checking the cluster…" />;
  if (!report) {
    return (
      <ErrorBanner
        title="Could not check this cluster's posture"
        onRetry={() => void posture.refetch()}
        retrying={posture.isFetching}
      >
        <ProblemDetails error={posture.error} />
      </ErrorBanner>
    );
  }
  const score = report.scores[0];
  return (
    <div className="flex flex-col gap-3">
      <SourceErrorsBanner errors={report.errors} sources={undefined} />
      {score && (
        <p className="flex items-baseline gap-2">
          <span
            className={`text-3xl font-semibold tabular-nums ${TONE_TEXT[scoreTone(score.score)]}`}
          >
            {score.score}
          </span>
          <span className="text-fg-muted">
            of 100 · {score.failed} failed, {score.passed} passed
            {score.skipped > 0 && `, ${score.skipped} not applicable or not readable`}
          </span>
        </p>
      )}
      <PostureFindings
        report={report}
        withCluster={false}
        exportName={`wheelhouse-posture-${cluster.name}-${report.generatedAt.slice(0, 10)}`}
      />
    </div>
  );
}
