import { useState, type FormEvent } from 'react';
import {
  ScaleWorkloadRequest,
  type ClusterRef,
  type KubeActionResult,
  type ScalableKind,
  type Workload,
} from '@wheelhouse/contract';
import {
  actionKindOf,
  isScalable,
  useRestartWorkload,
  useScalePreview,
  useScaleWorkload,
} from '../../../api/workloadActions.ts';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { useSchemaForm } from '../../../components/forms/useSchemaForm.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { BudgetImpactList } from './BudgetImpactList.tsx';
import { useAccessReview, type KubeAction } from '../../../api/accessReview.ts';
import { useRefusal } from './refusal.tsx';

/** Restart (and for deployments and stateful sets, scale) buttons of one workload row. */
export function WorkloadActions({
  clusterRef,
  workload,
}: {
  clusterRef: ClusterRef;
  workload: Workload;
}) {
  const kind = actionKindOf(workload.kind);
  const [open, setOpen] = useState<'restart' | 'scale' | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const review = useAccessReview(clusterRef, workload.namespace);
  const restartRefusal = useRefusal(
    review.decide(`restart ${kind ?? 'deployments'}` as KubeAction),
  );
  const scaleRefusal = useRefusal(
    review.decide(`scale ${kind && isScalable(kind) ? kind : 'deployments'}` as KubeAction),
  );
  if (!kind) return null;
  const label = `${workload.kind} ${workload.namespace}/${workload.name}`;
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className="btn-secondary h-7 px-2"
        onClick={() => setOpen('restart')}
        aria-label={`Restart ${label}`}
        {...restartRefusal.control}
      >
        Restart
      </button>
      {isScalable(kind) && (
        <button
          type="button"
          className="btn-secondary h-7 px-2"
          onClick={() => setOpen('scale')}
          aria-label={`Scale ${label}`}
          {...scaleRefusal.control}
        >
          Scale
        </button>
      )}
      {restartRefusal.hint ?? (kind && isScalable(kind) ? scaleRefusal.hint : null)}
      {done && (
        <span role="status" className="sr-only">
          {done}
        </span>
      )}
      {open === 'restart' && (
        <RestartDialog
          clusterRef={clusterRef}
          workload={workload}
          onClose={() => setOpen(undefined)}
          onDone={setDone}
        />
      )}
      {open === 'scale' && isScalable(kind) && (
        <ScaleDialog
          clusterRef={clusterRef}
          kind={kind}
          workload={workload}
          onClose={() => setOpen(undefined)}
          onDone={setDone}
        />
      )}
    </div>
  );
}

function RestartDialog({
  clusterRef,
  workload,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  workload: Workload;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const restart = useRestartWorkload(
    clusterRef,
    actionKindOf(workload.kind)!,
    workload.namespace,
    workload.name,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    restart.mutate(undefined, {
      onSuccess: (result: KubeActionResult) => {
        onDone(result.message);
        onClose();
      },
    });
  };
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={`Restart ${workload.name}?`}
      busy={restart.isPending}
    >
      <form onSubmit={submit} className="flex flex-col gap-3">
        <p>
          A rollout restart replaces every pod of {workload.kind} {workload.namespace}/
          {workload.name}, a few at a time, as <code>kubectl rollout restart</code> does.
        </p>
        {restart.error !== null && <SubmitError error={restart.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={restart.isPending}
          label="Restart"
          pendingLabel="Restarting…"
        />
      </form>
    </Dialog>
  );
}

/** Text → replica count: only whole numbers count, so "2.5" or "abc" reads as no count. */
const replicasOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

function ScaleDialog({
  clusterRef,
  kind,
  workload,
  onClose,
  onDone,
}: {
  clusterRef: ClusterRef;
  kind: ScalableKind;
  workload: Workload;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const scale = useScaleWorkload(clusterRef, kind, workload.namespace, workload.name);
  const { form, errorOf, onSubmit } = useSchemaForm(ScaleWorkloadRequest, scale, {
    defaultValues: { replicas: String(workload.desired) },
    toRequest: ({ replicas }) => ({ replicas: replicasOf(replicas) }),
    toVariables: (request) => request.replicas,
  });
  const replicas = replicasOf(form.watch('replicas'));
  const scaleDown = replicas !== undefined && replicas < workload.desired;
  const preview = useScalePreview(
    clusterRef,
    kind,
    workload.namespace,
    workload.name,
    scaleDown ? replicas : undefined,
  );
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={`Scale ${workload.name}`}
      busy={scale.isPending}
    >
      <form
        onSubmit={onSubmit((result) => {
          onDone(result.message);
          onClose();
        })}
        noValidate
        className="flex flex-col gap-3"
      >
        <FormField label="Replicas" hint={`Now ${workload.desired}.`} error={errorOf('replicas')}>
          {(props) => (
            <input
              {...props}
              className={INPUT_CLASSES}
              inputMode="numeric"
              {...form.register('replicas')}
            />
          )}
        </FormField>
        {scaleDown && (
          <BudgetImpactList
            preview={preview.data}
            error={preview.error}
            loading={preview.isPending}
            what="this scale down"
          />
        )}
        {scale.error !== null && <SubmitError error={scale.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={scale.isPending}
          label="Scale"
          pendingLabel="Scaling…"
          disabled={replicas === undefined || replicas === workload.desired}
          disabledReason={
            replicas === undefined ? 'Enter a whole number.' : 'That is the current count.'
          }
        />
      </form>
    </Dialog>
  );
}
