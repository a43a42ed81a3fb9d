import type { SourceError } from '@wheelhouse/contract';
import { AlertIcon } from '../../components/Icons.tsx';

/**
 * The sources the dashboard could not read, as one small line (a wall screen keeps its tiles in
 * view); the AWS codes and messages, as AWS wrote them, open below it.
 */
export function DashboardErrors({ errors }: { errors: SourceError[] }) {
  if (errors.length === 0) return null;
  const title = `${errors.length} ${errors.length === 1 ? 'source' : 'sources'} could not be read; the numbers may be incomplete`;
  return (
    <div
      role="alert"
      aria-label={title}
      className="rounded-md border border-warning-line bg-warning-bg px-3 py-1.5 text-sm text-warning-fg"
    >
      <details>
        <summary className="flex cursor-pointer items-center gap-2 font-medium">
          <AlertIcon className="size-4 shrink-0" />
          {title}
        </summary>
        <ul className="mt-1 flex flex-col gap-0.5 text-fg">
          {errors.map((error) => (
            <li key={`${error.accountId}|${error.region}|${error.cluster ?? ''}|${error.code}`}>
              {error.accountId} · {error.region}
              {error.cluster && ` · ${error.cluster}`}:{' '}
              <code className="text-xs">{error.code}</code> {error.message}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
