import type { PathValue } from 'react-hook-form';
import {
  UpdateLabelsTaintsRequest,
  type ClusterRef,
  type Nodegroup,
  type Taint,
} from '@wheelhouse/contract';
import { useUpdateLabelsTaints } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { FieldError } from '../../../components/FormField.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import type { FieldErrors } from '../../../components/forms/formValidation.ts';
import {
  labelRowErrors,
  rowsToRecord,
  rowsToTaints,
  taintRowErrors,
  type KeyValueRow,
  type TaintRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import { labelPairs, plural, taintText } from '../computeDisplay.ts';
import { TaintRowsEditor } from './TaintRowsEditor.tsx';

/** The request's diff part: what to add or update and what to remove; empty parts left out. */
export function labelsTaintsDiff(
  nodegroup: Nodegroup,
  removedLabels: ReadonlySet<string>,
  removedTaints: ReadonlySet<string>,
  labelRows: KeyValueRow[],
  taintRows: TaintRow[],
): Omit<UpdateLabelsTaintsRequest, 'clientRequestToken'> {
  const addOrUpdateLabels = rowsToRecord(labelRows);
  const addOrUpdateTaints = rowsToTaints(taintRows);
  // Re-adding a removed key is an update of its value, not a removal.
  const removeLabels = Object.keys(nodegroup.labels).filter(
    (key) => removedLabels.has(key) && !(key in addOrUpdateLabels),
  );
  const sameSlot = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const removeTaints = nodegroup.taints.filter(
    (taint) =>
      removedTaints.has(taintText(taint)) && !addOrUpdateTaints.some((t) => sameSlot(t, taint)),
  );
  return {
    ...(Object.keys(addOrUpdateLabels).length ? { addOrUpdateLabels } : {}),
    ...(removeLabels.length ? { removeLabels } : {}),
    ...(addOrUpdateTaints.length ? { addOrUpdateTaints } : {}),
    ...(removeTaints.length ? { removeTaints } : {}),
  };
}

function diffSummary(diff: ReturnType<typeof labelsTaintsDiff>): string {
  const parts = [
    diff.addOrUpdateLabels && `sets ${plural(Object.keys(diff.addOrUpdateLabels).length, 'label')}`,
    diff.removeLabels && `removes ${plural(diff.removeLabels.length, 'label')}`,
    diff.addOrUpdateTaints && `sets ${plural(diff.addOrUpdateTaints.length, 'taint')}`,
    diff.removeTaints && `removes ${plural(diff.removeTaints.length, 'taint')}`,
  ].filter(Boolean);
  return parts.length ? `This ${parts.join(', ')}.` : 'No changes yet.';
}

function CurrentList({
  label,
  items,
  removed,
  onToggle,
  noun,
}: {
  label: string;
  items: string[];
  removed: ReadonlySet<string>;
  onToggle: (item: string) => void;
  noun: string;
}) {
  if (items.length === 0) return <p className="text-fg-muted">No {noun}s.</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {items.map((item) => {
        const gone = removed.has(item);
        return (
          <li key={item} className="flex items-center gap-2">
            <code
              className={`min-w-0 flex-1 truncate text-xs ${gone ? 'text-fg-muted line-through' : ''}`}
              title={item}
            >
              {item}
            </code>
            {gone && <span className="text-xs text-danger-fg">will be removed</span>}
            <button
              type="button"
              className="btn-ghost h-7 px-2 text-xs"
              aria-label={`${gone ? 'Keep' : 'Remove'} ${noun} ${item}`}
              onClick={() => onToggle(item)}
            >
              {gone ? 'Undo' : 'Remove'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const toggled = (list: readonly string[], item: string) =>
  list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];

/** The dialog's fields: current labels and taints marked for removal, and the rows to add. */
interface LabelsTaintsFormValues {
  /** `key=value` of each current label to remove, as the list shows them. */
  removedLabels: string[];
  /** `key=value:EFFECT` of each current taint to remove. */
  removedTaints: string[];
  labelRows: KeyValueRow[];
  taintRows: TaintRow[];
}

function diffOf(nodegroup: Nodegroup, values: LabelsTaintsFormValues) {
  const keyOfPair = new Map(
    labelPairs(nodegroup.labels).map((pair) => [pair, pair.split('=')[0]!]),
  );
  return labelsTaintsDiff(
    nodegroup,
    new Set(values.removedLabels.map((pair) => keyOfPair.get(pair) ?? pair)),
    new Set(values.removedTaints),
    values.labelRows,
    values.taintRows,
  );
}

const NOTHING_YET: LabelsTaintsFormValues = {
  removedLabels: [],
  removedTaints: [],
  labelRows: [],
  taintRows: [],
};

function rowChecks(values: LabelsTaintsFormValues, diff: object): FieldErrors {
  return {
    ...(labelRowErrors(values.labelRows).size > 0 ? { labelRows: 'a label needs fixing' } : {}),
    ...(taintRowErrors(values.taintRows).size > 0 ? { taintRows: 'a taint needs fixing' } : {}),
    ...(Object.keys(diff).length === 0
      ? { changes: 'Add, change or remove at least one label or taint.' }
      : {}),
  };
}

/** Edit a node group's Kubernetes labels and taints; sends only the differences. */
export function LabelsTaintsDialog({
  clusterRef,
  nodegroup,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  nodegroup: Nodegroup;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useUpdateLabelsTaints(clusterRef, nodegroup.name);
  const { form, errorOf, onSubmit } = useChangeForm(UpdateLabelsTaintsRequest, mutation, {
    defaultValues: NOTHING_YET,
    toRequest: (values: LabelsTaintsFormValues) => diffOf(nodegroup, values),
    check: (values) => rowChecks(values, diffOf(nodegroup, values)),
  });
  const values = form.watch();
  const edit = <K extends keyof LabelsTaintsFormValues>(
    name: K,
    value: PathValue<LabelsTaintsFormValues, K>,
  ) => {
    form.setValue(name, value, { shouldDirty: true });
    // A message about "no changes" goes once there is one.
    if (form.formState.submitCount > 0) void form.trigger();
  };

  return (
    <ChangeFormDialog
      title={`Edit labels and taints of ${nodegroup.name}`}
      description="EKS applies Kubernetes labels and taints to every node of the group; new nodes get them when they join."
      size="lg"
      gap="gap-5"
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((result) =>
        onDone({
          text: `Updating labels and taints of ${nodegroup.name}.`,
          doneText: `Labels and taints of ${nodegroup.name} updated.`,
          subject: { kind: 'nodegroup', name: nodegroup.name, until: 'settled' },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
      )}
      submitLabel="Save changes"
      pendingLabel="Saving…"
    >
      <section aria-label="Labels" className="flex flex-col gap-2">
        <h3 className="font-semibold">Labels</h3>
        <CurrentList
          label="Current labels"
          noun="label"
          items={labelPairs(nodegroup.labels)}
          removed={new Set(values.removedLabels)}
          onToggle={(item) => edit('removedLabels', toggled(values.removedLabels, item))}
        />
        <KeyValueRowsEditor
          legend="Add or change labels"
          noun="label"
          rows={values.labelRows}
          onChange={(rows) => edit('labelRows', rows)}
          errors={labelRowErrors(values.labelRows)}
          showErrors
        />
        <p className="text-xs text-fg-muted">To change a value, add the key again with it.</p>
      </section>
      <section aria-label="Taints" className="flex flex-col gap-2">
        <h3 className="font-semibold">Taints</h3>
        <CurrentList
          label="Current taints"
          noun="taint"
          items={nodegroup.taints.map(taintText)}
          removed={new Set(values.removedTaints)}
          onToggle={(item) => edit('removedTaints', toggled(values.removedTaints, item))}
        />
        <TaintRowsEditor
          legend="Add or change taints"
          rows={values.taintRows}
          onChange={(rows) => edit('taintRows', rows)}
          errors={taintRowErrors(values.taintRows)}
          showErrors
        />
      </section>
      <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
        {diffSummary(diffOf(nodegroup, values))}
      </p>
      {errorOf('changes') && <FieldError>{errorOf('changes')}</FieldError>}
    </ChangeFormDialog>
  );
}
