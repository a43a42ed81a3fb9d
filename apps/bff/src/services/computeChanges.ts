import {
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  DeleteFargateProfileCommand,
  DeleteNodegroupCommand,
  EKSClient,
  UpdateNodegroupConfigCommand,
  UpdateNodegroupVersionCommand,
  type CapacityTypes,
  type AMITypes,
  type Update as EksUpdate,
} from '@aws-sdk/client-eks';
import type {
  ChangeResult,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateFargateProfileRequest,
  CreateNodegroupRequest,
  ScaleNodegroupRequest,
  UpdateLabelsTaintsRequest,
  UpdateNodegroupVersionRequest,
} from '@wheelhouse/contract';
import { InputError } from '../http/errors.ts';
import type { AwsClients } from '../upstream/awsClients.ts';
import { confirmName, requestIdOf, type ChangeContext, type RunChange } from './changeRunner.ts';
import type { ComputeService } from './compute.ts';
import { toUpdate } from './computeMapping.ts';

const arnOf = (ref: ClusterRef, kind: string, name?: string) =>
  `arn:aws:eks:${ref.region}:${ref.accountId}:${kind}/${ref.name}${name ? `/${name}` : ''}`;

const withUpdate = (update: EksUpdate | undefined, requestId: string | undefined) => ({
  result: update ? { update: toUpdate(update) } : {},
  ...(requestId ? { requestId } : {}),
});

/** Operator changes to node groups and Fargate profiles, made as the console user and audited. */
export function createComputeChanges(
  aws: AwsClients,
  compute: ComputeService,
  runChange: RunChange,
) {
  async function eksAs(ref: ClusterRef, context: ChangeContext): Promise<EKSClient> {
    const { account } = await compute.locate(ref);
    return aws.changeClient(EKSClient, account, ref.region, context.user);
  }

  return {
    async scaleNodegroup(
      ref: ClusterRef,
      nodegroup: string,
      request: ScaleNodegroupRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, ...scalingConfig } = request;
      return runChange(
        context,
        {
          action: 'nodegroup.scale',
          target: arnOf(ref, 'nodegroup', nodegroup),
          params: scalingConfig,
        },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new UpdateNodegroupConfigCommand({
              clusterName: ref.name,
              nodegroupName: nodegroup,
              scalingConfig,
              clientRequestToken,
            }),
          );
          return withUpdate(out.update, out.$metadata.requestId);
        },
      );
    },

    async updateLabelsTaints(
      ref: ClusterRef,
      nodegroup: string,
      request: UpdateLabelsTaintsRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const {
        clientRequestToken,
        addOrUpdateLabels,
        removeLabels,
        addOrUpdateTaints,
        removeTaints,
      } = request;
      const labels =
        addOrUpdateLabels || removeLabels ? { addOrUpdateLabels, removeLabels } : undefined;
      const taints =
        addOrUpdateTaints || removeTaints ? { addOrUpdateTaints, removeTaints } : undefined;
      if (!labels && !taints) {
        throw new InputError('Nothing to change.', [
          { field: 'addOrUpdateLabels', message: 'give labels or taints to change' },
        ]);
      }
      return runChange(
        context,
        {
          action: 'nodegroup.labels-taints',
          target: arnOf(ref, 'nodegroup', nodegroup),
          params: { addOrUpdateLabels, removeLabels, addOrUpdateTaints, removeTaints },
        },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new UpdateNodegroupConfigCommand({
              clusterName: ref.name,
              nodegroupName: nodegroup,
              ...(labels ? { labels } : {}),
              ...(taints ? { taints } : {}),
              clientRequestToken,
            }),
          );
          return withUpdate(out.update, out.$metadata.requestId);
        },
      );
    },

    async updateNodegroupVersion(
      ref: ClusterRef,
      nodegroup: string,
      request: UpdateNodegroupVersionRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, ...params } = request;
      return runChange(
        context,
        { action: 'nodegroup.update-version', target: arnOf(ref, 'nodegroup', nodegroup), params },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new UpdateNodegroupVersionCommand({
              clusterName: ref.name,
              nodegroupName: nodegroup,
              ...params,
              clientRequestToken,
            }),
          );
          return withUpdate(out.update, out.$metadata.requestId);
        },
      );
    },

    async createNodegroup(
      ref: ClusterRef,
      request: CreateNodegroupRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, name, scaling, capacityType, amiType, ...rest } = request;
      return runChange(
        context,
        {
          action: 'nodegroup.create',
          target: arnOf(ref, 'nodegroup', name),
          params: { name, scaling, capacityType, amiType, ...rest },
        },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new CreateNodegroupCommand({
              clusterName: ref.name,
              nodegroupName: name,
              scalingConfig: scaling,
              ...(capacityType ? { capacityType: capacityType as CapacityTypes } : {}),
              ...(amiType ? { amiType: amiType as AMITypes } : {}),
              ...rest,
              clientRequestToken,
            }),
          );
          return {
            result: {},
            ...requestIdOf(out),
          };
        },
      );
    },

    async deleteNodegroup(
      ref: ClusterRef,
      nodegroup: string,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, nodegroup);
      return runChange(
        context,
        { action: 'nodegroup.delete', target: arnOf(ref, 'nodegroup', nodegroup), params: {} },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new DeleteNodegroupCommand({ clusterName: ref.name, nodegroupName: nodegroup }),
          );
          return {
            result: {},
            ...requestIdOf(out),
          };
        },
      );
    },

    async createFargateProfile(
      ref: ClusterRef,
      request: CreateFargateProfileRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, name, ...rest } = request;
      return runChange(
        context,
        {
          action: 'fargate.create',
          target: arnOf(ref, 'fargateprofile', name),
          params: { name, ...rest },
        },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new CreateFargateProfileCommand({
              clusterName: ref.name,
              fargateProfileName: name,
              ...rest,
              clientRequestToken,
            }),
          );
          return {
            result: {},
            ...requestIdOf(out),
          };
        },
      );
    },

    async deleteFargateProfile(
      ref: ClusterRef,
      profile: string,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, profile);
      return runChange(
        context,
        { action: 'fargate.delete', target: arnOf(ref, 'fargateprofile', profile), params: {} },
        async () => {
          const eks = await eksAs(ref, context);
          const out = await eks.send(
            new DeleteFargateProfileCommand({ clusterName: ref.name, fargateProfileName: profile }),
          );
          return {
            result: {},
            ...requestIdOf(out),
          };
        },
      );
    },
  };
}
export type ComputeChanges = ReturnType<typeof createComputeChanges>;
