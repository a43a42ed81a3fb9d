import { useId } from 'react';
import { isApiError } from '../../api/client.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshIcon } from '../../components/Icons.tsx';

/** True when the cluster's Kubernetes API cannot be read at all (no access entry, not ACTIVE yet). */
export function isKubeBlocked(error: unknown): boolean {
  return isApiError(error) && (error.status === 403 || error.status === 409);
}

const COMMAND = /^(aws|kubectl|eksctl)\s/;

function RetryButton({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  return (
    <button type="button" className="btn-secondary" onClick={onRetry} disabled={retrying}>
      <RefreshIcon className={`size-4 ${retrying ? 'animate-spin' : ''}`} />
      {retrying ? 'Checking…' : 'Check again'}
    </button>
  );
}

/** The remedy: commands as copyable code blocks, anything else as a sentence. */
function Remedy({ steps }: { steps: string[] }) {
  const commands = steps.filter((step) => COMMAND.test(step));
  return (
    <div className="flex flex-col gap-2">
      {commands.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-medium">
            An administrator of the cluster can grant read access with{' '}
            {commands.length === 1 ? 'this command' : `these ${commands.length} commands`}:
          </p>
          {commands.length > 1 && (
            <CopyButton text={commands.join('\n')} label="Copy all commands" />
          )}
        </div>
      )}
      <ol className="flex flex-col gap-2">
        {steps.map((step, index) =>
          COMMAND.test(step) ? (
            <li key={step} className="flex items-start gap-2">
              <pre
                aria-label={`Command ${index + 1}`}
                className="min-w-0 flex-1 overflow-x-auto rounded-md border border-line bg-surface-muted px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all"
              >
                <code>{step}</code>
              </pre>
              <CopyButton text={step} label={`Copy command ${index + 1}`} />
            </li>
          ) : (
            <li key={step}>{step}</li>
          ),
        )}
      </ol>
    </div>
  );
}

/**
 * Why the cluster's Kubernetes resources cannot be shown. No access (403) explains the access
 * entry and gives the commands that create it; a cluster that is not ACTIVE yet (409) says its
 * API answers once it is; anything else is an error banner. Each offers to check again.
 */
export function KubeErrorPanel({
  error,
  what,
  onRetry,
  retrying = false,
}: {
  error: unknown;
  /** What failed to load, e.g. "pods". */
  what: string;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const titleId = useId();
  if (!isApiError(error) || !isKubeBlocked(error)) {
    return (
      <ErrorBanner title={`Could not load ${what}`} onRetry={onRetry} retrying={retrying}>
        <ProblemDetails error={error} />
      </ErrorBanner>
    );
  }
  const problem = error.problem;
  const noAccess = error.status === 403;
  // The cluster's RBAC refused the signed-in user (the BFF impersonates them): their groups, not the console.
  const refusedToUser = noAccess && problem?.kubeReason === 'Forbidden';
  // 409: the cluster is not ACTIVE yet, or (connected clusters) no kubeconfig is configured.
  const title = refusedToUser
    ? `Your groups may not see these ${what}`
    : noAccess
      ? (problem?.title ?? 'No Kubernetes access')
      : /ACTIVE/.test(error.message)
        ? 'Kubernetes API not available yet'
        : 'Kubernetes API not available';
  return (
    <section
      aria-labelledby={titleId}
      data-status={error.status}
      className={`card flex flex-col gap-3 border-l-4 px-5 py-4 ${noAccess ? 'border-l-warning-dot' : 'border-l-info-dot'}`}
    >
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      <p className="max-w-prose">{error.message}</p>
      {refusedToUser && (
        <p className="max-w-prose text-fg-muted">
          The console reads Kubernetes as you (your user name and groups), so the cluster&apos;s
          RBAC decides what you may see. A cluster administrator can bind a Role that grants it.
        </p>
      )}
      {noAccess && !refusedToUser && (
        <p className="max-w-prose text-fg-muted">
          The console reads each cluster&apos;s Kubernetes API with its own IAM identity. EKS lets
          an IAM principal in only through an access entry on the cluster, and what it may read
          comes from the access policy associated with it (AmazonEKSViewPolicy is read-only).
        </p>
      )}
      {problem?.remedy && problem.remedy.length > 0 && <Remedy steps={problem.remedy} />}
      <div>
        <RetryButton onRetry={onRetry} retrying={retrying} />
      </div>
    </section>
  );
}
