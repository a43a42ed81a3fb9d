import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { AccessService } from '../services/access/accessService.ts';

/** The Access tab: reads for everyone signed in, changes for operators and admins. */
export function accessRoutes(deps: { access: AccessService }): RouteDef[] {
  const { access } = deps;
  return [
    serve(e.clusterAccess, ({ params }) => access.clusterAccess(params)),
    serve(e.whoCan, ({ params, query }) => access.whoCan(params, query)),
    serve(e.createAccessEntry, ({ params, body, change }) =>
      access.createEntry(params, body, change()),
    ),
    serve(e.deleteAccessEntry, ({ params: { principalArn, ...ref }, body, change }) =>
      access.deleteEntry(ref, principalArn, body, change()),
    ),
    serve(e.associateAccessPolicy, ({ params: { principalArn, ...ref }, body, change }) =>
      access.associatePolicy(ref, principalArn, body, change()),
    ),
    serve(e.disassociateAccessPolicy, ({ params: { principalArn, policyArn, ...ref }, change }) =>
      access.disassociatePolicy(ref, principalArn, policyArn, change()),
    ),
    serve(e.associateIdentityProvider, ({ params, body, change }) =>
      access.associateIdentityProvider(params, body, change()),
    ),
    serve(e.disassociateIdentityProvider, ({ params: { config, ...ref }, body, change }) =>
      access.disassociateIdentityProvider(ref, config, body, change()),
    ),
    serve(e.createPodIdentity, ({ params, body, change }) =>
      access.createPodIdentity(params, body, change()),
    ),
    serve(e.updatePodIdentity, ({ params: { associationId, ...ref }, body, change }) =>
      access.updatePodIdentity(ref, associationId, body, change()),
    ),
    serve(e.deletePodIdentity, ({ params: { associationId, ...ref }, body, change }) =>
      access.deletePodIdentity(ref, associationId, body, change()),
    ),
  ];
}
