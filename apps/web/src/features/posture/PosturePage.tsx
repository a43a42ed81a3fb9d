import { useFleetPosture } from '../../api/posture.ts';
import { useSources } from '../../api/sources.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { PostureFindings } from './PostureFindings.tsx';
import { PostureScores } from './PostureScores.tsx';

/** /posture: every EKS cluster's score, and each failed check with the command that fixes it. */
export function PosturePage() {
  const posture = useFleetPosture();
  const sources = useSources();
  const report = posture.data;

  let body;
  if (posture.isPending) {
    body = <TableSkeleton label="Checking the fleet…" />;
  } else if (!report) {
    body = (
      <ErrorBanner
        title="Could not check the fleet's posture"
        onRetry={() => void posture.refetch()}
        retrying={posture.isFetching}
      >
        <ProblemDetails error={posture.error} />
      </ErrorBanner>
    );
  } else {
    body = (
      <>
        <SourceErrorsBanner errors={report.errors} sources={sources.data} />
        <section aria-labelledby="posture-scores" className="flex flex-col gap-2">
          <h2 id="posture-scores" className="font-semibold">
            Score per cluster
          </h2>
          <PostureScores scores={report.scores} />
        </section>
        <section aria-labelledby="posture-findings" className="flex flex-col gap-2">
          <h2 id="posture-findings" className="font-semibold">
            Findings
          </h2>
          <PostureFindings
            report={report}
            withCluster
            exportName={`wheelhouse-posture-${report.generatedAt.slice(0, 10)}`}
          />
        </section>
      </>
    );
  }

  return (
    <div className="flex flex-col gap-4 p-4">
      <title>Posture · Wheelhouse</title>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">Posture</h1>
        <p className="text-fg-muted">
          {report &&
            `${report.checks.length} checks from the CIS Amazon EKS Benchmark and EKS Best Practices, over ${report.scores.length} clusters`}
        </p>
        <div className="ml-auto">
          <RefreshButton
            label="Check again"
            updatedAt={posture.dataUpdatedAt}
            fetching={posture.isFetching}
            onRefresh={() => void posture.refetch()}
          />
        </div>
      </div>
      {body}
    </div>
  );
}
