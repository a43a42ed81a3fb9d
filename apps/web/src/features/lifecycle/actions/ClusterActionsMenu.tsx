import { lazy, Suspense, useRef, useState } from 'react';
import { DropdownMenu } from 'radix-ui';
import type { ClusterDetail } from '@wheelhouse/contract';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { ChevronDownIcon } from '../../../components/Icons.tsx';
import { useCan } from '../../auth/useCan.ts';
import type { ClusterDialogKind } from './ClusterDialog.tsx';

/** One entry of the cluster's actions menu. */
export interface ClusterAction {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

const ClusterDialog = lazy(async () => ({
  default: (await import('./ClusterDialog.tsx')).ClusterDialog,
}));

/** The menu entries for a cluster: EKS clusters get the lifecycle changes, connected ones deregister. */
export function clusterActions(
  cluster: Pick<ClusterDetail, 'connected'>,
  open: (kind: ClusterDialogKind) => void,
): ClusterAction[] {
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
 * The page-header menu button: visible "Actions", named "Actions for <name>". The chosen action runs
 * after the menu has closed and focus is back on the button, so the dialog it opens hands focus
 * back there when it closes.
 */
function ActionsMenu({ name, actions }: { name: string; actions: ClusterAction[] }) {
  const chosen = useRef<ClusterAction | null>(null);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="btn-secondary" aria-label={`Actions for ${name}`}>
        Actions
        <ChevronDownIcon className="size-3.5 text-fg-muted" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-30 min-w-56 rounded-lg border border-line bg-surface-raised p-1 text-sm text-fg shadow-lg"
          onCloseAutoFocus={() => {
            const action = chosen.current;
            chosen.current = null;
            action?.onSelect();
          }}
        >
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action.label}
              onSelect={() => {
                chosen.current = action;
              }}
              className={`cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-surface-muted ${
                action.danger ? 'text-danger-fg' : ''
              }`}
            >
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
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
      <ActionsMenu name={cluster.name} actions={clusterActions(cluster, setDialog)} />
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
