import { useEffect, useRef } from 'react';
import { isApiError } from '../api/client.ts';
import { ErrorBanner } from './ErrorBanner.tsx';

/**
 * The message of a failed change. An AWS error reads exactly as AWS wrote it, prefixed with its
 * code ("InvalidParameterException: Minimum capacity 5 can't be greater than desired size 2"),
 * because that is what people search for and what AWS support asks about.
 */
export function submitErrorText(error: unknown): string {
  if (isApiError(error)) {
    const { problem } = error;
    if (problem?.awsCode) return `${problem.awsCode}: ${problem.detail ?? problem.title}`;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

function titleOf(error: unknown): string {
  if (!isApiError(error)) return 'The change could not be sent';
  if (error.problem?.awsCode) return 'AWS refused the change';
  if (error.status === 403) return 'You may not make this change';
  if (error.status === 400) return 'The console refused these values';
  if (error.status === 0) return 'The change could not be sent';
  return 'The change failed';
}

/**
 * A failed submission inside a dialog, announced as an alert; what the user typed stays in the form
 * so they can correct it and send again. Field errors are listed here as well as next to fields,
 * since a field the BFF names may not be on screen.
 */
export function SubmitError({ error }: { error: unknown }) {
  const problem = isApiError(error) ? error.problem : undefined;
  // A validation answer's detail only joins its field errors, which are listed one per line.
  const listsFields = !problem?.awsCode && !!problem?.errors?.length;
  // In a long form the message lands below the fold; bring it into view (it is also announced).
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    anchor.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  return (
    <div ref={anchor}>
      <ErrorBanner title={titleOf(error)}>
        {!listsFields && (
          <p className="break-words whitespace-pre-wrap">{submitErrorText(error)}</p>
        )}
        {problem?.errors && problem.errors.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {problem.errors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.message}`}>
                <code>{fieldError.field}</code> {fieldError.message}
              </li>
            ))}
          </ul>
        )}
        {problem?.requestId && (
          <p className="mt-1 text-xs text-fg-muted">
            AWS request id <code>{problem.requestId}</code>
          </p>
        )}
      </ErrorBanner>
    </div>
  );
}
