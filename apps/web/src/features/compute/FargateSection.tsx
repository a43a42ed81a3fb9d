import { useMemo } from 'react';
import type { ClusterRef, FargateOverlap, FargateProfile } from '@wheelhouse/contract';
import { DataTable, type SortState } from '../../components/DataTable.tsx';
import { columnIds, useUrlSort } from '../../components/useUrlSort.ts';
import { Section } from '../../components/Section.tsx';
import type { ComputeDialogState } from './dialogs/ComputeDialogHost.tsx';
import { fargateColumns } from './fargateColumns.tsx';
import { FargateMatchChecker } from './FargateMatchChecker.tsx';
import { FargateOverlaps } from './FargateOverlaps.tsx';

const profileSortValue = (profile: FargateProfile, columnId: string) =>
  columnId === 'status' ? profile.status : profile.name;

const BY_NAME: SortState = { id: 'name', desc: false };

/**
 * Fargate profiles, the pairs that can take the same pod, and a checker for one pod. Profiles are
 * immutable, so the row menu offers "Recreate with changes" instead of an edit.
 */
export function FargateSection({
  clusterRef,
  profiles,
  overlaps,
  onOpen,
}: {
  clusterRef: ClusterRef;
  profiles: FargateProfile[];
  overlaps: FargateOverlap[];
  onOpen: ((dialog: ComputeDialogState) => void) | undefined;
}) {
  const takenNames = useMemo(() => profiles.map((p) => p.name), [profiles]);
  const columns = useMemo(
    () =>
      fargateColumns(
        onOpen
          ? (profile) => [
              {
                label: 'Recreate with changes',
                onSelect: () => onOpen({ kind: 'create-fargate', from: profile, takenNames }),
              },
              {
                label: 'Delete',
                danger: true,
                onSelect: () => onOpen({ kind: 'delete-fargate', profile }),
              },
            ]
          : undefined,
      ),
    [onOpen, takenNames],
  );
  const [sort, setSort] = useUrlSort('fargate', BY_NAME, columnIds(columns));
  return (
    <Section
      plain
      title="Fargate profiles"
      count={profiles.length}
      actions={
        onOpen && (
          <button
            type="button"
            className="btn-primary"
            onClick={() => onOpen({ kind: 'create-fargate', template: profiles[0], takenNames })}
          >
            Create Fargate profile
          </button>
        )
      }
    >
      <FargateOverlaps overlaps={overlaps} />
      {profiles.length === 0 ? (
        <p className="card px-4 py-6 text-center text-fg-muted">
          This cluster has no Fargate profiles: every pod runs on nodes.
        </p>
      ) : (
        <div className="flex flex-col">
          <DataTable
            label="Fargate profiles"
            data={profiles}
            columns={columns}
            getRowId={(profile) => profile.name}
            sort={sort}
            sortValue={profileSortValue}
            onSortChange={(next) => setSort(next.id === 'status' ? next : { ...next, id: 'name' })}
            rowHeight={72}
            measureRows
          />
        </div>
      )}
      {profiles.length > 0 && <FargateMatchChecker clusterRef={clusterRef} />}
    </Section>
  );
}
