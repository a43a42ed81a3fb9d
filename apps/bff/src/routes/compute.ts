import type { Request } from 'express';
import { z } from 'zod';
import {
  ClusterRef,
  ConfirmDeleteRequest,
  CreateFargateProfileRequest,
  CreateNodegroupRequest,
  FargateMatchQuery,
  ResourceName,
  ScaleNodegroupRequest,
  UpdateLabelsTaintsRequest,
  UpdateNodegroupVersionRequest,
} from '@wheelhouse/contract';
import { changeContextOf } from '../auth/access.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import type { ComputeService } from '../services/compute.ts';
import type { ComputeChanges } from '../services/computeChanges.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';
const NodegroupRef = ClusterRef.extend({ nodegroup: ResourceName });
const ProfileRef = ClusterRef.extend({ profile: ResourceName });

/** `label=k=v` query parameters (repeatable) as a label map. */
const LabelParams = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, ctx) => {
    const labels: Record<string, string> = {};
    for (const pair of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      const at = pair.indexOf('=');
      if (at < 1) {
        ctx.addIssue({ code: 'custom', message: `"${pair}" is not key=value` });
        return z.NEVER;
      }
      labels[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return labels;
  });

export function computeRoutes(deps: {
  compute: ComputeService;
  changes: ComputeChanges;
}): RouteDef[] {
  const { compute, changes } = deps;
  const clusterOf = (req: Request) => {
    const { accountId, region, name } = req.params as Record<string, string>;
    return parseInput(ClusterRef, { accountId, region, name });
  };
  const nodegroupOf = (req: Request) => {
    const { nodegroup, ...ref } = parseInput(NodegroupRef, req.params);
    return { ref, nodegroup };
  };
  const profileOf = (req: Request) => {
    const { profile, ...ref } = parseInput(ProfileRef, req.params);
    return { ref, profile };
  };

  return [
    {
      method: 'get',
      path: `${CLUSTER}/compute`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await compute.getCompute(clusterOf(req)));
      },
    },
    {
      method: 'get',
      path: `${CLUSTER}/nodegroups/:nodegroup`,
      access: 'read',
      handler: async (req, res) => {
        const { ref, nodegroup } = nodegroupOf(req);
        res.json(await compute.getNodegroup(ref, nodegroup));
      },
    },
    {
      method: 'get',
      path: `${CLUSTER}/fargate-match`,
      access: 'read',
      handler: async (req, res) => {
        const query = parseInput(
          z.object({ namespace: FargateMatchQuery.shape.namespace, label: LabelParams }),
          req.query,
        );
        res.json(
          await compute.fargateMatch(clusterOf(req), {
            namespace: query.namespace,
            labels: query.label,
          }),
        );
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/nodegroups`,
      access: 'change',
      action: 'nodegroup.create',
      handler: async (req, res) => {
        const body = parseInput(CreateNodegroupRequest, req.body);
        res
          .status(202)
          .json(await changes.createNodegroup(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/nodegroups/:nodegroup/scaling`,
      access: 'change',
      action: 'nodegroup.scale',
      handler: async (req, res) => {
        const { ref, nodegroup } = nodegroupOf(req);
        const body = parseInput(ScaleNodegroupRequest, req.body);
        res
          .status(202)
          .json(await changes.scaleNodegroup(ref, nodegroup, body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/nodegroups/:nodegroup/labels-taints`,
      access: 'change',
      action: 'nodegroup.labels-taints',
      handler: async (req, res) => {
        const { ref, nodegroup } = nodegroupOf(req);
        const body = parseInput(UpdateLabelsTaintsRequest, req.body);
        res
          .status(202)
          .json(await changes.updateLabelsTaints(ref, nodegroup, body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/nodegroups/:nodegroup/version`,
      access: 'change',
      action: 'nodegroup.update-version',
      handler: async (req, res) => {
        const { ref, nodegroup } = nodegroupOf(req);
        const body = parseInput(UpdateNodegroupVersionRequest, req.body);
        res
          .status(202)
          .json(
            await changes.updateNodegroupVersion(ref, nodegroup, body, changeContextOf(req, res)),
          );
      },
    },
    {
      method: 'delete',
      path: `${CLUSTER}/nodegroups/:nodegroup`,
      access: 'change',
      action: 'nodegroup.delete',
      handler: async (req, res) => {
        const { ref, nodegroup } = nodegroupOf(req);
        const body = parseInput(ConfirmDeleteRequest, req.body ?? {});
        res
          .status(202)
          .json(await changes.deleteNodegroup(ref, nodegroup, body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/fargate-profiles`,
      access: 'change',
      action: 'fargate.create',
      handler: async (req, res) => {
        const body = parseInput(CreateFargateProfileRequest, req.body);
        res
          .status(202)
          .json(
            await changes.createFargateProfile(clusterOf(req), body, changeContextOf(req, res)),
          );
      },
    },
    {
      method: 'delete',
      path: `${CLUSTER}/fargate-profiles/:profile`,
      access: 'change',
      action: 'fargate.delete',
      handler: async (req, res) => {
        const { ref, profile } = profileOf(req);
        const body = parseInput(ConfirmDeleteRequest, req.body ?? {});
        res
          .status(202)
          .json(await changes.deleteFargateProfile(ref, profile, body, changeContextOf(req, res)));
      },
    },
  ];
}
