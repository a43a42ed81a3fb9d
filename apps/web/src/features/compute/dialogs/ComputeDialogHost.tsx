import type { ClusterRef, FargateProfile, Nodegroup } from '@wheelhouse/contract';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { CreateFargateProfileDialog } from './CreateFargateProfileDialog.tsx';
import { CreateNodegroupDialog } from './CreateNodegroupDialog.tsx';
import { DeleteFargateProfileDialog, DeleteNodegroupDialog } from './DeleteDialogs.tsx';
import { LabelsTaintsDialog } from './LabelsTaintsDialog.tsx';
import { ScaleDialog } from './ScaleDialog.tsx';
import { UpdateVersionDialog } from './UpdateVersionDialog.tsx';

/** Which change dialog is open, and on what. */
export type ComputeDialogState =
  | { kind: 'scale'; nodegroup: Nodegroup }
  | { kind: 'labels-taints'; nodegroup: Nodegroup }
  | { kind: 'version'; nodegroup: Nodegroup }
  | { kind: 'delete-nodegroup'; nodegroup: Nodegroup }
  | { kind: 'create-nodegroup'; template?: Nodegroup | undefined }
  | {
      kind: 'create-fargate';
      from?: FargateProfile | undefined;
      template?: FargateProfile | undefined;
      takenNames: readonly string[];
    }
  | { kind: 'delete-fargate'; profile: FargateProfile };

/**
 * Renders the open change dialog. Each opening mounts a fresh dialog, so it starts from the
 * resource's current values with a new idempotency token.
 */
export function ComputeDialogHost({
  clusterRef,
  clusterVersion,
  dialog,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  clusterVersion: string | undefined;
  dialog: ComputeDialogState | null;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  if (!dialog) return null;
  const common = { clusterRef, onClose, onDone };
  switch (dialog.kind) {
    case 'scale':
      return <ScaleDialog {...common} nodegroup={dialog.nodegroup} />;
    case 'labels-taints':
      return <LabelsTaintsDialog {...common} nodegroup={dialog.nodegroup} />;
    case 'version':
      return (
        <UpdateVersionDialog
          {...common}
          nodegroup={dialog.nodegroup}
          clusterVersion={clusterVersion}
        />
      );
    case 'delete-nodegroup':
      return <DeleteNodegroupDialog {...common} nodegroup={dialog.nodegroup} />;
    case 'create-nodegroup':
      return <CreateNodegroupDialog {...common} template={dialog.template} />;
    case 'create-fargate':
      return (
        <CreateFargateProfileDialog
          {...common}
          from={dialog.from}
          template={dialog.template}
          takenNames={dialog.takenNames}
        />
      );
    case 'delete-fargate':
      return <DeleteFargateProfileDialog {...common} profile={dialog.profile} />;
  }
}
