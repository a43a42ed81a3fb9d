import type { Request } from 'express';
import { z } from 'zod';
import {
  AccessPolicyArn,
  AssociateAccessPolicyRequest,
  AssociateIdentityProviderRequest,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateAccessEntryRequest,
  CreatePodIdentityRequest,
  PrincipalArn,
  ResourceName,
  UpdatePodIdentityRequest,
  WhoCanQuery,
} from '@wheelhouse/contract';
import { changeContextOf } from '../auth/access.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import type { AccessService } from '../services/access/accessService.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';
const ENTRY = `${CLUSTER}/access-entries/:principalArn`;
const POD_IDENTITY = `${CLUSTER}/pod-identity-associations/:associationId`;
const AssociationId = z
  .string()
  .regex(/^a-[a-z0-9]{1,64}$/, 'must be a Pod Identity association id (a-…)');

const refOf = (req: Request) => {
  const { accountId, region, name } = req.params as Record<string, string>;
  return parseInput(ClusterRef, { accountId, region, name });
};
/** Principal and policy ARNs travel URL-encoded in the path (they hold "/" and ":"). */
const principalOf = (req: Request) =>
  parseInput(z.object({ principalArn: PrincipalArn }), req.params).principalArn;

/** The Access tab: reads for everyone signed in, changes for operators and admins. */
export function accessRoutes(deps: { access: AccessService }): RouteDef[] {
  const { access } = deps;
  return [
    {
      method: 'get',
      path: `${CLUSTER}/access`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await access.clusterAccess(refOf(req)));
      },
    },
    {
      method: 'get',
      path: `${CLUSTER}/access/who-can`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await access.whoCan(refOf(req), parseInput(WhoCanQuery, req.query)));
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/access-entries`,
      access: 'change',
      action: 'access-entry.create',
      handler: async (req, res) => {
        const body = parseInput(CreateAccessEntryRequest, req.body);
        res.status(201).json(await access.createEntry(refOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'delete',
      path: ENTRY,
      access: 'change',
      action: 'access-entry.delete',
      handler: async (req, res) => {
        const body = parseInput(ConfirmDeleteRequest, req.body);
        res.json(
          await access.deleteEntry(refOf(req), principalOf(req), body, changeContextOf(req, res)),
        );
      },
    },
    {
      method: 'post',
      path: `${ENTRY}/policies`,
      access: 'change',
      action: 'access-policy.associate',
      handler: async (req, res) => {
        const body = parseInput(AssociateAccessPolicyRequest, req.body);
        res.json(
          await access.associatePolicy(
            refOf(req),
            principalOf(req),
            body,
            changeContextOf(req, res),
          ),
        );
      },
    },
    {
      method: 'delete',
      path: `${ENTRY}/policies/:policyArn`,
      access: 'change',
      action: 'access-policy.disassociate',
      handler: async (req, res) => {
        const { policyArn } = parseInput(z.object({ policyArn: AccessPolicyArn }), req.params);
        res.json(
          await access.disassociatePolicy(
            refOf(req),
            principalOf(req),
            policyArn,
            changeContextOf(req, res),
          ),
        );
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/identity-providers`,
      access: 'change',
      action: 'identity-provider.associate',
      handler: async (req, res) => {
        const body = parseInput(AssociateIdentityProviderRequest, req.body);
        res
          .status(202)
          .json(
            await access.associateIdentityProvider(refOf(req), body, changeContextOf(req, res)),
          );
      },
    },
    {
      method: 'delete',
      path: `${CLUSTER}/identity-providers/:config`,
      access: 'change',
      action: 'identity-provider.disassociate',
      handler: async (req, res) => {
        const { config } = parseInput(z.object({ config: ResourceName }), req.params);
        const body = parseInput(ConfirmDeleteRequest, req.body);
        res
          .status(202)
          .json(
            await access.disassociateIdentityProvider(
              refOf(req),
              config,
              body,
              changeContextOf(req, res),
            ),
          );
      },
    },
    {
      method: 'post',
      path: `${CLUSTER}/pod-identity-associations`,
      access: 'change',
      action: 'pod-identity.create',
      handler: async (req, res) => {
        const body = parseInput(CreatePodIdentityRequest, req.body);
        res
          .status(201)
          .json(await access.createPodIdentity(refOf(req), body, changeContextOf(req, res)));
      },
    },
    {
      method: 'post',
      path: POD_IDENTITY,
      access: 'change',
      action: 'pod-identity.update',
      handler: async (req, res) => {
        const { associationId } = parseInput(
          z.object({ associationId: AssociationId }),
          req.params,
        );
        const body = parseInput(UpdatePodIdentityRequest, req.body);
        res.json(
          await access.updatePodIdentity(
            refOf(req),
            associationId,
            body,
            changeContextOf(req, res),
          ),
        );
      },
    },
    {
      method: 'delete',
      path: POD_IDENTITY,
      access: 'change',
      action: 'pod-identity.delete',
      handler: async (req, res) => {
        const { associationId } = parseInput(
          z.object({ associationId: AssociationId }),
          req.params,
        );
        const body = parseInput(ConfirmDeleteRequest, req.body);
        res.json(
          await access.deletePodIdentity(
            refOf(req),
            associationId,
            body,
            changeContextOf(req, res),
          ),
        );
      },
    },
  ];
}
