import type {
  AccessEntry,
  ClusterRef,
  IdentityProviderConfig,
  PodIdentityAssociation,
} from '@wheelhouse/contract';
import {
  useDeleteAccessEntry,
  useDeletePodIdentity,
  useDisassociateAccessPolicy,
  useDisassociateIdentityProvider,
} from '../../api/access.ts';
import { Dialog, DialogFooter } from '../../components/Dialog.tsx';
import { SubmitError } from '../../components/SubmitError.tsx';
import { TypedConfirmChangeDialog } from '../../components/TypedConfirmDialog.tsx';
import { AssociatePolicyDialog, CreateAccessEntryDialog } from './AccessEntryDialogs.tsx';
import {
  AssociateIdentityProviderDialog,
  CreatePodIdentityDialog,
  UpdatePodIdentityDialog,
} from './IdentityDialogs.tsx';

/** Which Access dialog is open, with what it acts on. */
export type AccessDialog =
  | { kind: 'create-entry' }
  | { kind: 'associate-policy'; entry: AccessEntry }
  | { kind: 'disassociate-policy'; entry: AccessEntry; policyArn: string }
  | { kind: 'delete-entry'; entry: AccessEntry }
  | { kind: 'associate-idp' }
  | { kind: 'disassociate-idp'; provider: IdentityProviderConfig }
  | { kind: 'create-pod-identity' }
  | { kind: 'update-pod-identity'; association: PodIdentityAssociation }
  | { kind: 'delete-pod-identity'; association: PodIdentityAssociation };

interface HostProps {
  clusterRef: ClusterRef;
  policies: Array<{ name: string; arn: string }>;
  onClose: () => void;
  onDone: (text: string) => void;
}

/** The IAM name an entry's delete asks to type (the BFF checks the same). */
const principalNameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export function AccessDialogHost({ dialog, ...props }: HostProps & { dialog: AccessDialog }) {
  switch (dialog.kind) {
    case 'create-entry':
      return <CreateAccessEntryDialog {...props} />;
    case 'associate-policy':
      return <AssociatePolicyDialog {...props} entry={dialog.entry} />;
    case 'disassociate-policy':
      return (
        <DisassociatePolicyDialog {...props} entry={dialog.entry} policyArn={dialog.policyArn} />
      );
    case 'delete-entry':
      return <DeleteEntryDialog {...props} entry={dialog.entry} />;
    case 'associate-idp':
      return <AssociateIdentityProviderDialog {...props} />;
    case 'disassociate-idp':
      return <DisassociateIdpDialog {...props} provider={dialog.provider} />;
    case 'create-pod-identity':
      return <CreatePodIdentityDialog {...props} />;
    case 'update-pod-identity':
      return <UpdatePodIdentityDialog {...props} association={dialog.association} />;
    case 'delete-pod-identity':
      return <DeletePodIdentityDialog {...props} association={dialog.association} />;
  }
}

function DeleteEntryDialog({
  clusterRef,
  entry,
  onClose,
  onDone,
}: HostProps & { entry: AccessEntry }) {
  const mutation = useDeleteAccessEntry(clusterRef, entry.principalArn);
  return (
    <TypedConfirmChangeDialog
      title="Delete access entry"
      name={principalNameOf(entry.principalArn)}
      confirmLabel="Delete access entry"
      pendingLabel="Deleting…"
      mutation={mutation}
      doneText={`Access entry for ${entry.principalArn} deleted.`}
      onClose={onClose}
      onDone={(notice) => onDone(notice.text)}
    >
      <p>
        <span className="font-mono break-all">{entry.principalArn}</span> loses every access policy
        of this entry at once; Kubernetes RBAC bindings of its groups stop applying to it.
      </p>
    </TypedConfirmChangeDialog>
  );
}

function DisassociatePolicyDialog({
  clusterRef,
  entry,
  policyArn,
  onClose,
  onDone,
}: HostProps & { entry: AccessEntry; policyArn: string }) {
  const mutation = useDisassociateAccessPolicy(clusterRef);
  const name = policyArn.slice(policyArn.lastIndexOf('/') + 1);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Disassociate access policy"
      busy={mutation.isPending}
    >
      <p>
        Remove {name} from <span className="font-mono break-all">{entry.principalArn}</span>?
      </p>
      {mutation.error !== null && <SubmitError error={mutation.error} />}
      <DialogFooter>
        <button
          type="button"
          className="btn-secondary"
          onClick={onClose}
          disabled={mutation.isPending}
        >
          Cancel
        </button>
        <button
          type="button"
          className="btn-danger"
          disabled={mutation.isPending}
          onClick={() =>
            mutation.mutate(
              { principalArn: entry.principalArn, policyArn },
              { onSuccess: () => onDone(`${name} disassociated from ${entry.principalArn}.`) },
            )
          }
        >
          {mutation.isPending ? 'Disassociating…' : 'Disassociate'}
        </button>
      </DialogFooter>
    </Dialog>
  );
}

function DisassociateIdpDialog({
  clusterRef,
  provider,
  onClose,
  onDone,
}: HostProps & { provider: IdentityProviderConfig }) {
  const mutation = useDisassociateIdentityProvider(clusterRef, provider.name);
  return (
    <TypedConfirmChangeDialog
      title="Disassociate identity provider"
      name={provider.name}
      confirmLabel="Disassociate"
      pendingLabel="Disassociating…"
      mutation={mutation}
      doneText={`Identity provider ${provider.name} is being disassociated (an EKS cluster update).`}
      onClose={onClose}
      onDone={(notice) => onDone(notice.text)}
    >
      <p>People signed in through {provider.issuerUrl} can no longer reach this cluster.</p>
    </TypedConfirmChangeDialog>
  );
}

function DeletePodIdentityDialog({
  clusterRef,
  association,
  onClose,
  onDone,
}: HostProps & { association: PodIdentityAssociation }) {
  const mutation = useDeletePodIdentity(clusterRef, association.associationId);
  return (
    <TypedConfirmChangeDialog
      title="Delete Pod Identity association"
      name={association.serviceAccount}
      confirmLabel="Delete association"
      pendingLabel="Deleting…"
      mutation={mutation}
      doneText={`Pods of ${association.namespace}/${association.serviceAccount} no longer get ${association.roleArn}.`}
      onClose={onClose}
      onDone={(notice) => onDone(notice.text)}
    >
      <p>
        New pods of {association.namespace}/{association.serviceAccount} stop getting credentials
        for <span className="font-mono break-all">{association.roleArn}</span>.
      </p>
    </TypedConfirmChangeDialog>
  );
}
