import { useState } from 'react';
import {
  UpdateAddonRequest,
  type ClusterRef,
  type InstalledAddon,
  type ResolveConflicts,
} from '@wheelhouse/contract';
import { useUpdateAddon } from '../../api/addons.ts';
import { Dialog, DialogSubmitFooter } from '../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { serverFieldErrors } from '../../components/forms/formValidation.ts';
import { useChangeSubmit, validateChange } from '../../components/forms/useChangeSubmit.ts';
import { SubmitError } from '../../components/SubmitError.tsx';

const CONFLICTS: Array<{ value: ResolveConflicts; label: string }> = [
  { value: 'NONE', label: 'None: fail if fields were changed outside EKS' },
  { value: 'OVERWRITE', label: 'Overwrite: replace fields changed outside EKS' },
  { value: 'PRESERVE', label: 'Preserve: keep fields changed outside EKS' },
];

/** Move an add-on to another build that runs on the cluster's Kubernetes version. */
export function UpdateAddonDialog({
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
  const mutation = useUpdateAddon(clusterRef, addon.name);
  const [version, setVersion] = useState(addon.newerVersions[0] ?? addon.version);
  const [resolveConflicts, setResolveConflicts] = useState<ResolveConflicts>('NONE');
  const [configurationValues, setConfigurationValues] = useState(addon.configurationValues ?? '');
  const payload = {
    version,
    resolveConflicts,
    ...(configurationValues.trim() !== (addon.configurationValues ?? '').trim()
      ? { configurationValues }
      : {}),
  };
  const check = validateChange(UpdateAddonRequest, payload, {
    version: 'a version',
    configurationValues: 'configuration values',
  });
  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body, {
      onSuccess: () => onDone(`Updating ${addon.name} to ${body.version}.`),
    }),
  );
  const clientErrors = check.ok || !submitted ? {} : check.errors;
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (field: 'version' | 'configurationValues') =>
    clientErrors[field] ?? serverErrors[field];
  const choices = [...new Set([...addon.newerVersions, addon.version])];

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Update add-on ${addon.name}`}
      description={
        <>
          Now at {addon.version}
          {addon.latestVersion && <>; newest for this cluster {addon.latestVersion}</>}
          {addon.defaultVersion && <>; EKS default {addon.defaultVersion}</>}.
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
        <FormField label="Version" error={errorOf('version')}>
          {(control) => (
            <select
              {...control}
              className={`${INPUT_CLASSES} font-mono`}
              value={version}
              onChange={(event) => setVersion(event.target.value)}
            >
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                  {choice === addon.version ? ' (installed)' : ''}
                  {choice === addon.defaultVersion ? ' (default)' : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Conflicts" hint="What EKS does with fields someone changed by hand.">
          {(control) => (
            <select
              {...control}
              className={INPUT_CLASSES}
              value={resolveConflicts}
              onChange={(event) => setResolveConflicts(event.target.value as ResolveConflicts)}
            >
              {CONFLICTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Configuration values (JSON)"
          hint="Optional. A JSON object; leave as is to keep the current configuration."
          error={errorOf('configurationValues')}
        >
          {(control) => (
            <textarea
              {...control}
              className={`${INPUT_CLASSES} min-h-20 font-mono`}
              value={configurationValues}
              onChange={(event) => setConfigurationValues(event.target.value)}
              spellCheck={false}
            />
          )}
        </FormField>
        <SubmitError error={mutation.error} />
        <DialogSubmitFooter
          onCancel={onClose}
          label="Update"
          pendingLabel="Updating…"
          pending={mutation.isPending}
        />
      </form>
    </Dialog>
  );
}
