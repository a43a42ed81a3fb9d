import {
  associateAccessPolicy,
  createAccessEntry,
  deleteAccessEntry,
  disassociateAccessPolicy,
  findAccessEntry,
  listAccessEntryArns,
  listAccessPolicies,
  listAssociatedPolicies,
  updateAccessEntry,
} from '../../world/eks/accessEntries.ts';
import { findEksCluster } from '../../world/eks/clusters.ts';
import type { AccessEntryRecord, AssociatedAccessPolicyRecord } from '../../world/eks/types.ts';
import { defined } from './eksInput.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { epochSeconds } from './wireShapes.ts';

/** Access entries and access policies (EKS API authentication), as botocore's model routes them. */

export function accessEntryToWire(entry: AccessEntryRecord): Record<string, unknown> {
  return {
    clusterName: entry.clusterName,
    principalArn: entry.principalArn,
    kubernetesGroups: [...entry.kubernetesGroups],
    accessEntryArn: entry.arn,
    createdAt: epochSeconds(entry.createdAt),
    modifiedAt: epochSeconds(entry.modifiedAt),
    tags: { ...entry.tags },
    username: entry.username,
    type: entry.type,
  };
}

function associationToWire(policy: AssociatedAccessPolicyRecord): Record<string, unknown> {
  return {
    policyArn: policy.policyArn,
    accessScope: {
      type: policy.accessScope.type,
      ...(policy.accessScope.type === 'namespace'
        ? { namespaces: [...policy.accessScope.namespaces] }
        : {}),
    },
    associatedAt: epochSeconds(policy.associatedAt),
    modifiedAt: epochSeconds(policy.modifiedAt),
  };
}

const clusterOf = ({ state, path }: EksCall) => findEksCluster(state, path.name!);

function page(call: EksCall) {
  return defined({
    maxResults: call.query.integer('maxResults'),
    nextToken: call.query.string('nextToken'),
  });
}

export const accessEntryRoutes: EksRoute[] = [
  {
    method: 'POST',
    path: '/clusters/{name}/access-entries',
    operation: 'CreateAccessEntry',
    async run(call) {
      const { body } = call;
      const entry = createAccessEntry(
        clusterOf(call),
        {
          principalArn: body.string('principalArn'),
          ...defined({
            kubernetesGroups: body.optionalStringList('kubernetesGroups'),
            username: body.optionalString('username'),
            type: body.optionalString('type'),
            tags: body.optionalStringMap('tags'),
          }),
        },
        call.world.now(),
      );
      return { accessEntry: accessEntryToWire(entry) };
    },
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/clusters/{name}/access-entries',
    operation: 'ListAccessEntries',
    async run(call) {
      const result = listAccessEntryArns(clusterOf(call), {
        ...page(call),
        ...defined({ associatedPolicyArn: call.query.string('associatedPolicyArn') }),
      });
      return { accessEntries: result.items, ...defined({ nextToken: result.nextToken }) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/access-entries/{principalArn}',
    operation: 'DescribeAccessEntry',
    run: async (call) => ({
      accessEntry: accessEntryToWire(findAccessEntry(clusterOf(call), call.path.principalArn!)),
    }),
  },
  {
    method: 'POST',
    path: '/clusters/{name}/access-entries/{principalArn}',
    operation: 'UpdateAccessEntry',
    async run(call) {
      const entry = updateAccessEntry(
        clusterOf(call),
        call.path.principalArn!,
        defined({
          kubernetesGroups: call.body.optionalStringList('kubernetesGroups'),
          username: call.body.optionalString('username'),
        }),
        call.world.now(),
      );
      return { accessEntry: accessEntryToWire(entry) };
    },
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/access-entries/{principalArn}',
    operation: 'DeleteAccessEntry',
    async run(call) {
      deleteAccessEntry(clusterOf(call), call.path.principalArn!);
      return {};
    },
  },
  {
    method: 'POST',
    path: '/clusters/{name}/access-entries/{principalArn}/access-policies',
    operation: 'AssociateAccessPolicy',
    async run(call) {
      const scope = call.body.object('accessScope');
      const association = associateAccessPolicy(
        clusterOf(call),
        call.path.principalArn!,
        call.body.string('policyArn'),
        {
          type: scope.string('type') as 'cluster' | 'namespace',
          namespaces: scope.optionalStringList('namespaces') ?? [],
        },
        call.world.now(),
      );
      return {
        clusterName: call.path.name!,
        principalArn: call.path.principalArn!,
        associatedAccessPolicy: associationToWire(association),
      };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/access-entries/{principalArn}/access-policies',
    operation: 'ListAssociatedAccessPolicies',
    async run(call) {
      const result = listAssociatedPolicies(clusterOf(call), call.path.principalArn!, page(call));
      return {
        clusterName: call.path.name!,
        principalArn: call.path.principalArn!,
        associatedAccessPolicies: result.items.map(associationToWire),
        ...defined({ nextToken: result.nextToken }),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}',
    operation: 'DisassociateAccessPolicy',
    async run(call) {
      disassociateAccessPolicy(clusterOf(call), call.path.principalArn!, call.path.policyArn!);
      return {};
    },
  },
  {
    method: 'GET',
    path: '/access-policies',
    operation: 'ListAccessPolicies',
    async run(call) {
      const result = listAccessPolicies(page(call));
      return {
        accessPolicies: result.items.map((policy) => ({ name: policy.name, arn: policy.arn })),
        ...defined({ nextToken: result.nextToken }),
      };
    },
    resource: () => '*',
  },
];
