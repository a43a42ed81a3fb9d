import type { ClusterDetail } from '@wheelhouse/contract';
import { useDeleteCluster } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { TypedConfirmChangeDialog } from '../../../components/TypedConfirmDialog.tsx';
import { refOf } from './clusterRef.ts';

/**
 * Delete an EKS cluster after typing its name. EKS refuses while node groups or Fargate profiles
 * remain (ResourceInUseException); its message is shown as written, so the user knows what to
 * delete first.
 */
export function DeleteClusterDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useDeleteCluster(refOf(cluster));
  return (
    <TypedConfirmChangeDialog
      mutation={mutation}
      doneText={`Deleting cluster ${cluster.name}.`}
      onClose={onClose}
      onDone={onDone}
      title={`Delete cluster ${cluster.name}`}
      name={cluster.name}
      confirmLabel="Delete cluster"
      pendingLabel="Deleting…"
    >
      <p>
        EKS deletes the control plane and everything it stores (Kubernetes objects, secrets). This
        cannot be undone.
      </p>
      <p className="text-fg-muted">
        EKS refuses while node groups or Fargate profiles remain: delete those first on the Compute
        tab. Self-managed nodes and load balancers created by Kubernetes are not deleted for you.
      </p>
    </TypedConfirmChangeDialog>
  );
}
