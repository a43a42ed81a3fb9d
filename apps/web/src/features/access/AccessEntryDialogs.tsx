import { useState } from 'react';
import {
  AssociateAccessPolicyRequest,
  CreateAccessEntryRequest,
  type AccessEntry,
  type ClusterRef,
} from '@wheelhouse/contract';
import { useAssociateAccessPolicy, useCreateAccessEntry } from '../../api/access.ts';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import {
  serverFieldErrors,
  splitList,
  validate,
  type FieldErrors,
} from '../../components/forms/formValidation.ts';
import { useRequestToken } from '../../components/forms/requestToken.ts';
import { AccessFormDialog, TextField } from './AccessFormDialog.tsx';

interface DialogProps {
  clusterRef: ClusterRef;
  onClose: () => void;
  onDone: (text: string) => void;
}

/** A STANDARD access entry for an IAM user or role, with optional Kubernetes username and groups. */
export function CreateAccessEntryDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useCreateAccessEntry(clusterRef);
  const tokenFor = useRequestToken();
  const [principalArn, setPrincipalArn] = useState('');
  const [username, setUsername] = useState('');
  const [groups, setGroups] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(mutation.error), ...errors };
  const submit = () => {
    const payload = {
      principalArn: principalArn.trim(),
      ...(username.trim() ? { username: username.trim() } : {}),
      kubernetesGroups: splitList(groups),
    };
    const check = validate(CreateAccessEntryRequest, {
      ...payload,
      clientRequestToken: tokenFor(payload),
    });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    mutation.mutate(check.data, {
      onSuccess: () => onDone(`Access entry for ${payload.principalArn} created.`),
    });
  };
  return (
    <AccessFormDialog
      title="Create access entry"
      label="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="IAM principal ARN"
        value={principalArn}
        onChange={setPrincipalArn}
        error={shown.principalArn}
        hint="An IAM user or role, e.g. arn:aws:iam::123456789012:role/developers"
        mono
      />
      <TextField
        label="Kubernetes username (optional)"
        value={username}
        onChange={setUsername}
        error={shown.username}
        hint="EKS picks the principal's ARN (roles: the session) when left empty."
      />
      <TextField
        label="Kubernetes groups (optional)"
        value={groups}
        onChange={setGroups}
        error={
          shown.kubernetesGroups ??
          Object.entries(shown).find(([k]) => k.startsWith('kubernetesGroups.'))?.[1]
        }
        hint="Comma or space separated; RBAC bindings name these groups. Not system:…"
      />
    </AccessFormDialog>
  );
}

/** Associates an EKS access policy with an entry, for the whole cluster or some namespaces. */
export function AssociatePolicyDialog({
  clusterRef,
  entry,
  policies,
  onClose,
  onDone,
}: DialogProps & { entry: AccessEntry; policies: Array<{ name: string; arn: string }> }) {
  const mutation = useAssociateAccessPolicy(clusterRef, entry.principalArn);
  const [policyArn, setPolicyArn] = useState(
    policies.find((policy) => policy.name === 'AmazonEKSViewPolicy')?.arn ?? policies[0]?.arn ?? '',
  );
  const [scopeType, setScopeType] = useState<'cluster' | 'namespace'>('cluster');
  const [namespaces, setNamespaces] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(mutation.error), ...errors };
  const submit = () => {
    const body = {
      policyArn,
      scope:
        scopeType === 'cluster'
          ? { type: 'cluster' }
          : { type: 'namespace', namespaces: splitList(namespaces) },
    };
    const check = validate(AssociateAccessPolicyRequest, body);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    const name = policies.find((policy) => policy.arn === policyArn)?.name ?? policyArn;
    mutation.mutate(check.data, {
      onSuccess: () => onDone(`${name} associated with ${entry.principalArn}.`),
    });
  };
  const namespaceError =
    shown['scope.namespaces'] ??
    Object.entries(shown).find(([key]) => key.startsWith('scope.namespaces.'))?.[1];
  return (
    <AccessFormDialog
      title="Associate access policy"
      label="Associate"
      pendingLabel="Associating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <p className="font-mono text-sm break-all">{entry.principalArn}</p>
      <FormField label="Access policy" error={shown.policyArn}>
        {(props) => (
          <select
            {...props}
            className={INPUT_CLASSES}
            value={policyArn}
            onChange={(event) => setPolicyArn(event.target.value)}
          >
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
            <input
              type="radio"
              name="scope"
              value={type}
              checked={scopeType === type}
              onChange={() => setScopeType(type)}
            />
            {type === 'cluster' ? 'The whole cluster' : 'Some namespaces'}
          </label>
        ))}
      </fieldset>
      {scopeType === 'namespace' && (
        <TextField
          label="Namespaces"
          value={namespaces}
          onChange={setNamespaces}
          error={namespaceError}
          hint="Comma or space separated."
        />
      )}
    </AccessFormDialog>
  );
}
