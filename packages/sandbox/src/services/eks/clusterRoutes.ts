import { findAddon } from '../../world/eks/addons.ts';
import { kubeEndpointOf, runningKubeEndpointOf } from '../../kube/kubeRegistry.ts';
import { bootstrapCreatorAccess } from '../../world/eks/accessEntries.ts';
import {
  createCluster,
  deleteCluster,
  findCluster,
  findEksCluster,
  listClusterNames,
} from '../../world/eks/clusters.ts';
import { updateClusterConfig, updateClusterVersion } from '../../world/eks/clusterUpdates.ts';
import { findNodegroup } from '../../world/eks/nodegroups.ts';
import { findUpdate, listUpdateIds } from '../../world/eks/updates.ts';
import type { LoggingInput } from '../../world/eks/validation.ts';
import { defined, type JsonInput } from './eksInput.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { clusterToWire, updateToWire } from './wireShapes.ts';

function loggingInput(input: JsonInput | undefined): LoggingInput | undefined {
  if (!input) return undefined;
  return {
    clusterLogging: (input.optionalObjectList('clusterLogging') ?? []).map((setup) => ({
      ...(setup.optionalStringList('types') ? { types: setup.optionalStringList('types')! } : {}),
      ...(setup.optionalBoolean('enabled') !== undefined
        ? { enabled: setup.optionalBoolean('enabled')! }
        : {}),
    })),
  };
}

/** The members of VpcConfigRequest, typed. */
function vpcInput(input: JsonInput) {
  const out: {
    subnetIds?: string[];
    securityGroupIds?: string[];
    endpointPublicAccess?: boolean;
    endpointPrivateAccess?: boolean;
    publicAccessCidrs?: string[];
  } = {};
  const subnetIds = input.optionalStringList('subnetIds');
  const securityGroupIds = input.optionalStringList('securityGroupIds');
  const endpointPublicAccess = input.optionalBoolean('endpointPublicAccess');
  const endpointPrivateAccess = input.optionalBoolean('endpointPrivateAccess');
  const publicAccessCidrs = input.optionalStringList('publicAccessCidrs');
  if (subnetIds) out.subnetIds = subnetIds;
  if (securityGroupIds) out.securityGroupIds = securityGroupIds;
  if (endpointPublicAccess !== undefined) out.endpointPublicAccess = endpointPublicAccess;
  if (endpointPrivateAccess !== undefined) out.endpointPrivateAccess = endpointPrivateAccess;
  if (publicAccessCidrs) out.publicAccessCidrs = publicAccessCidrs;
  return out;
}

async function createClusterRoute({ world, state, body, context }: EksCall) {
  const network = body.optionalObject('kubernetesNetworkConfig');
  const access = body.optionalObject('accessConfig');
  const cluster = createCluster(world, state, {
    name: body.string('name'),
    roleArn: body.string('roleArn'),
    resourcesVpcConfig: vpcInput(body.object('resourcesVpcConfig')),
    ...defined({
      version: body.optionalString('version'),
      kubernetesNetworkConfig: network
        ? defined({
            serviceIpv4Cidr: network.optionalString('serviceIpv4Cidr'),
            ipFamily: network.optionalString('ipFamily'),
          })
        : undefined,
      logging: loggingInput(body.optionalObject('logging')),
      tags: body.optionalStringMap('tags'),
      encryptionConfig: body.optionalObjectList('encryptionConfig')?.map((config) =>
        defined({
          resources: config.optionalStringList('resources'),
          provider: defined({
            keyArn: config.optionalObject('provider')?.optionalString('keyArn'),
          }),
        }),
      ),
      accessConfig: access
        ? defined({
            authenticationMode: access.optionalString('authenticationMode'),
            bootstrapClusterCreatorAdminPermissions: access.optionalBoolean(
              'bootstrapClusterCreatorAdminPermissions',
            ),
          })
        : undefined,
      upgradePolicy: body.optionalObject('upgradePolicy')
        ? defined({ supportType: body.object('upgradePolicy').optionalString('supportType') })
        : undefined,
      zonalShiftConfig: body.optionalObject('zonalShiftConfig')
        ? defined({ enabled: body.object('zonalShiftConfig').optionalBoolean('enabled') })
        : undefined,
      deletionProtection: body.optionalBoolean('deletionProtection'),
      clientRequestToken: body.optionalString('clientRequestToken'),
    }),
  });
  // A role session's entry names the role: sessions come and go, the role stays.
  const creator =
    context.principal.type === 'AssumedRole' ? context.principal.role.arn : context.principal.arn;
  bootstrapCreatorAccess(cluster, creator, world.now());
  return { cluster: await clusterToWire(cluster) };
}

const UNSIMULATED_CONFIG = [
  'computeConfig',
  'kubernetesNetworkConfig',
  'storageConfig',
  'remoteNetworkConfig',
  'controlPlaneScalingConfig',
];

async function updateClusterConfigRoute({ world, state, path, body }: EksCall) {
  const vpc = body.optionalObject('resourcesVpcConfig');
  const access = body.optionalObject('accessConfig');
  const policy = body.optionalObject('upgradePolicy');
  const zonal = body.optionalObject('zonalShiftConfig');
  const update = updateClusterConfig(world, state, path.name!, {
    ...defined({
      logging: loggingInput(body.optionalObject('logging')),
      resourcesVpcConfig: vpc ? vpcInput(vpc) : undefined,
      accessConfig: access
        ? defined({ authenticationMode: access.optionalString('authenticationMode') })
        : undefined,
      upgradePolicy: policy
        ? defined({ supportType: policy.optionalString('supportType') })
        : undefined,
      zonalShiftConfig: zonal ? defined({ enabled: zonal.optionalBoolean('enabled') }) : undefined,
      deletionProtection: body.optionalBoolean('deletionProtection'),
    }),
    unsupported: UNSIMULATED_CONFIG.filter((member) => body.has(member)),
  });
  return { update: updateToWire(update) };
}

/** Updates of a node group or add-on when `nodegroupName` or `addonName` is given, else of the cluster. */
function updatesOf({ state, path, query }: EksCall) {
  const cluster = findEksCluster(state, path.name!);
  const nodegroupName = query.string('nodegroupName');
  const addonName = query.string('addonName');
  if (nodegroupName) return findNodegroup(cluster, nodegroupName);
  return addonName ? findAddon(cluster, addonName) : cluster;
}

export const clusterRoutes: EksRoute[] = [
  {
    method: 'GET',
    path: '/clusters',
    operation: 'ListClusters',
    async run({ state, query }) {
      const page = listClusterNames(state, {
        ...defined({
          maxResults: query.integer('maxResults'),
          nextToken: query.string('nextToken'),
          include: query.list('include'),
        }),
      });
      return { clusters: page.items, ...defined({ nextToken: page.nextToken }) };
    },
    resource: ({ state }) => `arn:aws:eks:${state.region}:${state.accountId}:cluster/*`,
  },
  {
    method: 'GET',
    path: '/clusters/{name}',
    operation: 'DescribeCluster',
    async run({ world, state, path }) {
      const cluster = findCluster(state, path.name!);
      const endpoint = await kubeEndpointOf(world, cluster);
      return { cluster: await clusterToWire(cluster, endpoint ? { endpoint } : {}) };
    },
  },
  {
    method: 'POST',
    path: '/clusters',
    operation: 'CreateCluster',
    run: createClusterRoute,
    resource: ({ state, body }) =>
      `arn:aws:eks:${state.region}:${state.accountId}:cluster/${body.optionalString('name') ?? '*'}`,
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}',
    operation: 'DeleteCluster',
    async run({ world, state, path }) {
      const cluster = deleteCluster(world, state, path.name!);
      const endpoint = runningKubeEndpointOf(world, cluster);
      return { cluster: await clusterToWire(cluster, endpoint ? { endpoint } : {}) };
    },
  },
  {
    method: 'POST',
    path: '/clusters/{name}/update-config',
    operation: 'UpdateClusterConfig',
    run: updateClusterConfigRoute,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/updates',
    operation: 'UpdateClusterVersion',
    async run({ world, state, path, body }) {
      const update = updateClusterVersion(world, state, path.name!, {
        version: body.string('version'),
        ...defined({ force: body.optionalBoolean('force') }),
      });
      return { update: updateToWire(update) };
    },
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/clusters/{name}/updates',
    operation: 'ListUpdates',
    async run(call) {
      const page = listUpdateIds(updatesOf(call), {
        ...defined({
          maxResults: call.query.integer('maxResults'),
          nextToken: call.query.string('nextToken'),
        }),
      });
      return { updateIds: page.items, ...defined({ nextToken: page.nextToken }) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/updates/{updateId}',
    operation: 'DescribeUpdate',
    run: async (call) => ({
      update: updateToWire(findUpdate(updatesOf(call), call.path.name!, call.path.updateId!)),
    }),
  },
];
