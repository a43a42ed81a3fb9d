import { useId } from 'react';
import {
  UpdateNodegroupVersionRequest,
  type ClusterRef,
  type Nodegroup,
} from '@wheelhouse/contract';
import { useUpdateNodegroupVersion } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import { TextField } from '../../../components/forms/TextField.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import { AlertIcon } from '../../../components/Icons.tsx';

/** The dialog's fields as typed. */
interface VersionFormValues {
  version: string;
  releaseVersion: string;
  force: boolean;
}

const NAMES = { version: 'a Kubernetes version', releaseVersion: 'an AMI release version' };

/**
 * Update a node group's Kubernetes version or AMI release. EKS replaces the nodes one batch at a
 * time, draining each; `force` replaces them even when a pod disruption budget forbids draining.
 */
export function UpdateVersionDialog({
  clusterRef,
  nodegroup,
  clusterVersion,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  nodegroup: Nodegroup;
  /** The control plane's version: node groups may not be newer, so it is the usual target. */
  clusterVersion: string | undefined;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useUpdateNodegroupVersion(clusterRef, nodegroup.name);
  const behind = clusterVersion !== undefined && clusterVersion !== nodegroup.version;
  const forceWarningId = useId();
  const { form, errorOf, onSubmit } = useChangeForm(UpdateNodegroupVersionRequest, mutation, {
    defaultValues: { version: behind ? clusterVersion : '', releaseVersion: '', force: false },
    toRequest: (values: VersionFormValues) => ({
      ...(values.version.trim() ? { version: values.version.trim() } : {}),
      ...(values.releaseVersion.trim() ? { releaseVersion: values.releaseVersion.trim() } : {}),
      ...(values.force ? { force: true } : {}),
    }),
    names: NAMES,
    // "Give version or releaseVersion" is about both fields: it follows edits to either.
    reveal: 'edited',
  });
  const force = form.watch('force');

  return (
    <ChangeFormDialog
      title={`Update version of ${nodegroup.name}`}
      description={
        <>
          Now at Kubernetes {nodegroup.version ?? 'unknown'}, release{' '}
          {nodegroup.releaseVersion ?? 'unknown'}
          {clusterVersion && <>; the cluster runs {clusterVersion}</>}.
        </>
      }
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((result, body) =>
        onDone({
          text: `Updating ${nodegroup.name} to ${
            body.version ? `Kubernetes ${body.version}` : `release ${body.releaseVersion}`
          }${body.force ? ' (forced)' : ''}. EKS replaces its nodes in batches.`,
          doneText: `${nodegroup.name} updated to ${
            body.version ? `Kubernetes ${body.version}` : `release ${body.releaseVersion}`
          }.`,
          subject: { kind: 'nodegroup', name: nodegroup.name, until: 'settled' },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
      )}
      submitLabel="Update version"
      pendingLabel="Starting update…"
    >
      <TextField
        label="Kubernetes version"
        hint="A node group may not run a newer version than the cluster's control plane."
        error={errorOf('version')}
        field={form.register('version')}
        placeholder={clusterVersion ?? '1.31'}
      />
      <TextField
        label="AMI release version"
        hint="Optional. Leave empty for the latest AMI release of that Kubernetes version."
        error={errorOf('releaseVersion')}
        field={form.register('releaseVersion')}
        placeholder={nodegroup.releaseVersion ?? '1.31.0-20240514'}
        mono
      />
      <div className="flex flex-col gap-2">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4 accent-accent"
            {...form.register('force')}
            aria-describedby={forceWarningId}
          />
          Force the update
        </label>
        <p
          id={forceWarningId}
          className={`flex items-start gap-2 rounded-md border px-3 py-2 text-xs ${
            force
              ? 'border-warning-line bg-warning-bg text-warning-fg'
              : 'border-line text-fg-muted'
          }`}
        >
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          <span>
            Forcing ignores pod disruption budgets: nodes are replaced even when their pods cannot
            be drained safely, which can take workloads down.
          </span>
        </p>
      </div>
    </ChangeFormDialog>
  );
}
