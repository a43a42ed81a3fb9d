import { useId, useState } from 'react';
import {
  UpdateNodegroupVersionRequest,
  type ClusterRef,
  type Nodegroup,
} from '@wheelhouse/contract';
import { useUpdateNodegroupVersion } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { serverFieldErrors } from '../../../components/forms/formValidation.ts';
import { useChangeSubmit, validateChange } from '../../../components/forms/useChangeSubmit.ts';
import { AlertIcon } from '../../../components/Icons.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';

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
  const [version, setVersion] = useState(behind ? clusterVersion : '');
  const [releaseVersion, setReleaseVersion] = useState('');
  const [force, setForce] = useState(false);
  const [edited, setEdited] = useState(false);
  const forceWarningId = useId();

  const payload = {
    ...(version.trim() ? { version: version.trim() } : {}),
    ...(releaseVersion.trim() ? { releaseVersion: releaseVersion.trim() } : {}),
    ...(force ? { force: true } : {}),
  };
  const check = validateChange(UpdateNodegroupVersionRequest, payload, NAMES);
  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body, {
      onSuccess: (result) =>
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
    }),
  );
  const clientErrors = check.ok || !(edited || submitted) ? {} : check.errors;
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (field: 'version' | 'releaseVersion') =>
    clientErrors[field] ?? serverErrors[field];

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Update version of ${nodegroup.name}`}
      description={
        <>
          Now at Kubernetes {nodegroup.version ?? 'unknown'}, release{' '}
          {nodegroup.releaseVersion ?? 'unknown'}
          {clusterVersion && <>; the cluster runs {clusterVersion}</>}.
        </>
      }
      busy={mutation.isPending}
    >
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit(payload, check.ok);
        }}
      >
        <FormField
          label="Kubernetes version"
          hint="A node group may not run a newer version than the cluster's control plane."
          error={errorOf('version')}
        >
          {(control) => (
            <input
              {...control}
              className={INPUT_CLASSES}
              placeholder={clusterVersion ?? '1.31'}
              value={version}
              onChange={(event) => {
                setEdited(true);
                setVersion(event.target.value);
              }}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField
          label="AMI release version"
          hint="Optional. Leave empty for the latest AMI release of that Kubernetes version."
          error={errorOf('releaseVersion')}
        >
          {(control) => (
            <input
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              placeholder={nodegroup.releaseVersion ?? '1.31.0-20240514'}
              value={releaseVersion}
              onChange={(event) => {
                setEdited(true);
                setReleaseVersion(event.target.value);
              }}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={force}
              onChange={(event) => setForce(event.target.checked)}
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
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Update version"
          pendingLabel="Starting update…"
        />
      </form>
    </Dialog>
  );
}
