import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  ClusterRef,
  DeletePodRequest,
  RestartableKind,
  ScalableKind,
  ScalePreviewQuery,
  ScaleWorkloadRequest,
} from '@wheelhouse/contract';
import { changeContextOf, sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import type { WorkloadActions } from '../services/workloadActions.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';
const Namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name');
const ObjectName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a Kubernetes object name');
const NodeParam = z.object({ node: ObjectName });
const PodParams = z.object({ namespace: Namespace, pod: ObjectName });
const RestartParams = z.object({
  kind: RestartableKind,
  namespace: Namespace,
  workload: ObjectName,
});
const ScaleParams = z.object({ kind: ScalableKind, namespace: Namespace, workload: ObjectName });

/** Who acts: the change context of the audit log, and the person the cluster sees (impersonated). */
const actorOf = (req: Request, res: Response) => ({
  ...changeContextOf(req, res),
  kube: kubeIdentityOf(sessionOf(res)),
});

const clusterOf = (req: Request) => {
  const { accountId, region, name } = req.params as Record<string, string>;
  return parseInput(ClusterRef, { accountId, region, name });
};

/** Kubernetes workload, pod and node actions: operators and admins, audited, CSRF-checked. */
export function workloadActionRoutes(deps: { actions: WorkloadActions }): RouteDef[] {
  const { actions } = deps;
  return [
    {
      method: 'post',
      path: `${K8S}/workloads/:kind/:namespace/:workload/restart`,
      access: 'change',
      action: 'workload.restart',
      handler: async (req, res) => {
        const { kind, namespace, workload } = parseInput(RestartParams, req.params);
        res.json(
          await actions.restart(clusterOf(req), actorOf(req, res), kind, namespace, workload),
        );
      },
    },
    {
      method: 'post',
      path: `${K8S}/workloads/:kind/:namespace/:workload/scale`,
      access: 'change',
      action: 'workload.scale',
      handler: async (req, res) => {
        const { kind, namespace, workload } = parseInput(ScaleParams, req.params);
        const { replicas } = parseInput(ScaleWorkloadRequest, req.body);
        res.json(
          await actions.scale(
            clusterOf(req),
            actorOf(req, res),
            kind,
            namespace,
            workload,
            replicas,
          ),
        );
      },
    },
    {
      method: 'get',
      path: `${K8S}/workloads/:kind/:namespace/:workload/scale/preview`,
      access: 'read',
      handler: async (req, res) => {
        const { kind, namespace, workload } = parseInput(ScaleParams, req.params);
        const { replicas } = parseInput(ScalePreviewQuery, req.query);
        res.json(
          await actions.scalePreview(
            clusterOf(req),
            kubeIdentityOf(sessionOf(res)),
            kind,
            namespace,
            workload,
            replicas,
          ),
        );
      },
    },
    {
      method: 'delete',
      path: `${K8S}/pods/:namespace/:pod`,
      access: 'change',
      action: 'pod.delete',
      handler: async (req, res) => {
        const { namespace, pod } = parseInput(PodParams, req.params);
        const body = parseInput(DeletePodRequest, req.body ?? {});
        res.json(await actions.deletePod(clusterOf(req), actorOf(req, res), namespace, pod, body));
      },
    },
    ...(['cordon', 'uncordon'] as const).map((verb): RouteDef => ({
      method: 'post',
      path: `${K8S}/nodes/:node/${verb}`,
      access: 'change',
      action: `node.${verb}`,
      handler: async (req, res) => {
        const { node } = parseInput(NodeParam, req.params);
        res.json(await actions.cordon(clusterOf(req), actorOf(req, res), node, verb === 'cordon'));
      },
    })),
    {
      method: 'post',
      path: `${K8S}/nodes/:node/drain`,
      access: 'change',
      action: 'node.drain',
      handler: async (req, res) => {
        const { node } = parseInput(NodeParam, req.params);
        res.json(await actions.drain(clusterOf(req), actorOf(req, res), node));
      },
    },
    {
      method: 'get',
      path: `${K8S}/nodes/:node/drain/preview`,
      access: 'read',
      handler: async (req, res) => {
        const { node } = parseInput(NodeParam, req.params);
        res.json(await actions.drainPreview(clusterOf(req), kubeIdentityOf(sessionOf(res)), node));
      },
    },
  ];
}
