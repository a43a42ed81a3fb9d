import {
  AssociateAccessPolicyRequest,
  CreateAccessEntryRequest,
  type AccessEntry,
  type ClusterRef,
} from '@wheelhouse/contract';
import { useAssociateAccessPolicy, useCreateAccessEntry } from '../../api/access.ts';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { splitList } from '../../components/forms/formValidation.ts';
import { useSchemaForm } from '../../components/forms/useSchemaForm.ts';
import { AccessFormDialog, TextField } from './AccessFormDialog.tsx';

interface DialogProps {
  clusterRef: ClusterRef;
  onClose: () => void;
  onDone: (text: string) => void;
}

/** The entry form as typed; the groups stay one text until they are checked. */
interface AccessEntryValues {
  principalArn: string;
  username: string;
  kubernetesGroups: string;
}

const toAccessEntryRequest = (values: AccessEntryValues) => ({
  principalArn: values.principalArn.trim(),
  ...(values.username.trim() ? { username: values.username.trim() } : {}),
  kubernetesGroups: splitList(values.kubernetesGroups),
});

/** A STANDARD access entry for an IAM user or role, with optional Kubernetes username and groups. */
export function CreateAccessEntryDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useCreateAccessEntry(clusterRef);
  // The mutation takes the request as typed (its defaults unapplied); the checked one fits it.
  const { form, errorOf, onSubmit } = useSchemaForm(CreateAccessEntryRequest, mutation, {
    defaultValues: { principalArn: '', username: '', kubernetesGroups: '' },
    toRequest: toAccessEntryRequest,
    toVariables: (request) => request,
  });
  const { register } = form;
  return (
    <AccessFormDialog
      title="Create access entry"
      label="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit((_result, body) =>
        onDone(`Access entry for ${body.principalArn} created.`),
      )}
      onClose={onClose}
    >
      <TextField
        label="IAM principal ARN"
        field={register('principalArn')}
        error={errorOf('principalArn')}
        hint="An IAM user or role, e.g. arn:aws:iam::123456789012:role/developers"
        mono
      />
      <TextField
        label="Kubernetes username (optional)"
        field={register('username')}
        error={errorOf('username')}
        hint="EKS picks the principal's ARN (roles: the session) when left empty."
      />
      <TextField
        label="Kubernetes groups (optional)"
        field={register('kubernetesGroups')}
        error={errorOf('kubernetesGroups')}
        hint="Comma or space separated; RBAC bindings name these groups. Not system:…"
      />
    </AccessFormDialog>
  );
}

/** The policy form as typed: the scope's namespaces stay one text until they are checked. */
interface AssociatePolicyValues {
  policyArn: string;
  scope: { type: 'cluster' | 'namespace'; namespaces: string };
}

const toAssociatePolicyRequest = ({ policyArn, scope }: AssociatePolicyValues) => ({
  policyArn,
  scope:
    scope.type === 'cluster'
      ? { type: 'cluster' }
      : { type: 'namespace', namespaces: splitList(scope.namespaces) },
});

/** Associates an EKS access policy with an entry, for the whole cluster or some namespaces. */
export function AssociatePolicyDialog({
  clusterRef,
  entry,
  policies,
  onClose,
  onDone,
}: DialogProps & { entry: AccessEntry; policies: Array<{ name: string; arn: string }> }) {
  const mutation = useAssociateAccessPolicy(clusterRef, entry.principalArn);
  const defaultValues: AssociatePolicyValues = {
    policyArn:
      policies.find((policy) => policy.name === 'AmazonEKSViewPolicy')?.arn ??
      policies[0]?.arn ??
      '',
    scope: { type: 'cluster', namespaces: '' },
  };
  const { form, errorOf, onSubmit } = useSchemaForm(AssociateAccessPolicyRequest, mutation, {
    defaultValues,
    toRequest: toAssociatePolicyRequest,
    toVariables: (request) => request,
  });
  const { register, watch } = form;
  const scopeType = watch('scope.type');
  return (
    <AccessFormDialog
      title="Associate access policy"
      label="Associate"
      pendingLabel="Associating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit((_result, body) => {
        const name = policies.find((policy) => policy.arn === body.policyArn)?.name;
        onDone(`${name ?? body.policyArn} associated with ${entry.principalArn}.`);
      })}
      onClose={onClose}
    >
      <p className="font-mono text-sm break-all">{entry.principalArn}</p>
      <FormField label="Access policy" error={errorOf('policyArn')}>
        {(props) => (
          <select {...props} className={INPUT_CLASSES} {...register('policyArn')}>
            {policies.map((policy) => (
              <option key={policy.arn} value={policy.arn}>
                {policy.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Scope</legend>
        {(['cluster', 'namespace'] as const).map((type) => (
          <label key={type} className="flex items-center gap-2">
            <input type="radio" value={type} {...register('scope.type')} />
            {type === 'cluster' ? 'The whole cluster' : 'Some namespaces'}
          </label>
        ))}
      </fieldset>
      {scopeType === 'namespace' && (
        <TextField
          label="Namespaces"
          field={register('scope.namespaces')}
          error={errorOf('scope.namespaces')}
          hint="Comma or space separated."
        />
      )}
    </AccessFormDialog>
  );
}
