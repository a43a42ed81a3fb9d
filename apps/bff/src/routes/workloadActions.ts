import type { Response } from 'express';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { ChangeContext } from '../services/changeRunner.ts';
import type { WorkloadActions } from '../services/workloadActions.ts';

/** Who acts: the change context of the audit log, and the person the cluster sees (impersonated). */
const actorOf = (change: () => ChangeContext, res: Response) => ({
  ...change(),
  kube: kubeIdentityOf(sessionOf(res)),
});

/** Kubernetes workload, pod and node actions: operators and admins, audited, CSRF-checked. */
export function workloadActionRoutes(deps: { actions: WorkloadActions }): RouteDef[] {
  const { actions } = deps;
  return [
    serve(e.restartWorkload, ({ params: { kind, namespace, workload, ...ref }, change, res }) =>
      actions.restart(ref, actorOf(change, res), kind, namespace, workload),
    ),
    serve(e.scaleWorkload, ({ params: { kind, namespace, workload, ...ref }, body, change, res }) =>
      actions.scale(ref, actorOf(change, res), kind, namespace, workload, body.replicas),
    ),
    serve(e.scalePreview, ({ params: { kind, namespace, workload, ...ref }, query, res }) =>
      actions.scalePreview(
        ref,
        kubeIdentityOf(sessionOf(res)),
        kind,
        namespace,
        workload,
        query.replicas,
      ),
    ),
    serve(e.deletePod, ({ params: { namespace, pod, ...ref }, body, change, res }) =>
      actions.deletePod(ref, actorOf(change, res), namespace, pod, body),
    ),
    serve(e.cordonNode, ({ params: { node, ...ref }, change, res }) =>
      actions.cordon(ref, actorOf(change, res), node, true),
    ),
    serve(e.uncordonNode, ({ params: { node, ...ref }, change, res }) =>
      actions.cordon(ref, actorOf(change, res), node, false),
    ),
    serve(e.drainNode, ({ params: { node, ...ref }, change, res }) =>
      actions.drain(ref, actorOf(change, res), node),
    ),
    serve(e.drainPreview, ({ params: { node, ...ref }, res }) =>
      actions.drainPreview(ref, kubeIdentityOf(sessionOf(res)), node),
    ),
  ];
}
