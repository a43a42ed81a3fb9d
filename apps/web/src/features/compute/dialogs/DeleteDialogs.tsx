import type { ClusterRef, FargateProfile, Nodegroup } from '@wheelhouse/contract';
import { useDeleteFargateProfile, useDeleteNodegroup } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { TypedConfirmChangeDialog } from '../../../components/TypedConfirmDialog.tsx';
import { plural } from '../computeDisplay.ts';

interface DeleteProps {
  clusterRef: ClusterRef;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}

/** Delete a managed node group after typing its name; says what happens to its nodes and pods. */
export function DeleteNodegroupDialog({
  clusterRef,
  nodegroup,
  onClose,
  onDone,
}: DeleteProps & { nodegroup: Nodegroup }) {
  const mutation = useDeleteNodegroup(clusterRef, nodegroup.name);
  const instances =
    nodegroup.currentInstances === undefined
      ? 'all of its instances'
      : `its ${plural(nodegroup.currentInstances, 'instance')}`;
  return (
    <TypedConfirmChangeDialog
      mutation={mutation}
      doneText={`Deleting node group ${nodegroup.name}. EKS drains and terminates its nodes; this takes a few minutes.`}
      finishedText={`Node group ${nodegroup.name} deleted.`}
      subject={{ kind: 'nodegroup', name: nodegroup.name, until: 'gone' }}
      onClose={onClose}
      onDone={onDone}
      title={`Delete node group ${nodegroup.name}`}
      name={nodegroup.name}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
    >
      <p>
        EKS cordons and drains the nodes of <strong>{nodegroup.name}</strong>, then terminates{' '}
        {instances} and removes its Auto Scaling group.
      </p>
      <p>
        Pods on those nodes are evicted; they run again only if other nodes or Fargate profiles have
        room for them. Pods that tolerate only this group&rsquo;s taints or select its labels stay
        Pending.
      </p>
      <p className="font-medium">This cannot be undone.</p>
    </TypedConfirmChangeDialog>
  );
}

/** Delete a Fargate profile after typing its name; pods it placed are deleted with it. */
export function DeleteFargateProfileDialog({
  clusterRef,
  profile,
  onClose,
  onDone,
}: DeleteProps & { profile: FargateProfile }) {
  const mutation = useDeleteFargateProfile(clusterRef, profile.name);
  return (
    <TypedConfirmChangeDialog
      mutation={mutation}
      doneText={`Deleting Fargate profile ${profile.name}.`}
      finishedText={`Fargate profile ${profile.name} deleted.`}
      subject={{ kind: 'fargate-profile', name: profile.name, until: 'gone' }}
      onClose={onClose}
      onDone={onDone}
      title={`Delete Fargate profile ${profile.name}`}
      name={profile.name}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
    >
      <p>
        Pods running on Fargate through <strong>{profile.name}</strong> are deleted with it. New
        pods its selectors match go to another matching profile, or to EC2 nodes when none matches.
      </p>
      <p>Only one Fargate profile of a cluster can be deleting at a time.</p>
      <p className="font-medium">This cannot be undone.</p>
    </TypedConfirmChangeDialog>
  );
}
