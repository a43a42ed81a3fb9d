import { useState } from 'react';
import {
  AssociateIdentityProviderRequest,
  CreatePodIdentityRequest,
  UpdatePodIdentityRequest,
  type ClusterRef,
  type PodIdentityAssociation,
} from '@wheelhouse/contract';
import {
  useAssociateIdentityProvider,
  useCreatePodIdentity,
  useUpdatePodIdentity,
} from '../../api/access.ts';
import {
  serverFieldErrors,
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

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** Associates an OIDC identity provider; EKS applies it as a cluster update (minutes). */
export function AssociateIdentityProviderDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useAssociateIdentityProvider(clusterRef);
  const tokenFor = useRequestToken();
  const [fields, setFields] = useState({
    name: '',
    issuerUrl: '',
    clientId: '',
    usernameClaim: '',
    usernamePrefix: '',
    groupsClaim: '',
    groupsPrefix: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(mutation.error), ...errors };
  const set = (key: keyof typeof fields) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));
  const submit = () => {
    const payload = Object.fromEntries(
      Object.entries(fields).flatMap(([key, value]) => {
        const kept = optional(value);
        return kept === undefined ? [] : [[key, kept]];
      }),
    );
    const check = validate(AssociateIdentityProviderRequest, {
      ...payload,
      clientRequestToken: tokenFor(payload),
    });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    mutation.mutate(check.data, {
      onSuccess: () =>
        onDone(`Identity provider ${check.data.name} is being associated (an EKS cluster update).`),
    });
  };
  return (
    <AccessFormDialog
      title="Associate OIDC identity provider"
      label="Associate"
      pendingLabel="Associating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField label="Name" value={fields.name} onChange={set('name')} error={shown.name} />
      <TextField
        label="Issuer URL"
        value={fields.issuerUrl}
        onChange={set('issuerUrl')}
        error={shown.issuerUrl}
        hint="https://…, as the provider's discovery document names itself"
        mono
      />
      <TextField
        label="Client id"
        value={fields.clientId}
        onChange={set('clientId')}
        error={shown.clientId}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Username claim (optional)"
          value={fields.usernameClaim}
          onChange={set('usernameClaim')}
          error={shown.usernameClaim}
        />
        <TextField
          label="Username prefix (optional)"
          value={fields.usernamePrefix}
          onChange={set('usernamePrefix')}
          error={shown.usernamePrefix}
        />
        <TextField
          label="Groups claim (optional)"
          value={fields.groupsClaim}
          onChange={set('groupsClaim')}
          error={shown.groupsClaim}
        />
        <TextField
          label="Groups prefix (optional)"
          value={fields.groupsPrefix}
          onChange={set('groupsPrefix')}
          error={shown.groupsPrefix}
          hint="RBAC bindings name groups with it, e.g. oidc:developers"
        />
      </div>
    </AccessFormDialog>
  );
}

/** Lets the pods of one service account assume an IAM role (EKS Pod Identity). */
export function CreatePodIdentityDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useCreatePodIdentity(clusterRef);
  const tokenFor = useRequestToken();
  const [namespace, setNamespace] = useState('');
  const [serviceAccount, setServiceAccount] = useState('');
  const [roleArn, setRoleArn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(mutation.error), ...errors };
  const submit = () => {
    const payload = {
      namespace: namespace.trim(),
      serviceAccount: serviceAccount.trim(),
      roleArn: roleArn.trim(),
    };
    const check = validate(CreatePodIdentityRequest, {
      ...payload,
      clientRequestToken: tokenFor(payload),
    });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    mutation.mutate(check.data, {
      onSuccess: () =>
        onDone(
          `Pods of ${payload.namespace}/${payload.serviceAccount} now assume ${payload.roleArn}.`,
        ),
    });
  };
  return (
    <AccessFormDialog
      title="Create Pod Identity association"
      label="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="Namespace"
        value={namespace}
        onChange={setNamespace}
        error={shown.namespace}
      />
      <TextField
        label="Service account"
        value={serviceAccount}
        onChange={setServiceAccount}
        error={shown.serviceAccount}
      />
      <TextField
        label="IAM role ARN"
        value={roleArn}
        onChange={setRoleArn}
        error={shown.roleArn}
        hint="Its trust policy must allow pods.eks.amazonaws.com (sts:AssumeRole, sts:TagSession)."
        mono
      />
    </AccessFormDialog>
  );
}

/** Points an association at another IAM role; pods get the new role's credentials when they restart. */
export function UpdatePodIdentityDialog({
  clusterRef,
  association,
  onClose,
  onDone,
}: DialogProps & { association: PodIdentityAssociation }) {
  const mutation = useUpdatePodIdentity(clusterRef, association.associationId);
  const tokenFor = useRequestToken();
  const [roleArn, setRoleArn] = useState(association.roleArn);
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(mutation.error), ...errors };
  const submit = () => {
    const payload = { roleArn: roleArn.trim() };
    const check = validate(UpdatePodIdentityRequest, {
      ...payload,
      clientRequestToken: tokenFor(payload),
    });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    mutation.mutate(check.data, {
      onSuccess: () =>
        onDone(
          `Pods of ${association.namespace}/${association.serviceAccount} now assume ${payload.roleArn}.`,
        ),
    });
  };
  return (
    <AccessFormDialog
      title="Change Pod Identity role"
      label="Change role"
      pendingLabel="Changing…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <p>
        {association.namespace}/{association.serviceAccount}
      </p>
      <TextField
        label="IAM role ARN"
        value={roleArn}
        onChange={setRoleArn}
        error={shown.roleArn}
        hint="Running pods keep their credentials until they restart."
        mono
      />
    </AccessFormDialog>
  );
}
