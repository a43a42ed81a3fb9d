import { UpdateLoggingRequest, type ClusterDetail, type LogType } from '@wheelhouse/contract';
import { LOG_TYPE_LABELS } from '@wheelhouse/contract/constants';
import { useUpdateLogging } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
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

/** The dialog's field: the log types that should be on. */
interface LoggingFormValues {
  selected: LogType[];
}

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
  const { form, onSubmit } = useChangeForm(UpdateLoggingRequest, mutation, {
    defaultValues: {
      selected: cluster.logging.filter((entry) => entry.enabled).map((entry) => entry.type),
    },
    toRequest: (values: LoggingFormValues) => loggingDiff(cluster.logging, values.selected),
  });
  const selected = form.watch('selected');
  const diff = loggingDiff(cluster.logging, selected);
  const changed = diff.enable.length + diff.disable.length > 0;

  return (
    <ChangeFormDialog
      title="Control plane logging"
      description="Each log type turned on goes to CloudWatch Logs, charged at CloudWatch rates."
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((result, request) =>
        onDone({
          text: [
            request.enable.length > 0 && `Turning on ${names(request.enable)} logs`,
            request.disable.length > 0 && `turning off ${names(request.disable)} logs`,
          ]
            .filter(Boolean)
            .join('; ')
            .replace(/^t/, 'T')
            .concat('.'),
          doneText: `Control plane logging of ${cluster.name} updated.`,
          subject: { kind: 'cluster', name: cluster.name },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
      )}
      submitLabel="Save logging"
      pendingLabel="Saving…"
      disabled={!changed}
    >
      <LogTypeCheckboxes
        legend="Log types"
        selected={selected}
        onChange={(next) => form.setValue('selected', next, { shouldDirty: true })}
      />
      <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
        {changed ? (
          <>
            {diff.enable.length > 0 && <span className="block">Turn on: {names(diff.enable)}</span>}
            {diff.disable.length > 0 && (
              <span className="block">Turn off: {names(diff.disable)}</span>
            )}
          </>
        ) : (
          <span className="text-fg-muted">No changes yet.</span>
        )}
      </p>
    </ChangeFormDialog>
  );
}
