import { useState } from 'react';
import type { ClusterDetail, UpdateTagsRequest } from '@wheelhouse/contract';
import { useUpdateClusterTags } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import {
  rowsOf,
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { refOf } from './clusterRef.ts';

/** The tags to set (new keys and changed values) and the keys to remove. */
export function tagsDiff(
  current: Record<string, string>,
  wanted: Record<string, string>,
): UpdateTagsRequest {
  return {
    add: Object.fromEntries(
      Object.entries(wanted).filter(([key, value]) => current[key] !== value),
    ),
    remove: Object.keys(current).filter((key) => !(key in wanted)),
  };
}

/** Add, change and remove the cluster's AWS tags; only the difference is sent. */
export function TagsDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useUpdateClusterTags(refOf(cluster));
  const [rows, setRows] = useState<KeyValueRow[]>(() =>
    // Sorted by key, as the Tags tab lists them.
    rowsOf(Object.fromEntries(Object.entries(cluster.tags).sort(([a], [b]) => a.localeCompare(b)))),
  );
  const [submitted, setSubmitted] = useState(false);
  const rowErrors = tagRowErrors(rows);
  const diff = tagsDiff(cluster.tags, rowsToRecord(rows));
  const changes = Object.keys(diff.add).length + diff.remove.length;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Edit tags"
      description="AWS tags on the cluster resource (keys up to 128 characters, values up to 256)."
      size="lg"
      busy={mutation.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (rowErrors.size > 0 || changes === 0 || mutation.isPending) return;
          mutation.mutate(diff, {
            onSuccess: () =>
              onDone({
                text: `Tags of ${cluster.name} saved: ${Object.keys(diff.add).length} set, ${diff.remove.length} removed.`,
              }),
          });
        }}
      >
        <KeyValueRowsEditor
          legend="Tags"
          noun="tag"
          rows={rows}
          onChange={setRows}
          errors={rowErrors}
          showErrors={submitted}
        />
        <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
          {changes === 0 ? (
            <span className="text-fg-muted">No changes yet.</span>
          ) : (
            <>
              {Object.keys(diff.add).length > 0 && (
                <span className="block">
                  Set: <code className="text-xs">{Object.keys(diff.add).join(', ')}</code>
                </span>
              )}
              {diff.remove.length > 0 && (
                <span className="block">
                  Remove: <code className="text-xs">{diff.remove.join(', ')}</code>
                </span>
              )}
            </>
          )}
        </p>
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Save tags"
          pendingLabel="Saving…"
          disabled={changes === 0}
        />
      </form>
    </Dialog>
  );
}
