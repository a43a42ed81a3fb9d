import type { Request } from 'express';
import { z } from 'zod';
import {
  AccountId,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateClusterRequest,
  Region,
  RegisterClusterRequest,
  UpdateClusterVersionRequest,
  UpdateEndpointAccessRequest,
  UpdateLoggingRequest,
  UpdateTagsRequest,
} from '@wheelhouse/contract';
import { changeContextOf } from '../auth/access.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import type { ConnectorService } from '../services/connector.ts';
import type { LifecycleService } from '../services/lifecycle.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';

const clusterOf = (req: Request) => parseInput(ClusterRef, req.params);

export function lifecycleRoutes(deps: {
  lifecycle: LifecycleService;
  connector: ConnectorService;
}): RouteDef[] {
  const { lifecycle, connector } = deps;
  return [
    {
      method: 'get',
      path: '/api/versions',
      access: 'read',
      handler: async (req, res) => {
        const { accountId, region } = parseInput(
          z.object({ accountId: AccountId, region: Region }),
          req.query,
        );
        res.json(await lifecycle.versionOptions(accountId, region));
      },
    },
    {
      method: 'post',
      path: '/api/clusters',
      access: 'change',
      action: 'cluster.create',
      handler: async (req, res) => {
        const body = parseInput(CreateClusterRequest, req.body);
        res.status(202).json(await lifecycle.createCluster(body, changeContextOf(req, res)));
      },
    },
    {
      method: 'get',
      path: `${CLUSTER}/upgrade-plan`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await lifecycle.upgradePlan(clusterOf(req)));
      },
    },
    {
      method: 'get',
      path: `${CLUSTER}/updates`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await lifecycle.clusterUpdates(clusterOf(req)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/version`,
      access: 'change',
      action: 'cluster.update-version',
      handler: async (req, res) => {
        const body = parseInput(UpdateClusterVersionRequest, req.body);
        res
          .status(202)
          .json(await lifecycle.updateVersion(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/logging`,
      access: 'change',
      action: 'cluster.logging',
      handler: async (req, res) => {
        const body = parseInput(UpdateLoggingRequest, req.body);
        res
          .status(202)
          .json(await lifecycle.updateLogging(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/endpoint-access`,
      access: 'change',
      action: 'cluster.endpoint-access',
      handler: async (req, res) => {
        const body = parseInput(UpdateEndpointAccessRequest, req.body);
        res
          .status(202)
          .json(
            await lifecycle.updateEndpointAccess(clusterOf(req), body, changeContextOf(req, res)),
          );
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/tags`,
      access: 'change',
      action: 'cluster.tags',
      handler: async (req, res) => {
        const body = parseInput(UpdateTagsRequest, req.body);
        res.json(await lifecycle.updateTags(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'delete',
      path: CLUSTER,
      access: 'change',
      action: 'cluster.delete',
      handler: async (req, res) => {
        const body = parseInput(ConfirmDeleteRequest, req.body ?? {});
        res
          .status(202)
          .json(await lifecycle.deleteCluster(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: '/api/connected-clusters',
      access: 'change',
      action: 'connector.register',
      handler: async (req, res) => {
        const body = parseInput(RegisterClusterRequest, req.body);
        res.status(201).json(await connector.registerCluster(body, changeContextOf(req, res)));
      },
    },
    {
      method: 'delete',
      path: '/api/connected-clusters/:accountId/:region/:name',
      access: 'change',
      action: 'connector.deregister',
      handler: async (req, res) => {
        const body = parseInput(ConfirmDeleteRequest, req.body ?? {});
        res
          .status(202)
          .json(await connector.deregisterCluster(clusterOf(req), body, changeContextOf(req, res)));
      },
    },
  ];
}
