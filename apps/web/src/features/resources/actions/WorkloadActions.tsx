import { useState, type FormEvent } from 'react';
import type { ClusterRef, KubeActionResult, Workload } from '@wheelhouse/contract';
import {
  actionKindOf,
  isScalable,
  useRestartWorkload,
  useScalePreview,
  useScaleWorkload,
} from '../../../api/workloadActions.ts';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';
import type { ScalableKind } from '@wheelhouse/contract';
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
  const [value, setValue] = useState(String(workload.desired));
  const replicas = /^\d+$/.test(value) ? Number(value) : undefined;
  const scaleDown = replicas !== undefined && replicas < workload.desired;
  const scale = useScaleWorkload(clusterRef, kind, workload.namespace, workload.name);
  const preview = useScalePreview(
    clusterRef,
    kind,
    workload.namespace,
    workload.name,
    scaleDown ? replicas : undefined,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (replicas === undefined) return;
    scale.mutate(replicas, {
      onSuccess: (result) => {
        onDone(result.message);
        onClose();
      },
    });
  };
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={`Scale ${workload.name}`}
      busy={scale.isPending}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <FormField label="Replicas" hint={`Now ${workload.desired}.`}>
          {(props) => (
            <input
              {...props}
              className={INPUT_CLASSES}
              inputMode="numeric"
              value={value}
              onChange={(event) => setValue(event.target.value)}
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
