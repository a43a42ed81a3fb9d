import { CreateAddonRequest, type AvailableAddon, type ClusterRef } from '@wheelhouse/contract';
import { useAddonConfiguration, useCreateAddon } from '../../api/addons.ts';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { ChangeFormDialog } from '../../components/forms/ChangeFormDialog.tsx';
import { TextField } from '../../components/forms/TextField.tsx';
import { useChangeForm } from '../../components/forms/useChangeForm.ts';
import { configurationValuesOf } from './configurationValues.ts';
import { ConfigurationValuesField } from './ConfigurationValuesField.tsx';
import { useConfigurationCheck, useFollowSchema } from './useConfigurationCheck.ts';

/** The dialog's fields as typed. */
interface InstallFormValues {
  name: string;
  version: string;
  configurationValues: string;
  serviceAccountRoleArn: string;
}

const NAMES = {
  name: 'an add-on',
  version: 'a version',
  serviceAccountRoleArn: 'the service account role',
};

/**
 * Install an add-on of the catalogue that the cluster lacks: a build that runs on its Kubernetes
 * version (EKS's default preselected), configuration values checked against that build's schema
 * before anything is sent, and optionally the IAM role its service account assumes.
 */
export function InstallAddonDialog({
  clusterRef,
  available,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  /** Add-ons not installed, with the builds that run on the cluster. */
  available: AvailableAddon[];
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const mutation = useCreateAddon(clusterRef);
  const first = available[0];
  const defaultsOf = (addon: AvailableAddon | undefined) =>
    addon?.defaultVersion ?? addon?.versions[0] ?? '';
  const { schema, check } = useConfigurationCheck();
  const { form, errorOf, onSubmit } = useChangeForm(CreateAddonRequest, mutation, {
    defaultValues: {
      name: first?.name ?? '',
      version: defaultsOf(first),
      configurationValues: '',
      serviceAccountRoleArn: '',
    },
    toRequest: (values: InstallFormValues) => {
      const configurationValues = configurationValuesOf(values.configurationValues);
      const roleArn = values.serviceAccountRoleArn.trim();
      return {
        name: values.name,
        ...(values.version ? { version: values.version } : {}),
        ...(configurationValues ? { configurationValues } : {}),
        ...(roleArn ? { serviceAccountRoleArn: roleArn } : {}),
      };
    },
    check,
    names: NAMES,
  });
  const [name, version] = form.watch(['name', 'version']);
  const chosen = available.find((addon) => addon.name === name);
  const configuration = useAddonConfiguration(clusterRef, name || undefined, version || undefined);
  useFollowSchema(form, schema, configuration.data?.schema);
  const nameField = form.register('name', {
    onChange: () => {
      const next = available.find((addon) => addon.name === form.getValues('name'));
      form.setValue('version', defaultsOf(next), { shouldDirty: true });
    },
  });

  return (
    <ChangeFormDialog
      title="Install add-on"
      description="EKS installs the add-on's Kubernetes objects; it shows CREATING until they run."
      size="lg"
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((_result, body) =>
        onDone(`Installing ${body.name}${body.version ? ` ${body.version}` : ''}.`),
      )}
      submitLabel="Install"
      pendingLabel="Installing…"
    >
      <FormField label="Add-on" error={errorOf('name')}>
        {(control) => (
          <select {...control} {...nameField} className={INPUT_CLASSES}>
            {available.map((addon) => (
              <option key={addon.name} value={addon.name}>
                {addon.name}
                {addon.type ? ` (${addon.type})` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label="Version"
        hint="Builds that run on this cluster's Kubernetes version."
        error={errorOf('version')}
      >
        {(control) => (
          <select
            // A new add-on brings new options: a fresh select takes the form's version as its value.
            key={name}
            {...control}
            {...form.register('version')}
            className={`${INPUT_CLASSES} font-mono`}
          >
            {(chosen?.versions ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
                {choice === chosen?.defaultVersion ? ' (default)' : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ConfigurationValuesField
        field={form.register('configurationValues')}
        error={errorOf('configurationValues')}
        configuration={configuration.data}
        loading={configuration.isPending && configuration.fetchStatus !== 'idle'}
        unreadable={configuration.error ? configuration.error.message : undefined}
      />
      <TextField
        label="Service account role ARN"
        hint={
          configuration.data?.podIdentity.length
            ? `Optional. The role ${configuration.data.podIdentity.map((p) => p.serviceAccount).join(', ')} assumes (IRSA); EKS recommends ${configuration.data.podIdentity.flatMap((p) => p.recommendedManagedPolicies).join(', ')}.`
            : 'Optional. The IAM role the add-on’s service account assumes (IRSA).'
        }
        error={errorOf('serviceAccountRoleArn')}
        field={form.register('serviceAccountRoleArn')}
        placeholder="arn:aws:iam::123456789012:role/AmazonEKS_CNI_Role"
        mono
      />
    </ChangeFormDialog>
  );
}
