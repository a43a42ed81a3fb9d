import {
  associateIdentityProviderConfig,
  describeIdentityProviderConfig,
  disassociateIdentityProviderConfig,
  listIdentityProviderConfigs,
} from '../../world/eks/identityProviders.ts';
import {
  createPodIdentityAssociation,
  deletePodIdentityAssociation,
  describePodIdentityAssociation,
  listPodIdentityAssociations,
  updatePodIdentityAssociation,
} from '../../world/eks/podIdentity.ts';
import type {
  IdentityProviderConfigRecord,
  PodIdentityAssociationRecord,
} from '../../world/eks/types.ts';
import { defined } from './eksInput.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { epochSeconds, updateToWire } from './wireShapes.ts';

/** OIDC identity provider configs and EKS Pod Identity associations, as botocore's model routes them. */

function oidcToWire(config: IdentityProviderConfigRecord): Record<string, unknown> {
  return {
    identityProviderConfigName: config.name,
    identityProviderConfigArn: config.arn,
    clusterName: config.clusterName,
    issuerUrl: config.issuerUrl,
    clientId: config.clientId,
    ...defined({
      usernameClaim: config.usernameClaim,
      usernamePrefix: config.usernamePrefix,
      groupsClaim: config.groupsClaim,
      groupsPrefix: config.groupsPrefix,
    }),
    requiredClaims: { ...config.requiredClaims },
    tags: { ...config.tags },
    status: config.status,
  };
}

function associationToWire(association: PodIdentityAssociationRecord): Record<string, unknown> {
  return {
    clusterName: association.clusterName,
    namespace: association.namespace,
    serviceAccount: association.serviceAccount,
    roleArn: association.roleArn,
    associationArn: association.arn,
    associationId: association.id,
    tags: { ...association.tags },
    createdAt: epochSeconds(association.createdAt),
    modifiedAt: epochSeconds(association.modifiedAt),
    disableSessionTags: association.disableSessionTags,
    ...defined({ targetRoleArn: association.targetRoleArn, policy: association.policy }),
  };
}

function page(call: EksCall) {
  return defined({
    maxResults: call.query.integer('maxResults'),
    nextToken: call.query.string('nextToken'),
  });
}

function configRef(call: EksCall): { type: string; name: string } {
  const ref = call.body.object('identityProviderConfig');
  return { type: ref.string('type'), name: ref.string('name') };
}

const identityProviderRoutes: EksRoute[] = [
  {
    method: 'POST',
    path: '/clusters/{name}/identity-provider-configs/associate',
    operation: 'AssociateIdentityProviderConfig',
    async run(call) {
      const oidc = call.body.object('oidc');
      const { update, config } = associateIdentityProviderConfig(
        call.world,
        call.state,
        call.path.name!,
        {
          identityProviderConfigName: oidc.string('identityProviderConfigName'),
          issuerUrl: oidc.string('issuerUrl'),
          clientId: oidc.string('clientId'),
          ...defined({
            usernameClaim: oidc.optionalString('usernameClaim'),
            usernamePrefix: oidc.optionalString('usernamePrefix'),
            groupsClaim: oidc.optionalString('groupsClaim'),
            groupsPrefix: oidc.optionalString('groupsPrefix'),
            requiredClaims: oidc.optionalStringMap('requiredClaims'),
            tags: call.body.optionalStringMap('tags'),
          }),
        },
      );
      return { update: updateToWire(update), tags: { ...config.tags } };
    },
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/identity-provider-configs/describe',
    operation: 'DescribeIdentityProviderConfig',
    async run(call) {
      const { type, name } = configRef(call);
      const config = describeIdentityProviderConfig(call.state, call.path.name!, type, name);
      return { identityProviderConfig: { oidc: oidcToWire(config) } };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/identity-provider-configs',
    operation: 'ListIdentityProviderConfigs',
    async run(call) {
      const result = listIdentityProviderConfigs(call.state, call.path.name!, page(call));
      return {
        identityProviderConfigs: result.items.map((config) => ({
          type: 'oidc',
          name: config.name,
        })),
        ...defined({ nextToken: result.nextToken }),
      };
    },
  },
  {
    method: 'POST',
    path: '/clusters/{name}/identity-provider-configs/disassociate',
    operation: 'DisassociateIdentityProviderConfig',
    async run(call) {
      const { type, name } = configRef(call);
      const update = disassociateIdentityProviderConfig(
        call.world,
        call.state,
        call.path.name!,
        type,
        name,
      );
      return { update: updateToWire(update) };
    },
    idempotent: true,
  },
];

const podIdentityRoutes: EksRoute[] = [
  {
    method: 'POST',
    path: '/clusters/{name}/pod-identity-associations',
    operation: 'CreatePodIdentityAssociation',
    async run(call) {
      const { body } = call;
      const association = createPodIdentityAssociation(call.world, call.state, call.path.name!, {
        namespace: body.string('namespace'),
        serviceAccount: body.string('serviceAccount'),
        roleArn: body.string('roleArn'),
        ...defined({
          targetRoleArn: body.optionalString('targetRoleArn'),
          disableSessionTags: body.optionalBoolean('disableSessionTags'),
          policy: body.optionalString('policy'),
          tags: body.optionalStringMap('tags'),
        }),
      });
      return { association: associationToWire(association) };
    },
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/clusters/{name}/pod-identity-associations',
    operation: 'ListPodIdentityAssociations',
    async run(call) {
      const result = listPodIdentityAssociations(call.state, call.path.name!, {
        ...page(call),
        ...defined({
          namespace: call.query.string('namespace'),
          serviceAccount: call.query.string('serviceAccount'),
        }),
      });
      return {
        associations: result.items.map((association) => ({
          clusterName: association.clusterName,
          namespace: association.namespace,
          serviceAccount: association.serviceAccount,
          associationArn: association.arn,
          associationId: association.id,
        })),
        ...defined({ nextToken: result.nextToken }),
      };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/pod-identity-associations/{associationId}',
    operation: 'DescribePodIdentityAssociation',
    run: async (call) => ({
      association: associationToWire(
        describePodIdentityAssociation(call.state, call.path.name!, call.path.associationId!),
      ),
    }),
  },
  {
    method: 'POST',
    path: '/clusters/{name}/pod-identity-associations/{associationId}',
    operation: 'UpdatePodIdentityAssociation',
    async run(call) {
      const { body } = call;
      const association = updatePodIdentityAssociation(
        call.world,
        call.state,
        call.path.name!,
        call.path.associationId!,
        defined({
          roleArn: body.optionalString('roleArn'),
          targetRoleArn: body.optionalString('targetRoleArn'),
          disableSessionTags: body.optionalBoolean('disableSessionTags'),
          policy: body.optionalString('policy'),
        }),
      );
      return { association: associationToWire(association) };
    },
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/pod-identity-associations/{associationId}',
    operation: 'DeletePodIdentityAssociation',
    run: async (call) => ({
      association: associationToWire(
        deletePodIdentityAssociation(call.state, call.path.name!, call.path.associationId!),
      ),
    }),
  },
];

export const identityRoutes: EksRoute[] = [...identityProviderRoutes, ...podIdentityRoutes];
