import type { AutoScalingGroup, Instance as AsgInstance } from '@aws-sdk/client-auto-scaling';
import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import type {
  FargateProfile as EksFargateProfile,
  Nodegroup as EksNodegroup,
  Update as EksUpdate,
} from '@aws-sdk/client-eks';
import type { FargateProfile, Instance, Nodegroup, Taint, Update } from '@wheelhouse/contract';

const iso = (date: Date | undefined) => date?.toISOString();

export function toNodegroup(ng: EksNodegroup, currentInstances: number | undefined): Nodegroup {
  return {
    name: ng.nodegroupName ?? '',
    arn: ng.nodegroupArn ?? '',
    status: ng.status ?? 'DEGRADED',
    ...(ng.capacityType ? { capacityType: ng.capacityType } : {}),
    instanceTypes: ng.instanceTypes ?? [],
    ...(ng.amiType ? { amiType: ng.amiType } : {}),
    ...(ng.version ? { version: ng.version } : {}),
    ...(ng.releaseVersion ? { releaseVersion: ng.releaseVersion } : {}),
    scaling: {
      minSize: ng.scalingConfig?.minSize ?? 0,
      maxSize: ng.scalingConfig?.maxSize ?? 0,
      desiredSize: ng.scalingConfig?.desiredSize ?? 0,
    },
    ...(currentInstances !== undefined ? { currentInstances } : {}),
    labels: ng.labels ?? {},
    taints: (ng.taints ?? []).map((taint): Taint => ({
      key: taint.key ?? '',
      ...(taint.value !== undefined ? { value: taint.value } : {}),
      effect: taint.effect ?? 'NO_SCHEDULE',
    })),
    subnets: ng.subnets ?? [],
    ...(ng.nodeRole ? { nodeRole: ng.nodeRole } : {}),
    ...(ng.diskSize !== undefined ? { diskSize: ng.diskSize } : {}),
    autoScalingGroups: (ng.resources?.autoScalingGroups ?? []).flatMap((group) =>
      group.name ? [group.name] : [],
    ),
    ...(ng.updateConfig
      ? {
          updateConfig: {
            ...(ng.updateConfig.maxUnavailable !== undefined
              ? { maxUnavailable: ng.updateConfig.maxUnavailable }
              : {}),
            ...(ng.updateConfig.maxUnavailablePercentage !== undefined
              ? { maxUnavailablePercentage: ng.updateConfig.maxUnavailablePercentage }
              : {}),
          },
        }
      : {}),
    health: (ng.health?.issues ?? []).map((issue) => ({
      code: issue.code ?? 'Unknown',
      message: issue.message ?? '',
      resourceIds: issue.resourceIds ?? [],
    })),
    ...(ng.createdAt ? { createdAt: iso(ng.createdAt) } : {}),
    ...(ng.modifiedAt ? { modifiedAt: iso(ng.modifiedAt) } : {}),
    tags: ng.tags ?? {},
  };
}

export function toFargateProfile(profile: EksFargateProfile): FargateProfile {
  return {
    name: profile.fargateProfileName ?? '',
    arn: profile.fargateProfileArn ?? '',
    status: profile.status ?? 'CREATE_FAILED',
    podExecutionRoleArn: profile.podExecutionRoleArn ?? '',
    subnets: profile.subnets ?? [],
    selectors: (profile.selectors ?? []).map((selector) => ({
      namespace: selector.namespace ?? '',
      ...(selector.labels && Object.keys(selector.labels).length
        ? { labels: selector.labels }
        : {}),
    })),
    ...(profile.createdAt ? { createdAt: iso(profile.createdAt) } : {}),
    tags: profile.tags ?? {},
    health: (profile.health?.issues ?? []).map((issue) => ({
      code: issue.code ?? 'Unknown',
      message: issue.message ?? '',
      resourceIds: issue.resourceIds ?? [],
    })),
  };
}

export function toUpdate(update: EksUpdate, progress?: number, steps?: Update['steps']): Update {
  return {
    id: update.id ?? '',
    type: update.type ?? 'Unknown',
    status: update.status ?? 'InProgress',
    params: (update.params ?? []).map((param) => ({
      type: param.type ?? '',
      value: param.value ?? '',
    })),
    errors: (update.errors ?? []).map((error) => ({
      code: error.errorCode ?? 'Unknown',
      message: error.errorMessage ?? '',
      resourceIds: error.resourceIds ?? [],
    })),
    ...(update.createdAt ? { createdAt: iso(update.createdAt) } : {}),
    ...(progress !== undefined ? { progress } : {}),
    ...(steps ? { steps } : {}),
  };
}

const LIFECYCLES: Record<string, Instance['lifecycle']> = {
  spot: 'spot',
  'capacity-block': 'capacity-block',
};

/** An instance as Auto Scaling lists it, completed with what EC2 knows (AMI, launch time, lifecycle, role). */
export function toInstance(member: AsgInstance, ec2: Ec2Instance | undefined): Instance {
  return {
    instanceId: member.InstanceId ?? '',
    instanceType: ec2?.InstanceType ?? member.InstanceType ?? '',
    availabilityZone: member.AvailabilityZone ?? ec2?.Placement?.AvailabilityZone ?? '',
    lifecycle: LIFECYCLES[ec2?.InstanceLifecycle ?? ''] ?? 'on-demand',
    state: ec2?.State?.Name ?? 'unknown',
    ...(ec2?.LaunchTime ? { launchTime: iso(ec2.LaunchTime) } : {}),
    ...(ec2?.ImageId ? { imageId: ec2.ImageId } : {}),
    ...(ec2?.PrivateIpAddress ? { privateIpAddress: ec2.PrivateIpAddress } : {}),
    ...(ec2?.IamInstanceProfile?.Arn ? { iamInstanceProfile: ec2.IamInstanceProfile.Arn } : {}),
    ...(member.LifecycleState ? { lifecycleState: member.LifecycleState } : {}),
  };
}

/**
 * The instances a node group counts as current: those Auto Scaling reports InService. Pending,
 * Terminating, Standby and warm-pool instances are on their way in or out and serve no pods yet.
 */
export const inServiceCount = (instances: Instance[]): number =>
  instances.filter((i) => (i.lifecycleState ?? 'InService') === 'InService').length;

export const tagsOf = (group: AutoScalingGroup): Record<string, string> =>
  Object.fromEntries(
    (group.Tags ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? '']] : [])),
  );

export const launchTemplateOf = (group: AutoScalingGroup): string | undefined => {
  const template =
    group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (template)
    return `${template.LaunchTemplateName ?? template.LaunchTemplateId}:${template.Version ?? '$Default'}`;
  return group.LaunchConfigurationName;
};
