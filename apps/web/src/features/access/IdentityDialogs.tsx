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
import { useChangeForm } from '../../components/forms/useChangeForm.ts';
import { AccessFormDialog, TextField } from './AccessFormDialog.tsx';

interface DialogProps {
  clusterRef: ClusterRef;
  onClose: () => void;
  onDone: (text: string) => void;
}

/** Every field trimmed; empty optional ones left out, so the schema sees only what was typed. */
const trimmedFields = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) => (value.trim() ? [[key, value.trim()]] : [])),
  );

const PROVIDER_FIELDS = {
  name: '',
  issuerUrl: '',
  clientId: '',
  usernameClaim: '',
  usernamePrefix: '',
  groupsClaim: '',
  groupsPrefix: '',
};

/** Associates an OIDC identity provider; EKS applies it as a cluster update (minutes). */
export function AssociateIdentityProviderDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useAssociateIdentityProvider(clusterRef);
  const { form, errorOf, onSubmit } = useChangeForm(AssociateIdentityProviderRequest, mutation, {
    defaultValues: PROVIDER_FIELDS,
    toRequest: trimmedFields,
  });
  const field = (
    key: keyof typeof PROVIDER_FIELDS,
    label: string,
    extra: { hint?: string; mono?: boolean } = {},
  ) => <TextField label={label} field={form.register(key)} error={errorOf(key)} {...extra} />;
  return (
    <AccessFormDialog
      title="Associate OIDC identity provider"
      label="Associate"
      pendingLabel="Associating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit((_result, body) =>
        onDone(`Identity provider ${body.name} is being associated (an EKS cluster update).`),
      )}
      onClose={onClose}
    >
      {field('name', 'Name')}
      {field('issuerUrl', 'Issuer URL', {
        hint: "https://…, as the provider's discovery document names itself",
        mono: true,
      })}
      {field('clientId', 'Client id')}
      <div className="grid gap-4 sm:grid-cols-2">
        {field('usernameClaim', 'Username claim (optional)')}
        {field('usernamePrefix', 'Username prefix (optional)')}
        {field('groupsClaim', 'Groups claim (optional)')}
        {field('groupsPrefix', 'Groups prefix (optional)', {
          hint: 'RBAC bindings name groups with it, e.g. oidc:developers',
        })}
      </div>
    </AccessFormDialog>
  );
}

/** Lets the pods of one service account assume an IAM role (EKS Pod Identity). */
export function CreatePodIdentityDialog({ clusterRef, onClose, onDone }: DialogProps) {
  const mutation = useCreatePodIdentity(clusterRef);
  const { form, errorOf, onSubmit } = useChangeForm(CreatePodIdentityRequest, mutation, {
    defaultValues: { namespace: '', serviceAccount: '', roleArn: '' },
    toRequest: (values) => ({
      namespace: values.namespace.trim(),
      serviceAccount: values.serviceAccount.trim(),
      roleArn: values.roleArn.trim(),
    }),
  });
  const { register } = form;
  return (
    <AccessFormDialog
      title="Create Pod Identity association"
      label="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit((_result, body) =>
        onDone(`Pods of ${body.namespace}/${body.serviceAccount} now assume ${body.roleArn}.`),
      )}
      onClose={onClose}
    >
      <TextField label="Namespace" field={register('namespace')} error={errorOf('namespace')} />
      <TextField
        label="Service account"
        field={register('serviceAccount')}
        error={errorOf('serviceAccount')}
      />
      <TextField
        label="IAM role ARN"
        field={register('roleArn')}
        error={errorOf('roleArn')}
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
  const { form, errorOf, onSubmit } = useChangeForm(UpdatePodIdentityRequest, mutation, {
    defaultValues: { roleArn: association.roleArn },
    toRequest: (values) => ({ roleArn: values.roleArn.trim() }),
  });
  return (
    <AccessFormDialog
      title="Change Pod Identity role"
      label="Change role"
      pendingLabel="Changing…"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit((_result, body) =>
        onDone(
          `Pods of ${association.namespace}/${association.serviceAccount} now assume ${body.roleArn}.`,
        ),
      )}
      onClose={onClose}
    >
      <p>
        {association.namespace}/{association.serviceAccount}
      </p>
      <TextField
        label="IAM role ARN"
        field={form.register('roleArn')}
        error={errorOf('roleArn')}
        hint="Running pods keep their credentials until they restart."
        mono
      />
    </AccessFormDialog>
  );
}
