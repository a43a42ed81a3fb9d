import type { SourceError, Sources } from '@wheelhouse/contract';
import { ErrorBanner } from './ErrorBanner.tsx';

const SHOWN = 5;

function accountName(error: SourceError, sources: Sources | undefined, names: Map<string, string>) {
  return (
    sources?.accounts.find((account) => account.id === error.accountId)?.name ??
    names.get(error.accountId)
  );
}

function SourceErrorItem({ error, name }: { error: SourceError; name: string | undefined }) {
  return (
    <li className="py-1">
      <span className="font-medium">{name ?? error.accountId}</span>
      {name && name !== error.accountId && (
        <span className="font-mono text-xs"> ({error.accountId})</span>
      )}
      <span> · {error.region}</span>
      {error.cluster && <span> · cluster {error.cluster}</span>}
      <span>: </span>
      <code className="text-xs font-semibold">{error.code}</code>
      {/* The AWS message as AWS wrote it: it often names the missing permission. */}
      <span className="block break-words">{error.message}</span>
    </li>
  );
}

/**
 * The partial-failure banner: the list shows what could be read, and this names each account and
 * region (or cluster) that could not be, with AWS's own error code and message.
 */
export function SourceErrorsBanner({
  errors,
  sources,
  accountNames = new Map(),
}: {
  errors: SourceError[];
  sources: Sources | undefined;
  /** Names learnt from the clusters that were read, for accounts missing from `sources`. */
  accountNames?: Map<string, string>;
}) {
  if (errors.length === 0) return null;
  const title =
    errors.length === 1
      ? '1 source could not be read; the list may be incomplete'
      : `${errors.length} sources could not be read; the list may be incomplete`;
  const item = (error: SourceError) => (
    <SourceErrorItem
      key={`${error.accountId}|${error.region}|${error.cluster ?? ''}|${error.code}`}
      error={error}
      name={accountName(error, sources, accountNames)}
    />
  );
  return (
    <ErrorBanner title={title} tone="warning">
      <ul className="divide-y divide-warning-line">{errors.slice(0, SHOWN).map(item)}</ul>
      {errors.length > SHOWN && (
        <details className="mt-1">
          <summary className="cursor-pointer font-medium">
            Show {errors.length - SHOWN} more
          </summary>
          <ul className="divide-y divide-warning-line">{errors.slice(SHOWN).map(item)}</ul>
        </details>
      )}
    </ErrorBanner>
  );
}
