import { createFargateProfile, deleteFargateProfile } from '../../world/eks/fargateChanges.ts';
import { createNodegroup, deleteNodegroup } from '../../world/eks/nodegroupChanges.ts';
import { updateNodegroupConfig, updateNodegroupVersion } from '../../world/eks/nodegroupUpdates.ts';
import { defined, type JsonInput } from './eksInput.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { fargateProfileToWire, nodegroupToWire, updateToWire } from './wireShapes.ts';

/** Changes to node groups and Fargate profiles (the EC2 / Auto Scaling side comes with a later simulation). */

function scalingInput(input: JsonInput | undefined) {
  return input
    ? defined({
        minSize: input.optionalInteger('minSize'),
        maxSize: input.optionalInteger('maxSize'),
        desiredSize: input.optionalInteger('desiredSize'),
      })
    : undefined;
}

function taintsInput(list: JsonInput[] | undefined) {
  return list?.map((taint) =>
    defined({
      key: taint.optionalString('key'),
      value: taint.optionalString('value'),
      effect: taint.optionalString('effect'),
    }),
  );
}

/** IAM resource of a node group call: its ARN when it exists, a pattern otherwise. */
function nodegroupResource({ state, path, body }: EksCall): string {
  const cluster = state.clusters.get(path.name!);
  const name = path.nodegroupName ?? body.optionalString('nodegroupName') ?? '*';
  const existing = cluster?.kind === 'eks' ? cluster.nodegroups.get(name) : undefined;
  return (
    existing?.arn ??
    `arn:aws:eks:${state.region}:${state.accountId}:nodegroup/${path.name}/${name}/*`
  );
}

function fargateResource({ state, path, body }: EksCall): string {
  const cluster = state.clusters.get(path.name!);
  const name = path.fargateProfileName ?? body.optionalString('fargateProfileName') ?? '*';
  const existing = cluster?.kind === 'eks' ? cluster.fargateProfiles.get(name) : undefined;
  return (
    existing?.arn ??
    `arn:aws:eks:${state.region}:${state.accountId}:fargateprofile/${path.name}/${name}/*`
  );
}

export const computeRoutes: EksRoute[] = [
  {
    method: 'POST',
    path: '/clusters/{name}/node-groups',
    operation: 'CreateNodegroup',
    async run({ world, state, path, body }) {
      const nodegroup = createNodegroup(world, state, path.name!, {
        nodegroupName: body.string('nodegroupName'),
        subnets: body.optionalStringList('subnets') ?? [],
        nodeRole: body.string('nodeRole'),
        ...defined({
          scalingConfig: scalingInput(body.optionalObject('scalingConfig')),
          instanceTypes: body.optionalStringList('instanceTypes'),
          capacityType: body.optionalString('capacityType'),
          amiType: body.optionalString('amiType'),
          diskSize: body.optionalInteger('diskSize'),
          labels: body.optionalStringMap('labels'),
          taints: taintsInput(body.optionalObjectList('taints')),
          tags: body.optionalStringMap('tags'),
          version: body.optionalString('version'),
          releaseVersion: body.optionalString('releaseVersion'),
        }),
      });
      return { nodegroup: nodegroupToWire(nodegroup) };
    },
    resource: nodegroupResource,
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/node-groups/{nodegroupName}',
    operation: 'DeleteNodegroup',
    run: async ({ world, state, path }) => ({
      nodegroup: nodegroupToWire(deleteNodegroup(world, state, path.name!, path.nodegroupName!)),
    }),
    resource: nodegroupResource,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/node-groups/{nodegroupName}/update-config',
    operation: 'UpdateNodegroupConfig',
    async run({ world, state, path, body }) {
      const labels = body.optionalObject('labels');
      const taints = body.optionalObject('taints');
      const updateConfig = body.optionalObject('updateConfig');
      const update = updateNodegroupConfig(world, state, path.name!, path.nodegroupName!, {
        ...defined({
          scalingConfig: scalingInput(body.optionalObject('scalingConfig')),
          labels: labels
            ? defined({
                addOrUpdateLabels: labels.optionalStringMap('addOrUpdateLabels'),
                removeLabels: labels.optionalStringList('removeLabels'),
              })
            : undefined,
          taints: taints
            ? defined({
                addOrUpdateTaints: taintsInput(taints.optionalObjectList('addOrUpdateTaints')),
                removeTaints: taintsInput(taints.optionalObjectList('removeTaints')),
              })
            : undefined,
          updateConfig: updateConfig
            ? defined({
                maxUnavailable: updateConfig.optionalInteger('maxUnavailable'),
                maxUnavailablePercentage: updateConfig.optionalInteger('maxUnavailablePercentage'),
              })
            : undefined,
        }),
      });
      return { update: updateToWire(update) };
    },
    resource: nodegroupResource,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/node-groups/{nodegroupName}/update-version',
    operation: 'UpdateNodegroupVersion',
    async run({ world, state, path, body }) {
      const update = updateNodegroupVersion(world, state, path.name!, path.nodegroupName!, {
        ...defined({
          version: body.optionalString('version'),
          releaseVersion: body.optionalString('releaseVersion'),
          force: body.optionalBoolean('force'),
        }),
      });
      return { update: updateToWire(update) };
    },
    resource: nodegroupResource,
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/clusters/{name}/fargate-profiles',
    operation: 'CreateFargateProfile',
    async run({ world, state, path, body }) {
      const profile = createFargateProfile(world, state, path.name!, {
        fargateProfileName: body.string('fargateProfileName'),
        podExecutionRoleArn: body.string('podExecutionRoleArn'),
        ...defined({
          subnets: body.optionalStringList('subnets'),
          selectors: body.optionalObjectList('selectors')?.map((selector) =>
            defined({
              namespace: selector.optionalString('namespace'),
              labels: selector.optionalStringMap('labels'),
            }),
          ),
          tags: body.optionalStringMap('tags'),
        }),
      });
      return { fargateProfile: fargateProfileToWire(profile) };
    },
    resource: fargateResource,
    idempotent: true,
  },
  {
    method: 'DELETE',
    path: '/clusters/{name}/fargate-profiles/{fargateProfileName}',
    operation: 'DeleteFargateProfile',
    run: async ({ world, state, path }) => ({
      fargateProfile: fargateProfileToWire(
        deleteFargateProfile(world, state, path.name!, path.fargateProfileName!),
      ),
    }),
    resource: fargateResource,
  },
];
