import type { KubernetesVersionOption, Sources } from '@wheelhouse/contract';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDate } from '../../../components/dateFormat.ts';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { AccountRegionFields } from '../../../components/forms/AccountRegionFields.tsx';
import { ClusterNameField } from '../../../components/forms/ClusterNameField.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { VersionSupportChip } from '../../../components/VersionSupportChip.tsx';
import type { CreateClusterForm } from './createClusterForm.ts';

const SUPPORT_WORDS: Record<KubernetesVersionOption['status'], string> = {
  STANDARD_SUPPORT: 'standard support',
  EXTENDED_SUPPORT: 'extended support',
  UNSUPPORTED: 'unsupported',
  UNKNOWN: 'support unknown',
};

/** "1.33 · standard support until 2026-07-29 · default". */
export function versionOptionLabel(option: KubernetesVersionOption): string {
  const parts = [option.version, SUPPORT_WORDS[option.status]];
  if (option.status === 'STANDARD_SUPPORT' && option.endOfStandardSupport) {
    parts[1] += ` until ${formatDate(option.endOfStandardSupport)}`;
  }
  if (option.isDefault) parts.push('default');
  return parts.join(' · ');
}

function VersionField({
  form,
  versions,
  chosen,
  update,
  error,
}: {
  form: CreateClusterForm;
  versions: UseQueryResult<KubernetesVersionOption[]>;
  chosen: string;
  update: (change: Partial<CreateClusterForm>) => void;
  error: string | undefined;
}) {
  const located = form.accountId !== '' && form.region !== '';
  const option = versions.data?.find((candidate) => candidate.version === chosen);
  return (
    <FormField
      label="Kubernetes version"
      error={error}
      hint={
        located
          ? 'EKS supports each version for 14 months (standard), then 12 more at extra cost (extended).'
          : 'Choose the account and region first: EKS offers versions per region.'
      }
    >
      {(control) => (
        <div className="flex flex-col gap-2">
          <select
            {...control}
            className={INPUT_CLASSES}
            disabled={!located || versions.isPending || versions.isError}
            value={chosen}
            onChange={(event) => update({ version: event.target.value })}
          >
            <option value="">
              {!located
                ? 'Choose the account and region first'
                : versions.isPending
                  ? 'Loading versions…'
                  : 'Choose a version'}
            </option>
            {versions.data?.map((candidate) => (
              <option
                key={candidate.version}
                value={candidate.version}
                disabled={candidate.status === 'UNSUPPORTED'}
              >
                {versionOptionLabel(candidate)}
              </option>
            ))}
          </select>
          {option && (
            <VersionSupportChip
              support={{
                status: option.status,
                ...(option.endOfStandardSupport
                  ? { endOfStandardSupport: option.endOfStandardSupport }
                  : {}),
              }}
            />
          )}
          {located && versions.isError && (
            <div role="alert" className="text-danger-fg">
              <p className="font-medium">Could not read the versions EKS offers here.</p>
              <ProblemDetails error={versions.error} />
            </div>
          )}
        </div>
      )}
    </FormField>
  );
}

/** Step 1: where the cluster goes, its name and its Kubernetes version. */
export function GeneralStep({
  form,
  update,
  errorOf,
  sources,
  versions,
  chosenVersion,
}: {
  form: CreateClusterForm;
  update: (change: Partial<CreateClusterForm>) => void;
  errorOf: (path: string) => string | undefined;
  sources: Sources | undefined;
  versions: UseQueryResult<KubernetesVersionOption[]>;
  chosenVersion: string;
}) {
  return (
    <div className="flex flex-col gap-4">
      <AccountRegionFields
        sources={sources}
        accountId={form.accountId}
        region={form.region}
        // Versions differ by region: a choice made for another one no longer holds.
        onAccountChange={(accountId) => update({ accountId, version: '' })}
        onRegionChange={(region) => update({ region, version: '' })}
        errorOf={errorOf}
      />
      <ClusterNameField
        value={form.name}
        onChange={(name) => update({ name })}
        error={errorOf('name')}
        hint="Letters, digits, - and _, starting with a letter or digit; unique in the account and region."
      />
      <VersionField
        form={form}
        versions={versions}
        chosen={chosenVersion}
        update={update}
        error={errorOf('version')}
      />
    </div>
  );
}
