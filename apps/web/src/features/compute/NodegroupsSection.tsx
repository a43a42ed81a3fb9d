import { useMemo } from 'react';
import type { ClusterRef, Nodegroup } from '@wheelhouse/contract';
import type { MenuAction } from '../../components/ActionsMenu.tsx';
import { DataTable, type SortState } from '../../components/DataTable.tsx';
import { columnIds, useUrlSort } from '../../components/useUrlSort.ts';
import { Section } from '../../components/Section.tsx';
import type { ComputeDialogState } from './dialogs/ComputeDialogHost.tsx';
import { nodegroupColumns, nodegroupSortValue } from './nodegroupColumns.tsx';

/** The change actions of one node group, in menu and header order. */
export function nodegroupActions(
  nodegroup: Nodegroup,
  open: (dialog: ComputeDialogState) => void,
): MenuAction[] {
  return [
    { label: 'Scale', onSelect: () => open({ kind: 'scale', nodegroup }) },
    {
      label: 'Edit labels & taints',
      onSelect: () => open({ kind: 'labels-taints', nodegroup }),
    },
    { label: 'Update version', onSelect: () => open({ kind: 'version', nodegroup }) },
    {
      label: 'Delete',
      danger: true,
      onSelect: () => open({ kind: 'delete-nodegroup', nodegroup }),
    },
  ];
}

const BY_NAME: SortState = { id: 'name', desc: false };

/** Managed node groups: one row each, with a row menu and "Create node group" for operators. */
export function NodegroupsSection({
  clusterRef,
  nodegroups,
  onOpen,
}: {
  clusterRef: ClusterRef;
  nodegroups: Nodegroup[];
  /** Opens a change dialog; undefined for users who may not change anything. */
  onOpen: ((dialog: ComputeDialogState) => void) | undefined;
}) {
  const columns = useMemo(
    () => nodegroupColumns(clusterRef, onOpen ? (ng) => nodegroupActions(ng, onOpen) : undefined),
    [clusterRef, onOpen],
  );
  const [sort, setSort] = useUrlSort('nodegroup', BY_NAME, columnIds(columns));
  return (
    <Section
      plain
      title="Managed node groups"
      count={nodegroups.length}
      actions={
        onOpen && (
          <button
            type="button"
            className="btn-primary"
            onClick={() => onOpen({ kind: 'create-nodegroup', template: nodegroups[0] })}
          >
            Create node group
          </button>
        )
      }
    >
      {nodegroups.length === 0 ? (
        <p className="card px-4 py-6 text-center text-fg-muted">
          This cluster has no managed node groups.
        </p>
      ) : (
        <div className="flex flex-col">
          <DataTable
            label="Managed node groups"
            data={nodegroups}
            columns={columns}
            getRowId={(ng) => ng.name}
            sort={sort}
            sortValue={nodegroupSortValue}
            onSortChange={setSort}
            rowHeight={88}
            measureRows
          />
        </div>
      )}
    </Section>
  );
}
