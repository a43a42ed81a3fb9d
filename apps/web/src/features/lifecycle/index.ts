// What other features may use of cluster lifecycle: actions, updates and how a change is progressing.
export { ClusterActionsMenu } from './actions/ClusterActionsMenu.tsx';
export { ClusterUpdatesTab } from './updates/ClusterUpdatesTab.tsx';
export { updateColumns } from './updates/updateColumns.tsx';
export { useClusterChangePhase } from './updates/useClusterChangePhase.ts';
export { DeregisterDialog } from './actions/DeregisterDialog.tsx';
