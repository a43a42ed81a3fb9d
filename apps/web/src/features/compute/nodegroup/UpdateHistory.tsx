import type { Update } from '@wheelhouse/contract';
import { DataTable } from '../../../components/DataTable.tsx';
import { updateColumns } from '../../lifecycle/index.ts';

/** A node group's EKS updates, newest first, with a progress bar while one is in progress. */
export function UpdateHistory({ updates }: { updates: Update[] }) {
  if (updates.length === 0) {
    return <p className="card px-4 py-6 text-center text-fg-muted">No updates yet.</p>;
  }
  return (
    <DataTable
      label="Update history"
      data={updates}
      columns={updateColumns('nodegroup', updates)}
      getRowId={(update) => update.id}
      measureRows
    />
  );
}
