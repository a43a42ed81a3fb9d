import type { Sources } from '@wheelhouse/contract';
import { ErrorBanner } from '../ErrorBanner.tsx';
import { FormField, INPUT_CLASSES } from '../FormField.tsx';
import { ProblemDetails } from '../ProblemDetails.tsx';

/** Where a cluster goes: one of the configured accounts, one of the configured regions. */
export function AccountRegionFields({
  sources,
  accountId,
  region,
  onAccountChange,
  onRegionChange,
  errorOf,
}: {
  sources: Sources | undefined;
  accountId: string;
  region: string;
  onAccountChange: (accountId: string) => void;
  onRegionChange: (region: string) => void;
  errorOf: (path: string) => string | undefined;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="Account" error={errorOf('accountId')}>
        {(control) => (
          <select
            {...control}
            className={INPUT_CLASSES}
            value={accountId}
            onChange={(event) => onAccountChange(event.target.value)}
          >
            <option value="">{sources ? 'Choose an account' : 'Loading accounts…'}</option>
            {sources?.accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name === account.id ? account.id : `${account.name} (${account.id})`}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Region" error={errorOf('region')}>
        {(control) => (
          <select
            {...control}
            className={INPUT_CLASSES}
            value={region}
            onChange={(event) => onRegionChange(event.target.value)}
          >
            <option value="">{sources ? 'Choose a region' : 'Loading regions…'}</option>
            {sources?.regions.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}

/** Why the account and region lists stay empty: the configured sources could not be read. */
export function SourcesReadError({ error }: { error: unknown }) {
  return (
    <ErrorBanner title="Could not read the configured accounts and regions">
      <ProblemDetails error={error} />
    </ErrorBanner>
  );
}
