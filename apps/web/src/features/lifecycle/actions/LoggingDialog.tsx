import { useState } from 'react';
import type { ClusterDetail, LogType } from '@wheelhouse/contract';
import { useUpdateLogging } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { useRequestToken } from '../../../components/forms/requestToken.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { LOG_TYPE_LABELS } from '@wheelhouse/contract/constants';
import { LogTypeCheckboxes } from '../forms/LogTypeCheckboxes.tsx';
import { refOf } from './clusterRef.ts';

/** What to ask EKS for: the types to turn on and the types to turn off (nothing else is sent). */
export function loggingDiff(
  current: ClusterDetail['logging'],
  wanted: readonly LogType[],
): { enable: LogType[]; disable: LogType[] } {
  const on = new Set(wanted);
  return {
    enable: current.filter((entry) => !entry.enabled && on.has(entry.type)).map((e) => e.type),
    disable: current.filter((entry) => entry.enabled && !on.has(entry.type)).map((e) => e.type),
  };
}

const names = (types: LogType[]) => types.map((type) => LOG_TYPE_LABELS[type]).join(', ');

/** Control-plane logging: one checkbox per log type; only the changes are sent. */
export function LoggingDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useUpdateLogging(refOf(cluster));
  const tokenFor = useRequestToken();
  const [selected, setSelected] = useState<LogType[]>(
    cluster.logging.filter((entry) => entry.enabled).map((entry) => entry.type),
  );
  const diff = loggingDiff(cluster.logging, selected);
  const changed = diff.enable.length + diff.disable.length > 0;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Control plane logging"
      description="Each log type turned on goes to CloudWatch Logs, charged at CloudWatch rates."
      busy={mutation.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!changed || mutation.isPending) return;
          mutation.mutate(
            { ...diff, clientRequestToken: tokenFor(diff) },
            {
              onSuccess: (result) =>
                onDone({
                  text: [
                    diff.enable.length > 0 && `Turning on ${names(diff.enable)} logs`,
                    diff.disable.length > 0 && `turning off ${names(diff.disable)} logs`,
                  ]
                    .filter(Boolean)
                    .join('; ')
                    .replace(/^t/, 'T')
                    .concat('.'),
                  doneText: `Control plane logging of ${cluster.name} updated.`,
                  subject: { kind: 'cluster', name: cluster.name },
                  ...(result.update ? { updateId: result.update.id } : {}),
                }),
            },
          );
        }}
      >
        <LogTypeCheckboxes legend="Log types" selected={selected} onChange={setSelected} />
        <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
          {changed ? (
            <>
              {diff.enable.length > 0 && (
                <span className="block">Turn on: {names(diff.enable)}</span>
              )}
              {diff.disable.length > 0 && (
                <span className="block">Turn off: {names(diff.disable)}</span>
              )}
            </>
          ) : (
            <span className="text-fg-muted">No changes yet.</span>
          )}
        </p>
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Save logging"
          pendingLabel="Saving…"
          disabled={!changed}
        />
      </form>
    </Dialog>
  );
}
