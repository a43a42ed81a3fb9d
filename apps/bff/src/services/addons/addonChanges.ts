import type {
  ChangeResult,
  ClusterRef,
  CreateAddonRequest,
  DeleteAddonRequest,
  UpdateAddonRequest,
} from '@wheelhouse/contract';
import type { AwsGateway } from '../../upstream/awsGateway.ts';
import { eksArn } from '../../upstream/partition.ts';
import type { AddonConfigurations } from './addonConfiguration.ts';
import { confirmName, eksChange, type ChangeContext, type RunChange } from '../changeRunner.ts';

const addonTarget = (ref: ClusterRef, addon: string) =>
  eksArn(ref.region, ref.accountId, `addon/${ref.name}/${addon}`);

/** Operator changes to EKS add-ons, made as the console user (SourceIdentity) and audited. */
export function createAddonChanges(
  aws: AwsGateway,
  runChange: RunChange,
  configurations: AddonConfigurations,
) {
  const change = eksChange(runChange, async (ref, context) =>
    aws.eksAs(await aws.locate(ref.accountId, ref.region), context.user),
  );

  return {
    async createAddon(
      ref: ClusterRef,
      request: CreateAddonRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, name, version, ...rest } = request;
      await configurations.check(ref, name, version, request.configurationValues);
      return change(
        ref,
        context,
        { action: 'addon.create', target: addonTarget(ref, name), params: request },
        (eks) =>
          eks.createAddon({
            clusterName: ref.name,
            addonName: name,
            ...(version ? { addonVersion: version } : {}),
            ...rest,
            clientRequestToken,
          }),
      );
    },

    async updateAddon(
      ref: ClusterRef,
      addon: string,
      request: UpdateAddonRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { clientRequestToken, version, ...rest } = request;
      await configurations.check(ref, addon, version, request.configurationValues);
      return change(
        ref,
        context,
        { action: 'addon.update', target: addonTarget(ref, addon), params: request },
        (eks) =>
          eks.updateAddon({
            clusterName: ref.name,
            addonName: addon,
            addonVersion: version,
            ...rest,
            clientRequestToken,
          }),
      );
    },

    async deleteAddon(
      ref: ClusterRef,
      addon: string,
      request: DeleteAddonRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, addon);
      return change(
        ref,
        context,
        {
          action: 'addon.delete',
          target: addonTarget(ref, addon),
          params: { preserve: request.preserve },
        },
        (eks) => eks.deleteAddon(ref.name, addon, request.preserve),
      );
    },
  };
}
export type AddonChanges = ReturnType<typeof createAddonChanges>;
