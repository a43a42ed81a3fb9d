import { UpdateTagsRequest, type ClusterDetail } from '@wheelhouse/contract';
import { useUpdateClusterTags } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import type { FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  rowsOf,
  rowsToRecord,
  tagRowErrors,
  type KeyValueRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
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

/** The dialog's field: the tags as typed, one row each. */
interface TagsFormValues {
  rows: KeyValueRow[];
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
  const { form, submitted, onSubmit } = useChangeForm(UpdateTagsRequest, mutation, {
    defaultValues: {
      // Sorted by key, as the Tags tab lists them.
      rows: rowsOf(
        Object.fromEntries(Object.entries(cluster.tags).sort(([a], [b]) => a.localeCompare(b))),
      ),
    },
    toRequest: (values: TagsFormValues) => tagsDiff(cluster.tags, rowsToRecord(values.rows)),
    // The editor shows each row's message on its row; this keeps a bad row from being sent.
    check: (values): FieldErrors =>
      tagRowErrors(values.rows).size > 0 ? { rows: 'a tag needs fixing' } : {},
  });
  const rows = form.watch('rows');
  const diff = tagsDiff(cluster.tags, rowsToRecord(rows));
  const changes = Object.keys(diff.add).length + diff.remove.length;

  return (
    <ChangeFormDialog
      title="Edit tags"
      description="AWS tags on the cluster resource (keys up to 128 characters, values up to 256)."
      size="lg"
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((_result, request) =>
        onDone({
          text: `Tags of ${cluster.name} saved: ${Object.keys(request.add).length} set, ${request.remove.length} removed.`,
        }),
      )}
      submitLabel="Save tags"
      pendingLabel="Saving…"
      disabled={changes === 0}
    >
      <KeyValueRowsEditor
        legend="Tags"
        noun="tag"
        rows={rows}
        onChange={(next) => form.setValue('rows', next, { shouldDirty: true })}
        errors={tagRowErrors(rows)}
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
    </ChangeFormDialog>
  );
}
