import { lazy, Suspense, useState } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { ActionsMenu, type MenuAction } from '../../../components/ActionsMenu.tsx';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { useCan } from '../../auth/index.ts';
import type { ClusterDialogKind } from './ClusterDialog.tsx';

const ClusterDialog = lazy(async () => ({
  default: (await import('./ClusterDialog.tsx')).ClusterDialog,
}));

/** The menu entries for a cluster: EKS clusters get the lifecycle changes, connected ones deregister. */
export function clusterActions(
  cluster: Pick<ClusterDetail, 'connected'>,
  open: (kind: ClusterDialogKind) => void,
): MenuAction[] {
  if (cluster.connected) {
    return [
      { label: 'Edit tags…', onSelect: () => open('tags') },
      { label: 'Deregister cluster…', onSelect: () => open('deregister'), danger: true },
    ];
  }
  return [
    { label: 'Update Kubernetes version…', onSelect: () => open('version') },
    { label: 'Control plane logging…', onSelect: () => open('logging') },
    { label: 'Endpoint access…', onSelect: () => open('endpoint') },
    { label: 'Edit tags…', onSelect: () => open('tags') },
    { label: 'Delete cluster…', onSelect: () => open('delete'), danger: true },
  ];
}

/**
 * The cluster page's actions menu and the dialog it opens. Operators and admins only: auditors
 * get nothing here (the BFF refuses them anyway).
 */
export function ClusterActionsMenu({
  cluster,
  onDone,
}: {
  cluster: ClusterDetail;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const allowed = useCan('change');
  const [dialog, setDialog] = useState<ClusterDialogKind | null>(null);
  if (!allowed) return null;
  return (
    <>
      <ActionsMenu
        name={cluster.name}
        actions={clusterActions(cluster, setDialog)}
        placement="header"
      />
      {dialog && (
        <Suspense fallback={null}>
          <ClusterDialog
            kind={dialog}
            cluster={cluster}
            onClose={() => setDialog(null)}
            onDone={(notice) => {
              setDialog(null);
              onDone(notice);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
