import {
  UpdateAddonRequest,
  type ClusterRef,
  type InstalledAddon,
  type ResolveConflicts,
} from '@wheelhouse/contract';
import { useAddonConfiguration, useUpdateAddon } from '../../api/addons.ts';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { ChangeFormDialog } from '../../components/forms/ChangeFormDialog.tsx';
import { useChangeForm } from '../../components/forms/useChangeForm.ts';
import { configurationValuesOf } from './configurationValues.ts';
import { ConfigurationValuesField } from './ConfigurationValuesField.tsx';
import { useConfigurationCheck, useFollowSchema } from './useConfigurationCheck.ts';

const CONFLICTS: Array<{ value: ResolveConflicts; label: string }> = [
  { value: 'NONE', label: 'None: fail if fields were changed outside EKS' },
  { value: 'OVERWRITE', label: 'Overwrite: replace fields changed outside EKS' },
  { value: 'PRESERVE', label: 'Preserve: keep fields changed outside EKS' },
];

/** The dialog's fields as typed. */
interface UpdateFormValues {
  version: string;
  resolveConflicts: ResolveConflicts;
  configurationValues: string;
}

/** Installed values shown as they are: pretty JSON when they are JSON, else the text as EKS has it. */
function editableValues(values: string | undefined): string {
  if (!values) return '';
  try {
    return JSON.stringify(JSON.parse(values), null, 2);
  } catch {
    return values;
  }
}

/**
 * Move an add-on to another build that runs on the cluster's Kubernetes version, and change its
 * configuration values, checked against the schema of the build it moves to.
 */
export function UpdateAddonDialog({
  clusterRef,
  addon,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  addon: InstalledAddon;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const mutation = useUpdateAddon(clusterRef, addon.name);
  const installedValues = editableValues(addon.configurationValues);
  const defaultValues: UpdateFormValues = {
    version: addon.newerVersions[0] ?? addon.version,
    resolveConflicts: 'NONE',
    configurationValues: installedValues,
  };
  const { schema, check } = useConfigurationCheck();
  const { form, errorOf, onSubmit } = useChangeForm(UpdateAddonRequest, mutation, {
    defaultValues,
    toRequest: (values: UpdateFormValues) => {
      const unchanged = values.configurationValues.trim() === installedValues.trim();
      const configurationValues = configurationValuesOf(values.configurationValues);
      return {
        version: values.version,
        resolveConflicts: values.resolveConflicts,
        // Emptied: EKS goes back to the build's defaults; untouched: EKS keeps what it has.
        ...(unchanged ? {} : { configurationValues: configurationValues ?? '' }),
      };
    },
    check,
    names: { version: 'a version', configurationValues: 'configuration values' },
  });
  const version = form.watch('version');
  const configuration = useAddonConfiguration(clusterRef, addon.name, version);
  useFollowSchema(form, schema, configuration.data?.schema);
  const choices = [...new Set([...addon.newerVersions, addon.version])];

  return (
    <ChangeFormDialog
      title={`Update add-on ${addon.name}`}
      description={
        <>
          Now at {addon.version}
          {addon.latestVersion && <>; newest for this cluster {addon.latestVersion}</>}
          {addon.defaultVersion && <>; EKS default {addon.defaultVersion}</>}.
        </>
      }
      size="lg"
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((_result, body) => onDone(`Updating ${addon.name} to ${body.version}.`))}
      submitLabel="Update"
      pendingLabel="Updating…"
    >
      <FormField label="Version" error={errorOf('version')}>
        {(control) => (
          <select
            {...control}
            {...form.register('version')}
            className={`${INPUT_CLASSES} font-mono`}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
                {choice === addon.version ? ' (installed)' : ''}
                {choice === addon.defaultVersion ? ' (default)' : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Conflicts" hint="What EKS does with fields someone changed by hand.">
        {(control) => (
          <select {...control} {...form.register('resolveConflicts')} className={INPUT_CLASSES}>
            {CONFLICTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ConfigurationValuesField
        field={form.register('configurationValues')}
        error={errorOf('configurationValues')}
        configuration={configuration.data}
        loading={configuration.isPending}
        unreadable={configuration.error ? configuration.error.message : undefined}
      />
    </ChangeFormDialog>
  );
}
