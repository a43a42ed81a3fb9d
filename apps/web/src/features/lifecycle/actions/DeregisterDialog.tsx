import type { ClusterRef } from '@wheelhouse/contract';
import { useDeregisterCluster } from '../../../api/connected.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { TypedConfirmChangeDialog } from '../../../components/TypedConfirmDialog.tsx';
import { refOf } from './clusterRef.ts';

/** Deregister a cluster connected through EKS Connector, after typing its name. */
export function DeregisterDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterRef;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useDeregisterCluster(refOf(cluster));
  return (
    <TypedConfirmChangeDialog
      mutation={mutation}
      doneText={`Deregistering cluster ${cluster.name}.`}
      onClose={onClose}
      onDone={onDone}
      title={`Deregister cluster ${cluster.name}`}
      name={cluster.name}
      confirmLabel="Deregister cluster"
      pendingLabel="Deregistering…"
    >
      <p>
        EKS forgets the cluster: it leaves this console and the EKS console. The cluster itself
        keeps running.
      </p>
      <p className="text-fg-muted">
        The connector agent stays installed in the cluster until you remove it there (the
        eks-connector manifests you applied at registration).
      </p>
    </TypedConfirmChangeDialog>
  );
}
