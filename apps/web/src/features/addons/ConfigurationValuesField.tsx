import { configurationSchemaKeys, type AddonConfiguration } from '@wheelhouse/contract';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';

/**
 * The configuration values of an add-on, typed as YAML or JSON, with the settings the build's
 * schema offers as the hint; the form checks the text against that schema.
 */
export function ConfigurationValuesField({
  field,
  error,
  configuration,
  loading,
  unreadable,
}: {
  field: UseFormRegisterReturn;
  error: string | undefined;
  configuration: AddonConfiguration | undefined;
  loading: boolean;
  /** Why the schema could not be read (the BFF still checks on send). */
  unreadable?: string | undefined;
}) {
  const keys = configuration ? configurationSchemaKeys(configuration.schema) : [];
  const hint = loading
    ? 'Reading the settings this build accepts…'
    : unreadable
      ? `Optional. The settings this build accepts could not be read (${unreadable}); the console checks them on save.`
      : keys.length > 0
        ? `Optional. Settings of ${configuration!.version}: ${keys.join(', ')}.`
        : 'Optional.';
  return (
    <FormField label="Configuration values (YAML or JSON)" hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          {...field}
          rows={6}
          className={`${INPUT_CLASSES} h-auto py-1.5 font-mono text-xs`}
          placeholder={'replicaCount: 3\nresources:\n  limits:\n    memory: 170Mi'}
          spellCheck={false}
        />
      )}
    </FormField>
  );
}
