import type { Response } from 'express';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { WorkloadsService } from '../services/workloads.ts';

// Read as the signed-in user (impersonated), so the cluster's RBAC decides what each person sees.
const readsOf = (workloads: WorkloadsService, res: Response) =>
  workloads.as(kubeIdentityOf(sessionOf(res)));

/** Detail views of single objects and the cluster's events. */
export function objectRoutes(deps: { workloads: WorkloadsService }): RouteDef[] {
  const { workloads } = deps;
  return [
    serve(e.namespacedObject, ({ params: { resource, namespace, object, ...ref }, res }) =>
      readsOf(workloads, res).object(ref, resource, namespace, object),
    ),
    serve(e.clusterObject, ({ params: { resource, object, ...ref }, res }) =>
      readsOf(workloads, res).object(ref, resource, undefined, object),
    ),
    serve(e.clusterEvents, ({ params, query, res }) =>
      readsOf(workloads, res).events(params, query),
    ),
  ];
}
