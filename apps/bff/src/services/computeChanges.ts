import type { AMITypes } from '@aws-sdk/client-eks';
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
import { InputError } from '../errors.ts';
import type { AwsGateway } from '../upstream/awsGateway.ts';
import { eksArn } from '../upstream/partition.ts';
import { confirmName, eksChange, type ChangeContext, type RunChange } from './changeRunner.ts';
import type { ComputeService } from './compute.ts';

const arnOf = (ref: ClusterRef, kind: string, name: string) =>
  eksArn(ref.region, ref.accountId, `${kind}/${ref.name}/${name}`);

/** Operator changes to node groups and Fargate profiles, made as the console user and audited. */
export function createComputeChanges(
  aws: AwsGateway,
  compute: ComputeService,
  runChange: RunChange,
) {
  const change = eksChange(runChange, async (ref, context) =>
    aws.eksAs(await compute.locate(ref), context.user),
  );

  return {
    scaleNodegroup(
      ref: ClusterRef,
      nodegroup: string,
      request: ScaleNodegroupRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, ...scalingConfig } = request;
      const target = arnOf(ref, 'nodegroup', nodegroup);
      return change(
        ref,
        context,
        { action: 'nodegroup.scale', target, params: scalingConfig },
        (eks) =>
          eks.updateNodegroupConfig({
            clusterName: ref.name,
            nodegroupName: nodegroup,
            scalingConfig,
            clientRequestToken,
          }),
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
      const params = { addOrUpdateLabels, removeLabels, addOrUpdateTaints, removeTaints };
      const target = arnOf(ref, 'nodegroup', nodegroup);
      return change(ref, context, { action: 'nodegroup.labels-taints', target, params }, (eks) =>
        eks.updateNodegroupConfig({
          clusterName: ref.name,
          nodegroupName: nodegroup,
          ...(labels ? { labels } : {}),
          ...(taints ? { taints } : {}),
          clientRequestToken,
        }),
      );
    },

    updateNodegroupVersion(
      ref: ClusterRef,
      nodegroup: string,
      request: UpdateNodegroupVersionRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, ...params } = request;
      const target = arnOf(ref, 'nodegroup', nodegroup);
      return change(ref, context, { action: 'nodegroup.update-version', target, params }, (eks) =>
        eks.updateNodegroupVersion({
          clusterName: ref.name,
          nodegroupName: nodegroup,
          ...params,
          clientRequestToken,
        }),
      );
    },

    createNodegroup(
      ref: ClusterRef,
      request: CreateNodegroupRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, name, scaling, capacityType, amiType, ...rest } = request;
      const params = { name, scaling, capacityType, amiType, ...rest };
      const target = arnOf(ref, 'nodegroup', name);
      return change(ref, context, { action: 'nodegroup.create', target, params }, (eks) =>
        eks.createNodegroup({
          clusterName: ref.name,
          nodegroupName: name,
          scalingConfig: scaling,
          ...(capacityType ? { capacityType: capacityType } : {}),
          ...(amiType ? { amiType: amiType as AMITypes } : {}),
          ...rest,
          clientRequestToken,
        }),
      );
    },

    async deleteNodegroup(
      ref: ClusterRef,
      nodegroup: string,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, nodegroup);
      const target = arnOf(ref, 'nodegroup', nodegroup);
      return change(ref, context, { action: 'nodegroup.delete', target, params: {} }, (eks) =>
        eks.deleteNodegroup(ref.name, nodegroup),
      );
    },

    createFargateProfile(
      ref: ClusterRef,
      request: CreateFargateProfileRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, name, ...rest } = request;
      const target = arnOf(ref, 'fargateprofile', name);
      return change(
        ref,
        context,
        { action: 'fargate.create', target, params: { name, ...rest } },
        (eks) =>
          eks.createFargateProfile({
            clusterName: ref.name,
            fargateProfileName: name,
            ...rest,
            clientRequestToken,
          }),
      );
    },

    async deleteFargateProfile(
      ref: ClusterRef,
      profile: string,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, profile);
      const target = arnOf(ref, 'fargateprofile', profile);
      return change(ref, context, { action: 'fargate.delete', target, params: {} }, (eks) =>
        eks.deleteFargateProfile(ref.name, profile),
      );
    },
  };
}
export type ComputeChanges = ReturnType<typeof createComputeChanges>;
