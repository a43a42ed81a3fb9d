import { useState } from 'react';
import {
  UpdateLabelsTaintsRequest,
  type ClusterRef,
  type Nodegroup,
  type Taint,
} from '@wheelhouse/contract';
import { useUpdateLabelsTaints } from '../../../api/compute.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FieldError } from '../../../components/FormField.tsx';
import {
  labelRowErrors,
  rowsToRecord,
  rowsToTaints,
  taintRowErrors,
  type KeyValueRow,
  type TaintRow,
} from '../../../components/forms/keyValueRows.ts';
import { KeyValueRowsEditor } from '../../../components/forms/KeyValueRowsEditor.tsx';
import { useChangeSubmit, validateChange } from '../../../components/forms/useChangeSubmit.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
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

const toggled = (set: ReadonlySet<string>, item: string) => {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
};

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
  const [removedLabels, setRemovedLabels] = useState<ReadonlySet<string>>(new Set());
  const [removedTaints, setRemovedTaints] = useState<ReadonlySet<string>>(new Set());
  const [labelRows, setLabelRows] = useState<KeyValueRow[]>([]);
  const [taintRows, setTaintRows] = useState<TaintRow[]>([]);

  const labelPairsByKey = new Map(
    labelPairs(nodegroup.labels).map((pair) => [pair, pair.split('=')[0]!]),
  );
  const removedLabelKeys = new Set(
    [...removedLabels].map((pair) => labelPairsByKey.get(pair) ?? pair),
  );
  const payload = labelsTaintsDiff(
    nodegroup,
    removedLabelKeys,
    removedTaints,
    labelRows,
    taintRows,
  );
  const labelErrors = labelRowErrors(labelRows);
  const taintErrors = taintRowErrors(taintRows);
  const check = validateChange(UpdateLabelsTaintsRequest, payload);
  const empty = Object.keys(payload).length === 0;
  const valid = check.ok && !empty && labelErrors.size === 0 && taintErrors.size === 0;

  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body, {
      onSuccess: (result) =>
        onDone({
          text: `Updating labels and taints of ${nodegroup.name}.`,
          doneText: `Labels and taints of ${nodegroup.name} updated.`,
          subject: { kind: 'nodegroup', name: nodegroup.name, until: 'settled' },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
    }),
  );

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Edit labels and taints of ${nodegroup.name}`}
      description="EKS applies Kubernetes labels and taints to every node of the group; new nodes get them when they join."
      busy={mutation.isPending}
      size="lg"
    >
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-5"
        onSubmit={(event) => {
          event.preventDefault();
          submit(payload, valid);
        }}
      >
        <section aria-label="Labels" className="flex flex-col gap-2">
          <h3 className="font-semibold">Labels</h3>
          <CurrentList
            label="Current labels"
            noun="label"
            items={labelPairs(nodegroup.labels)}
            removed={removedLabels}
            onToggle={(item) => setRemovedLabels(toggled(removedLabels, item))}
          />
          <KeyValueRowsEditor
            legend="Add or change labels"
            noun="label"
            rows={labelRows}
            onChange={setLabelRows}
            errors={labelErrors}
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
            removed={removedTaints}
            onToggle={(item) => setRemovedTaints(toggled(removedTaints, item))}
          />
          <TaintRowsEditor
            legend="Add or change taints"
            rows={taintRows}
            onChange={setTaintRows}
            errors={taintErrors}
            showErrors
          />
        </section>
        <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
          {diffSummary(payload)}
        </p>
        {submitted && empty && (
          <FieldError>Add, change or remove at least one label or taint.</FieldError>
        )}
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Save changes"
          pendingLabel="Saving…"
        />
      </form>
    </Dialog>
  );
}
