import { describeClusterVersions } from '../../world/eks/clusterVersions.ts';
import { findEksCluster } from '../../world/eks/clusters.ts';
import { findFargateProfile, listFargateProfileNames } from '../../world/eks/fargateProfiles.ts';
import { findNodegroup, listNodegroupNames } from '../../world/eks/nodegroups.ts';
import { deregisterCluster, registerCluster } from '../../world/eks/registrations.ts';
import { listTags, tagResource, untagResource } from '../../world/eks/tags.ts';
import type { EksRoute } from './eksRoute.ts';
import {
  clusterToWire,
  clusterVersionToWire,
  fargateProfileToWire,
  nodegroupToWire,
} from './wireShapes.ts';

const withToken = (nextToken: string | undefined) => (nextToken ? { nextToken } : {});

/** Node groups, Fargate profiles, versions, tags and EKS Connector registrations. */
export const resourceRoutes: EksRoute[] = [
  {
    method: 'GET',
    path: '/clusters/{name}/node-groups',
    operation: 'ListNodegroups',
    async run({ state, path, query }) {
      const maxResults = query.integer('maxResults');
      const nextToken = query.string('nextToken');
      const page = listNodegroupNames(findEksCluster(state, path.name!), {
        ...(maxResults !== undefined ? { maxResults } : {}),
        ...withToken(nextToken),
      });
      return { nodegroups: page.items, ...withToken(page.nextToken) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/node-groups/{nodegroupName}',
    operation: 'DescribeNodegroup',
    run: async ({ state, path }) => ({
      nodegroup: nodegroupToWire(
        findNodegroup(findEksCluster(state, path.name!), path.nodegroupName!),
      ),
    }),
  },
  {
    method: 'GET',
    path: '/clusters/{name}/fargate-profiles',
    operation: 'ListFargateProfiles',
    async run({ state, path, query }) {
      const maxResults = query.integer('maxResults');
      const nextToken = query.string('nextToken');
      const page = listFargateProfileNames(findEksCluster(state, path.name!), {
        ...(maxResults !== undefined ? { maxResults } : {}),
        ...withToken(nextToken),
      });
      return { fargateProfileNames: page.items, ...withToken(page.nextToken) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/fargate-profiles/{fargateProfileName}',
    operation: 'DescribeFargateProfile',
    run: async ({ state, path }) => ({
      fargateProfile: fargateProfileToWire(
        findFargateProfile(findEksCluster(state, path.name!), path.fargateProfileName!),
      ),
    }),
  },
  {
    method: 'GET',
    path: '/cluster-versions',
    operation: 'DescribeClusterVersions',
    async run({ world, query }) {
      const input = {
        clusterType: query.string('clusterType'),
        maxResults: query.integer('maxResults'),
        nextToken: query.string('nextToken'),
        defaultOnly: query.boolean('defaultOnly'),
        includeAll: query.boolean('includeAll'),
        clusterVersions: query.list('clusterVersions'),
        status: query.string('status'),
        versionStatus: query.string('versionStatus'),
      };
      const page = describeClusterVersions(
        world.now(),
        Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      );
      return {
        clusterVersions: page.items.map(clusterVersionToWire),
        ...withToken(page.nextToken),
      };
    },
    resource: () => '*',
  },
  {
    method: 'GET',
    path: '/tags/{resourceArn}',
    operation: 'ListTagsForResource',
    run: async ({ state, path }) => ({ tags: listTags(state, path.resourceArn!) }),
    resource: ({ path }) => path.resourceArn!,
  },
  {
    method: 'POST',
    path: '/tags/{resourceArn}',
    operation: 'TagResource',
    async run({ state, path, body }) {
      tagResource(state, path.resourceArn!, body.optionalStringMap('tags') ?? {});
      return {};
    },
    resource: ({ path }) => path.resourceArn!,
  },
  {
    method: 'DELETE',
    path: '/tags/{resourceArn}',
    operation: 'UntagResource',
    async run({ state, path, query }) {
      untagResource(state, path.resourceArn!, query.list('tagKeys') ?? []);
      return {};
    },
    resource: ({ path }) => path.resourceArn!,
  },
  {
    method: 'POST',
    path: '/cluster-registrations',
    operation: 'RegisterCluster',
    async run({ world, state, body }) {
      const connector = body.object('connectorConfig');
      const tags = body.optionalStringMap('tags');
      const token = body.optionalString('clientRequestToken');
      const cluster = registerCluster(world, state, {
        name: body.string('name'),
        connectorConfig: {
          roleArn: connector.string('roleArn'),
          provider: connector.string('provider'),
        },
        ...(tags ? { tags } : {}),
        ...(token ? { clientRequestToken: token } : {}),
      });
      return { cluster: await clusterToWire(cluster, { includeActivationCode: true }) };
    },
    resource: ({ state, body }) =>
      `arn:aws:eks:${state.region}:${state.accountId}:cluster/${body.optionalString('name') ?? '*'}`,
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/cluster-registrations/{name}',
    operation: 'DeregisterCluster',
    run: async ({ world, state, path }) => ({
      cluster: await clusterToWire(deregisterCluster(world, state, path.name!)),
    }),
  },
];
