import { isApiError } from '../api/client.ts';

/**
 * The useful parts of a failed request: the message, and the upstream's own code named after who
 * sent it (AWS's error code and request id, or the Kubernetes API's status reason).
 */
export function ProblemDetails({ error }: { error: unknown }) {
  if (!isApiError(error)) {
    return <p>{error instanceof Error ? error.message : 'Something went wrong.'}</p>;
  }
  const { problem } = error;
  return (
    <div className="flex flex-col gap-1">
      <p className="break-words">{error.message}</p>
      {problem?.kubeReason && (
        <p className="text-xs text-fg-muted">
          Kubernetes API: <code>{problem.kubeReason}</code>
        </p>
      )}
      {(problem?.awsCode || problem?.requestId) && (
        <p className="text-xs text-fg-muted">
          {problem.awsCode && (
            <>
              AWS error <code>{problem.awsCode}</code>
            </>
          )}
          {problem.awsCode && problem.requestId && ' · '}
          {problem.requestId && (
            <>
              request id <code>{problem.requestId}</code>
            </>
          )}
        </p>
      )}
      {problem?.errors && problem.errors.length > 0 && (
        <ul className="list-disc pl-5">
          {problem.errors.map((fieldError) => (
            <li key={`${fieldError.field}:${fieldError.message}`}>
              <code>{fieldError.field}</code> {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
