import {
  ScaleNodegroupRequest,
  type ClusterRef,
  type DisruptionBudget,
  type Nodegroup,
} from '@wheelhouse/contract';
import { useScaleNodegroup } from '../../../api/compute.ts';
import { useNodegroupDisruption } from '../../../api/workloads.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import { numberOrUndefined } from '../../../components/forms/formValidation.ts';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import { AlertIcon } from '../../../components/Icons.tsx';
import { plural } from '../computeDisplay.ts';
import { budgetText, scaleDownWarning } from './scaleDownImpact.ts';

type SizeField = 'minSize' | 'desiredSize' | 'maxSize';

const FIELDS: { field: SizeField; label: string }[] = [
  { field: 'minSize', label: 'Minimum size' },
  { field: 'desiredSize', label: 'Desired size' },
  { field: 'maxSize', label: 'Maximum size' },
];

// The schema's messages name fields ("must be at most maxSize"); say them in words here.
const NAMES = { minSize: 'the minimum', maxSize: 'the maximum', desiredSize: 'the desired size' };

type Sizes = { minSize?: number; desiredSize?: number; maxSize?: number };

function unchanged(from: Nodegroup['scaling'], to: Sizes): boolean {
  return (
    from.desiredSize === to.desiredSize &&
    from.minSize === to.minSize &&
    from.maxSize === to.maxSize
  );
}

/** "2 → 4 instances", plus what happens to the bounds. */
export function scalePreview(from: Nodegroup['scaling'], to: Sizes): string {
  if (unchanged(from, to)) return 'No change: these are the current sizes';
  const parts = [
    from.desiredSize === to.desiredSize
      ? `Stays at ${plural(from.desiredSize, 'instance')}`
      : `${from.desiredSize} → ${plural(to.desiredSize ?? 0, 'instance')}`,
  ];
  if (to.minSize !== from.minSize) parts.push(`minimum ${from.minSize} → ${to.minSize}`);
  if (to.maxSize !== from.maxSize) parts.push(`maximum ${from.maxSize} → ${to.maxSize}`);
  return parts.join('; ');
}

/**
 * What scaling down evicts and the PodDisruptionBudgets the drain must respect (a budget with no
 * disruption left holds the drain up); when the cluster could not be read, it says so.
 */
function ScaleDownNotice({
  warning,
  budgets,
  unread,
}: {
  warning: string | undefined;
  budgets: DisruptionBudget[];
  unread: boolean;
}) {
  if (!warning) return null;
  return (
    <div
      role="status"
      className="flex gap-2 rounded-md border border-warning-line bg-warning-bg px-3 py-2 text-warning-fg"
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="flex flex-col gap-1">
        <p>
          {warning}
          {unread && (
            <span className="block text-xs">
              The console could not read the cluster&rsquo;s nodes and pods to count them.
            </span>
          )}
        </p>
        {budgets.length > 0 && (
          <>
            <p>PodDisruptionBudgets the drain must respect:</p>
            <ul aria-label="PodDisruptionBudgets affected" className="list-disc pl-5">
              {budgets.map((budget) => (
                <li key={`${budget.namespace}/${budget.name}`} className="font-mono text-xs">
                  {budgetText(budget)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

/** The three sizes as typed. */
type ScaleFormValues = Record<SizeField, string>;

const toSizes = (values: ScaleFormValues) => ({
  minSize: numberOrUndefined(values.minSize),
  maxSize: numberOrUndefined(values.maxSize),
  desiredSize: numberOrUndefined(values.desiredSize),
});

/** Scale a managed node group: minimum, desired and maximum size, checked before sending. */
export function ScaleDialog({
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
  const mutation = useScaleNodegroup(clusterRef, nodegroup.name);
  const disruption = useNodegroupDisruption(clusterRef, nodegroup.name);
  const { form, errorOf, preview, onSubmit } = useChangeForm(ScaleNodegroupRequest, mutation, {
    defaultValues: {
      minSize: String(nodegroup.scaling.minSize),
      desiredSize: String(nodegroup.scaling.desiredSize),
      maxSize: String(nodegroup.scaling.maxSize),
    },
    toRequest: toSizes,
    names: NAMES,
    // The three sizes constrain each other, so once one is edited every message is relevant.
    reveal: 'edited',
  });
  const sizes = preview(form.watch());
  // Sending the current sizes or sizes EKS would refuse cannot help; say why instead.
  const blockedBy = !sizes
    ? 'Fix the sizes above to scale'
    : unchanged(nodegroup.scaling, sizes)
      ? 'Nothing to send: change a size first'
      : undefined;

  return (
    <ChangeFormDialog
      title={`Scale node group ${nodegroup.name}`}
      description="EKS launches or terminates instances to reach the desired size; the Cluster Autoscaler may change it later within the minimum and maximum."
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((result, body) =>
        onDone({
          text: `Scaling ${nodegroup.name} to ${plural(body.desiredSize, 'instance')}.`,
          doneText: `${nodegroup.name} scaled to ${plural(body.desiredSize, 'instance')}.`,
          subject: { kind: 'nodegroup', name: nodegroup.name, until: 'settled' },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
      )}
      disabled={blockedBy !== undefined}
      disabledReason={blockedBy}
      submitLabel="Scale"
      pendingLabel="Scaling…"
    >
      <div className="grid grid-cols-3 gap-3">
        {FIELDS.map(({ field, label }) => (
          <FormField key={field} label={label} error={errorOf(field)}>
            {(control) => (
              <input
                {...control}
                {...form.register(field)}
                type="number"
                inputMode="numeric"
                min={field === 'maxSize' ? 1 : 0}
                step={1}
                className={`${INPUT_CLASSES} tabular-nums`}
              />
            )}
          </FormField>
        ))}
      </div>
      <p aria-live="polite" className="rounded-md bg-surface-muted px-3 py-2">
        <span className="text-fg-muted">Preview: </span>
        {sizes ? (
          <span className="font-medium">{scalePreview(nodegroup.scaling, sizes)}</span>
        ) : (
          <span className="text-fg-muted">fix the sizes above to see the change</span>
        )}
        {nodegroup.currentInstances !== undefined && (
          <span className="block text-xs text-fg-muted">
            {plural(nodegroup.currentInstances, 'instance')} running now
          </span>
        )}
      </p>
      {sizes && (
        <ScaleDownNotice
          warning={scaleDownWarning(
            nodegroup.scaling.desiredSize,
            sizes.desiredSize,
            disruption.data,
          )}
          budgets={disruption.data?.budgets ?? []}
          unread={disruption.isError}
        />
      )}
    </ChangeFormDialog>
  );
}
