import { lazy, Suspense, useState } from 'react';
import type { ClusterRef, PodDetail } from '@wheelhouse/contract';
import { useDeletePod } from '../../../api/workloadActions.ts';
import { TypedConfirmDialog } from '../../../components/TypedConfirmDialog.tsx';
import { useCan } from '../../auth/index.ts';
import { useAccessReview } from '../../../api/accessReview.ts';
import { useRefusal } from './refusal.tsx';

// xterm is large: it loads only when a user opens a shell.
const PodTerminal = lazy(() => import('./PodTerminal.tsx'));

/** Delete (typed name) and Open shell, for operators and admins on the pod page. */
export function PodActions({ clusterRef, pod }: { clusterRef: ClusterRef; pod: PodDetail }) {
  const canChange = useCan('change');
  const [deleting, setDeleting] = useState(false);
  const [shell, setShell] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const remove = useDeletePod(clusterRef, pod.namespace, pod.name);
  const containers = pod.containerDetails.filter((c) => !c.init).map((c) => c.name);
  const [container, setContainer] = useState(containers[0] ?? '');
  const review = useAccessReview(clusterRef, pod.namespace);
  const execRefusal = useRefusal(review.decide('exec pods'));
  const deleteRefusal = useRefusal(review.decide('delete pods'));
  if (!canChange) return null;
  return (
    <section aria-label="Pod actions" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {containers.length > 1 && (
          <label className="flex items-center gap-1">
            Container
            <select
              className="rounded border border-line bg-surface px-1"
              value={container}
              onChange={(event) => setContainer(event.target.value)}
            >
              {containers.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="btn-secondary"
          disabled={pod.phase !== 'Running'}
          {...execRefusal.control}
          onClick={() => setShell(true)}
        >
          Open shell
        </button>
        <button
          type="button"
          className="btn-danger"
          {...deleteRefusal.control}
          onClick={() => setDeleting(true)}
        >
          Delete pod
        </button>
        {execRefusal.hint}
        {deleteRefusal.hint}
        {message && <span role="status">{message}</span>}
      </div>
      {shell && (
        <Suspense fallback={<p className="text-fg-muted">Loading the terminal…</p>}>
          <PodTerminal
            clusterRef={clusterRef}
            namespace={pod.namespace}
            pod={pod.name}
            container={container}
            onClose={() => setShell(false)}
          />
        </Suspense>
      )}
      <TypedConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete pod ${pod.name}?`}
        name={pod.name}
        confirmLabel="Delete pod"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(confirmName) =>
          remove.mutate(
            { confirmName },
            {
              onSuccess: (result) => {
                setMessage(result.message);
                setDeleting(false);
              },
            },
          )
        }
      >
        <p>
          The pod gets its grace period to stop. If a controller owns it (
          {pod.owner?.kind ?? 'none'}
          ), a new pod replaces it.
        </p>
      </TypedConfirmDialog>
    </section>
  );
}
