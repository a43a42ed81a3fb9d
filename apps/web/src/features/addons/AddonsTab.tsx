import { useState } from 'react';
import type { ClusterDetail, ClusterRef, InstalledAddon } from '@wheelhouse/contract';
import { useClusterAddons, useDeleteAddon } from '../../api/addons.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { SourceErrorsBanner } from '../../components/SourceErrorsBanner.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TypedConfirmChangeDialog } from '../../components/TypedConfirmDialog.tsx';
import { useCan } from '../auth/index.ts';
import { AddonIssues, VersionStanding } from './addonColumns.tsx';
import { InstallAddonDialog } from './InstallAddonDialog.tsx';
import { UpdateAddonDialog } from './UpdateAddonDialog.tsx';

type Open = { kind: 'update' | 'delete'; addon: InstalledAddon } | { kind: 'install' } | undefined;

function DeleteAddonDialog({
  clusterRef,
  addon,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  addon: InstalledAddon;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const [preserve, setPreserve] = useState(false);
  const mutation = useDeleteAddon(clusterRef, addon.name, preserve);
  return (
    <TypedConfirmChangeDialog
      mutation={mutation}
      doneText={`Deleting add-on ${addon.name}${preserve ? ', keeping its resources' : ''}.`}
      onClose={onClose}
      onDone={(notice) => onDone(notice.text)}
      title={`Delete add-on ${addon.name}`}
      name={addon.name}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
    >
      <p>
        {preserve ? (
          <>
            EKS stops managing <strong>{addon.name}</strong>; its Kubernetes objects keep running on
            the cluster, and nobody updates them any more.
          </>
        ) : (
          <>
            EKS removes <strong>{addon.name}</strong> and its Kubernetes objects from the cluster.
            Workloads that depend on it (networking, DNS, storage) stop working.
          </>
        )}
      </p>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={preserve}
          onChange={(event) => setPreserve(event.target.checked)}
        />
        Keep its resources on the cluster (preserve)
      </label>
    </TypedConfirmChangeDialog>
  );
}

/** A cluster's Add-ons tab: installed add-ons, their versions against the catalogue, health. */
export function AddonsTab({ cluster }: { cluster: ClusterDetail }) {
  const ref = { accountId: cluster.accountId, region: cluster.region, name: cluster.name };
  const addons = useClusterAddons(ref);
  const canChange = useCan('change');
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<string>();
  const data = addons.data;
  if (addons.isPending) return <TableSkeleton label="Reading add-ons…" />;
  if (!data)
    return (
      <ErrorBanner
        title="Could not read this cluster's add-ons"
        onRetry={() => void addons.refetch()}
        retrying={addons.isFetching}
      >
        <ProblemDetails error={addons.error} />
      </ErrorBanner>
    );
  const done = (text: string) => {
    setOpen(undefined);
    setNotice(text);
  };
  return (
    <div className="flex flex-col gap-3">
      <SourceErrorsBanner errors={data.errors} sources={undefined} />
      {notice && (
        <p role="status" className="rounded border border-line p-2">
          {notice}
        </p>
      )}
      {canChange && (
        <div>
          <button
            type="button"
            className="btn-primary"
            disabled={data.available.length === 0}
            title={
              data.available.length === 0
                ? 'Every add-on of the catalogue for this Kubernetes version is installed.'
                : undefined
            }
            onClick={() => setOpen({ kind: 'install' })}
          >
            Install add-on
          </button>
        </div>
      )}
      <table aria-label="Add-ons" className="w-full text-left">
        <thead className="text-fg-muted">
          <tr>
            <th className="py-1">Add-on</th>
            <th>Version</th>
            <th>Drift</th>
            <th>Status</th>
            <th>Health</th>
            {canChange && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {data.items.map((addon) => (
            <tr key={addon.name} className="border-t border-line align-top">
              <th scope="row" className="py-2 font-medium">
                {addon.name}
              </th>
              <td className="py-2 font-mono text-xs">{addon.version}</td>
              <td className="py-2">
                <span className="flex flex-col gap-0.5">
                  <VersionStanding addon={addon} />
                  {addon.updateAvailable && (
                    <span className="font-mono text-xs text-fg-muted">
                      newest {addon.latestVersion}
                    </span>
                  )}
                </span>
              </td>
              <td className="py-2">
                <StatusBadge status={addon.status} />
              </td>
              <td className="py-2">
                <AddonIssues addon={addon} />
              </td>
              {canChange && (
                <td className="py-2">
                  <span className="flex gap-2">
                    <button
                      type="button"
                      aria-label={`Update ${addon.name}`}
                      disabled={addon.status !== 'ACTIVE' && addon.status !== 'DEGRADED'}
                      onClick={() => setOpen({ kind: 'update', addon })}
                    >
                      Update
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete ${addon.name}`}
                      disabled={addon.status === 'DELETING' || addon.status === 'CREATING'}
                      onClick={() => setOpen({ kind: 'delete', addon })}
                    >
                      Delete
                    </button>
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {data.available.length > 0 && (
        <p className="text-xs text-fg-muted">
          Not installed:{' '}
          {data.available.map((a) => `${a.name} (${a.defaultVersion ?? '?'})`).join(', ')}
        </p>
      )}
      {open?.kind === 'install' && (
        <InstallAddonDialog
          clusterRef={ref}
          available={data.available}
          onClose={() => setOpen(undefined)}
          onDone={done}
        />
      )}
      {open?.kind === 'update' && (
        <UpdateAddonDialog
          clusterRef={ref}
          addon={open.addon}
          onClose={() => setOpen(undefined)}
          onDone={done}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteAddonDialog
          clusterRef={ref}
          addon={open.addon}
          onClose={() => setOpen(undefined)}
          onDone={done}
        />
      )}
    </div>
  );
}
