import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import type { RowErrors } from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { LogTypeCheckboxes } from '../forms/LogTypeCheckboxes.tsx';
import type { CreateClusterForm } from './createClusterForm.ts';

type StepProps = {
  form: CreateClusterForm;
  update: (change: Partial<CreateClusterForm>) => void;
};

/** Step 3: which control-plane logs go to CloudWatch Logs (all off by default, as in EKS). */
export function LoggingStep({ form, update }: StepProps) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-fg-muted">
        EKS sends the chosen logs to CloudWatch Logs (log group /aws/eks/&lt;name&gt;/cluster),
        charged at CloudWatch rates. Each type can be turned on or off later.
      </p>
      <LogTypeCheckboxes
        legend="Control plane log types"
        selected={form.logTypes}
        onChange={(logTypes) => update({ logTypes })}
      />
    </div>
  );
}

/** Step 4: an optional KMS key for envelope encryption of Kubernetes secrets. */
export function EncryptionStep({ form, update, error }: StepProps & { error: string | undefined }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-fg-muted">
        With a KMS key of yours, EKS envelope-encrypts Kubernetes secrets. Once on, it cannot be
        turned off, and the key must stay enabled for the cluster to work.
      </p>
      <FormField label="KMS key ARN for secrets (optional)" error={error}>
        {(control) => (
          <input
            {...control}
            className={`${INPUT_CLASSES} font-mono`}
            placeholder="arn:aws:kms:eu-west-1:111111111111:key/…"
            value={form.secretsKmsKeyArn}
            onChange={(event) => update({ secretsKmsKeyArn: event.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </FormField>
    </div>
  );
}

/** Step 5: AWS tags on the cluster. */
export function TagsStep({
  form,
  update,
  rowErrors,
  showErrors,
  error,
}: StepProps & { rowErrors: Map<number, RowErrors>; showErrors: boolean; error?: string }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-fg-muted">
        Tags help find and account for the cluster (keys up to 128 characters, values up to 256;
        keys starting with aws: are reserved).
      </p>
      <KeyValueRowsEditor
        legend="Tags"
        noun="tag"
        rows={form.tags}
        onChange={(tags) => update({ tags })}
        errors={rowErrors}
        showErrors={showErrors}
      />
      {showErrors && error && <p className="text-danger-fg">{error}</p>}
    </div>
  );
}
