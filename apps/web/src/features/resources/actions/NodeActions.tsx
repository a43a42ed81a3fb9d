import { useState, type FormEvent } from 'react';
import type { ClusterRef, DrainResult, NodeSummary } from '@wheelhouse/contract';
import { useDrainPreview, useNodeAction } from '../../../api/workloadActions.ts';
import { Dialog, DialogFooter, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { BudgetImpactList } from './BudgetImpactList.tsx';
import { useAccessReview } from '../../../api/accessReview.ts';
import { useRefusal } from './refusal.tsx';

/** Cordon or uncordon, and drain, for one node row. */
export function NodeActions({ clusterRef, node }: { clusterRef: ClusterRef; node: NodeSummary }) {
  const toggle = useNodeAction(clusterRef, node.name, node.unschedulable ? 'uncordon' : 'cordon');
  const [draining, setDraining] = useState(false);
  const verb = node.unschedulable ? 'Uncordon' : 'Cordon';
  const review = useAccessReview(clusterRef, '');
  const cordon = useRefusal(review.decide('cordon nodes'));
  // Drain cordons first, then evicts: both must be allowed.
  const drainDecision =
    review.decide('cordon nodes').allowed === false
      ? review.decide('cordon nodes')
      : review.decide('evict pods');
  const drainRefusal = useRefusal(drainDecision);
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className="btn-secondary h-7 px-2"
        aria-label={`${verb} ${node.name}`}
        disabled={toggle.isPending}
        {...cordon.control}
        onClick={() => toggle.mutate(undefined)}
      >
        {verb}
      </button>
      <button
        type="button"
        className="btn-secondary h-7 px-2"
        aria-label={`Drain ${node.name}`}
        {...drainRefusal.control}
        onClick={() => setDraining(true)}
      >
        Drain
      </button>
      {cordon.hint ?? drainRefusal.hint}
      {toggle.error !== null && (
        <span role="alert" className="text-danger">
          {toggle.error instanceof Error ? toggle.error.message : 'Failed'}
        </span>
      )}
      {draining && (
        <DrainDialog clusterRef={clusterRef} node={node.name} onClose={() => setDraining(false)} />
      )}
    </div>
  );
}

function DrainDialog({
  clusterRef,
  node,
  onClose,
}: {
  clusterRef: ClusterRef;
  node: string;
  onClose: () => void;
}) {
  const preview = useDrainPreview(clusterRef, node, true);
  const drain = useNodeAction(clusterRef, node, 'drain');
  const result = drain.data as DrainResult | undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    drain.mutate(undefined);
  };
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={`Drain ${node}?`}
      busy={drain.isPending}
      size="lg"
    >
      {result ? (
        <div className="flex flex-col gap-3">
          <p role="status">{result.message}</p>
          <ul aria-label="Pods of the drain" className="flex flex-col gap-1">
            {result.pods.map((pod) => (
              <li
                key={`${pod.namespace}/${pod.name}`}
                className={
                  pod.outcome === 'blocked' || pod.outcome === 'failed' ? 'text-danger' : ''
                }
              >
                <span className="font-mono">
                  {pod.namespace}/{pod.name}
                </span>
                : {pod.outcome}
                {pod.message ? ` — ${pod.message}` : ''}
              </li>
            ))}
          </ul>
          <DialogFooter>
            <button type="button" className="btn-primary" onClick={onClose}>
              Close
            </button>
          </DialogFooter>
        </div>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3">
          <p>
            The node is cordoned, then each of its pods is evicted through the Eviction API
            (DaemonSet pods stay). A PodDisruptionBudget that allows no more disruption keeps its
            pods here; the console reports them and does not override the budget.
          </p>
          {preview.data && <p>{preview.data.pods} pods would be evicted.</p>}
          <BudgetImpactList
            preview={preview.data}
            error={preview.error}
            loading={preview.isPending}
            what="the drain"
          />
          {drain.error !== null && <SubmitError error={drain.error} />}
          <DialogSubmitFooter
            onCancel={onClose}
            pending={drain.isPending}
            label="Drain"
            pendingLabel="Draining…"
            tone="danger"
          />
        </form>
      )}
    </Dialog>
  );
}
