import type { ClusterDetail } from '@wheelhouse/contract';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { DeleteClusterDialog } from './DeleteClusterDialog.tsx';
import { DeregisterDialog } from './DeregisterDialog.tsx';
import { EndpointAccessDialog } from './EndpointAccessDialog.tsx';
import { LoggingDialog } from './LoggingDialog.tsx';
import { TagsDialog } from './TagsDialog.tsx';
import { UpgradeVersionDialog } from './UpgradeVersionDialog.tsx';

/** The cluster changes the actions menu offers, one dialog each. */
export type ClusterDialogKind =
  'version' | 'logging' | 'endpoint' | 'tags' | 'delete' | 'deregister';

const DIALOGS = {
  version: UpgradeVersionDialog,
  logging: LoggingDialog,
  endpoint: EndpointAccessDialog,
  tags: TagsDialog,
  delete: DeleteClusterDialog,
  deregister: DeregisterDialog,
} satisfies Record<ClusterDialogKind, unknown>;

/** One of the cluster change dialogs (this module is a lazy chunk: forms and zod load on demand). */
export function ClusterDialog({
  kind,
  cluster,
  onClose,
  onDone,
}: {
  kind: ClusterDialogKind;
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const Chosen = DIALOGS[kind];
  return <Chosen cluster={cluster} onClose={onClose} onDone={onDone} />;
}
