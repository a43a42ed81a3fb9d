import type { SourceError } from '@wheelhouse/contract';
import { AlertIcon } from '../../components/Icons.tsx';
import { sourceErrorFix } from './sourceErrorFix.ts';

/** Sources named in the banner itself; a wall screen keeps its tiles in view. */
const NAMED = 2;

function SourceLine({ error }: { error: SourceError }) {
  return (
    <li className="break-words">
      <span className="font-medium">
        {error.accountId} · {error.region}
        {error.cluster && ` · ${error.cluster}`}
      </span>
      : <code className="text-xs font-semibold">{error.code}</code> {error.message}.{' '}
      <span className="text-fg-muted">{sourceErrorFix(error)}</span>
    </li>
  );
}

/**
 * The sources the dashboard could not read, as the clusters page names them: account, region (and
 * cluster), AWS's code and message as AWS wrote them, and what to do about it.
 */
export function DashboardErrors({ errors }: { errors: SourceError[] }) {
  if (errors.length === 0) return null;
  const title = `${errors.length} ${errors.length === 1 ? 'source' : 'sources'} could not be read; the numbers may be incomplete`;
  const key = (error: SourceError) =>
    `${error.accountId}|${error.region}|${error.cluster ?? ''}|${error.code}`;
  return (
    <div
      role="alert"
      aria-label={title}
      className="rounded-md border border-warning-line bg-warning-bg px-3 py-1.5 text-sm text-warning-fg"
    >
      <p className="flex items-center gap-2 font-medium">
        <AlertIcon className="size-4 shrink-0" />
        {title}
      </p>
      <ul className="mt-0.5 flex flex-col gap-0.5 text-fg">
        {errors.slice(0, NAMED).map((error) => (
          <SourceLine key={key(error)} error={error} />
        ))}
      </ul>
      {errors.length > NAMED && (
        <details className="mt-0.5">
          <summary className="cursor-pointer font-medium">and {errors.length - NAMED} more</summary>
          <ul className="flex flex-col gap-0.5 text-fg">
            {errors.slice(NAMED).map((error) => (
              <SourceLine key={key(error)} error={error} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
