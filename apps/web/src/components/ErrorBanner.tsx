import { useId, type ReactNode } from 'react';
import { AlertIcon, RefreshIcon } from './Icons.tsx';

/**
 * An error or warning callout, announced to screen readers (role="alert") and named by its title,
 * so tests and assistive technology can find it by name.
 */
export function ErrorBanner({
  title,
  children,
  tone = 'danger',
  onRetry,
  retrying = false,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'danger' | 'warning';
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const titleId = useId();
  const colours =
    tone === 'danger'
      ? 'border-danger-line bg-danger-bg text-danger-fg'
      : 'border-warning-line bg-warning-bg text-warning-fg';
  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className={`rounded-lg border px-4 py-3 ${colours}`}
    >
      <div className="flex items-start gap-3">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0 flex-1">
          <p id={titleId} className="font-semibold">
            {title}
          </p>
          {children && <div className="mt-1 text-fg">{children}</div>}
        </div>
        {onRetry && (
          <button
            type="button"
            className="btn-secondary shrink-0"
            onClick={onRetry}
            disabled={retrying}
          >
            <RefreshIcon className={`size-4 ${retrying ? 'animate-spin' : ''}`} />
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </div>
    </div>
  );
}
