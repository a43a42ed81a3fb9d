import { useState } from 'react';
import type { ClusterDetail, VersionSkew } from '@wheelhouse/contract';
import { useUpdateClusterVersion, useUpgradePlan } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Chip } from '../../../components/Chip.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { useRequestToken } from '../../../components/forms/requestToken.ts';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { refOf } from './clusterRef.ts';

const cell = 'border-b border-line px-2 py-1.5 text-left';
const head = `${cell} text-xs font-semibold text-fg-muted`;

/** How far each node group's kubelets would trail the control plane after the update. */
function SkewTable({ skew, target }: { skew: VersionSkew[]; target: string }) {
  if (skew.length === 0) {
    return <p className="text-fg-muted">No managed node groups with a version to compare.</p>;
  }
  return (
    <table aria-label="Node group version skew" className="w-full border-separate border-spacing-0">
      <thead>
        <tr>
          <th scope="col" className={head}>
            Node group
          </th>
          <th scope="col" className={head}>
            Version
          </th>
          <th scope="col" className={head}>
            Behind {target}
          </th>
          <th scope="col" className={head}>
            Skew
          </th>
        </tr>
      </thead>
      <tbody>
        {skew.map((entry) => (
          <tr key={entry.nodegroup}>
            <th scope="row" className={`${cell} font-medium`}>
              {entry.nodegroup}
            </th>
            <td className={`${cell} tabular-nums`}>{entry.version}</td>
            <td className={`${cell} tabular-nums`}>
              {entry.behind} {entry.behind === 1 ? 'minor version' : 'minor versions'}
            </td>
            <td className={cell}>
              {entry.tooFar ? (
                <Chip tone="danger">too far behind</Chip>
              ) : (
                <Chip tone="success">within limits</Chip>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Update the Kubernetes version: EKS goes one minor version at a time, so the dialog offers the one
 * next version from the upgrade plan, shows the node groups' skew after it, and asks for an
 * explicit "update anyway" when some node group would fall too far behind.
 */
export function UpgradeVersionDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const ref = refOf(cluster);
  const plan = useUpgradePlan(ref);
  const update = useUpdateClusterVersion(ref);
  const tokenFor = useRequestToken();
  const [acknowledged, setAcknowledged] = useState(false);

  const next = plan.data?.next;
  const tooFar = plan.data?.skew.some((entry) => entry.tooFar) ?? false;
  const blocked = !next || (tooFar && !acknowledged) || update.isPending;

  let body;
  if (plan.isPending) {
    body = <LoadingState label="Reading the upgrade plan…" />;
  } else if (!plan.data) {
    body = (
      <ErrorBanner
        title="Could not read the upgrade plan"
        onRetry={() => void plan.refetch()}
        retrying={plan.isFetching}
      >
        <ProblemDetails error={plan.error} />
      </ErrorBanner>
    );
  } else {
    const { current, warnings, skew, path } = plan.data;
    body = (
      <div className="flex flex-col gap-4">
        <p className="flex items-center gap-3 text-lg" aria-label="Version change">
          <span className="tabular-nums">{current ?? '—'}</span>
          <span aria-hidden="true" className="text-fg-muted">
            →
          </span>
          <span className="sr-only"> to </span>
          <span className="font-semibold tabular-nums">{next ?? 'no newer version'}</span>
        </p>
        {path && path.length > 0 && (
          <p aria-label="Path to a supported version">
            Path to a supported version: {[current, ...path].join(' → ')}, one update each
            {path.length > 1 ? `; this update is the first step (${next}).` : '.'}
          </p>
        )}
        <p className="text-fg-muted">
          EKS updates the control plane one minor version at a time; the API server stays available.
          Node groups and add-ons are updated separately afterwards, and a version update cannot be
          undone.
        </p>
        {warnings.length > 0 && (
          <ErrorBanner title="Before you update" tone="warning">
            <ul className="list-disc pl-5">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </ErrorBanner>
        )}
        <SkewTable skew={skew} target={next ?? current ?? ''} />
        {next && tooFar && (
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-accent"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
            />
            <span>
              Update anyway: I know the node groups marked “too far behind” must be updated before
              their kubelets stop being supported.
            </span>
          </label>
        )}
      </div>
    );
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Update Kubernetes version"
      size="lg"
      busy={update.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (blocked || !next) return;
          const payload = { version: next };
          update.mutate(
            { ...payload, clientRequestToken: tokenFor(payload) },
            {
              onSuccess: (result) =>
                onDone({
                  text: `Updating ${cluster.name} from Kubernetes ${plan.data?.current ?? ''} to ${next}.`,
                  doneText: `${cluster.name} runs Kubernetes ${next}.`,
                  subject: { kind: 'cluster', name: cluster.name },
                  ...(result.update ? { updateId: result.update.id } : {}),
                }),
            },
          );
        }}
      >
        {body}
        {update.isError && <SubmitError error={update.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={update.isPending}
          label={next ? `Update to ${next}` : 'Update'}
          pendingLabel="Updating…"
          disabled={blocked}
        />
      </form>
    </Dialog>
  );
}
