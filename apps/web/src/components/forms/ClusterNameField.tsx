import { FormField, INPUT_CLASSES } from '../FormField.tsx';

/** A new cluster's name (at most 100 characters in EKS), typed as is: no autofill, no spell check. */
export function ClusterNameField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (name: string) => void;
  error: string | undefined;
  /** The naming rule as this form puts it. */
  hint: string;
}) {
  return (
    <FormField label="Cluster name" error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          className={`${INPUT_CLASSES} font-mono`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
        />
      )}
    </FormField>
  );
}
