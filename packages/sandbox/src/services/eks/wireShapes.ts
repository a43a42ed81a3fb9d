import { certificateAuthorityOf } from '../../world/eks/certificateAuthority.ts';
import type { ClusterVersionInfo } from '../../world/eks/clusterVersions.ts';
import {
  clusterVersionsOf,
  defaultAddonVersion,
  type AddonCatalogueEntry,
} from '../../world/eks/addonCatalogue.ts';
import {
  LOG_TYPES,
  type AddonRecord,
  type ClusterRecord,
  type FargateProfileRecord,
  type HealthIssue,
  type NodegroupRecord,
  type UpdateRecord,
} from '../../world/eks/types.ts';

/** EKS's wire shapes, built from the world's records. Timestamps are epoch seconds (rest-json's default). */

export const epochSeconds = (date: Date) => date.getTime() / 1000;

const issues = (health: HealthIssue[]) => ({
  issues: health.map((issue) => ({
    code: issue.code,
    message: issue.message,
    ...(issue.resourceIds ? { resourceIds: issue.resourceIds } : {}),
  })),
});

/** Endpoint, CA and OIDC issuer exist once the control plane is up (not while CREATING, not after a failed create). */
function hasControlPlane(cluster: ClusterRecord): boolean {
  return cluster.status !== 'CREATING' && cluster.status !== 'FAILED';
}

export async function clusterToWire(
  cluster: ClusterRecord,
  options: {
    includeActivationCode?: boolean;
    /** The served Kubernetes API (https://127.0.0.1:<port>); a placeholder host when Kubernetes is off. */
    endpoint?: string;
  } = {},
): Promise<Record<string, unknown>> {
  const common = {
    name: cluster.name,
    arn: cluster.arn,
    createdAt: epochSeconds(cluster.createdAt),
    status: cluster.status,
    tags: { ...cluster.tags },
    ...(cluster.clientRequestToken ? { clientRequestToken: cluster.clientRequestToken } : {}),
    health: issues(cluster.health),
  };
  if (cluster.kind === 'connected') {
    const connector = cluster.connector;
    return {
      ...common,
      connectorConfig: {
        activationId: connector.activationId,
        // EKS hands out the activation code once, in RegisterCluster's answer.
        ...(options.includeActivationCode ? { activationCode: connector.activationCode } : {}),
        activationExpiry: epochSeconds(connector.activationExpiry),
        provider: connector.provider,
        roleArn: connector.roleArn,
      },
    };
  }
  const enabled = LOG_TYPES.filter((type) => cluster.logging.has(type));
  const disabled = LOG_TYPES.filter((type) => !cluster.logging.has(type));
  const controlPlane = hasControlPlane(cluster);
  const authority = controlPlane ? await certificateAuthorityOf(cluster) : undefined;
  return {
    ...common,
    version: cluster.version,
    ...(controlPlane
      ? {
          endpoint:
            options.endpoint ??
            `https://${cluster.endpointId}.gr7.${cluster.region}.eks.amazonaws.com`,
        }
      : {}),
    roleArn: cluster.roleArn,
    resourcesVpcConfig: {
      subnetIds: [...cluster.vpc.subnetIds],
      securityGroupIds: [...cluster.vpc.securityGroupIds],
      clusterSecurityGroupId: cluster.vpc.clusterSecurityGroupId,
      vpcId: cluster.vpc.vpcId,
      endpointPublicAccess: cluster.vpc.endpointPublicAccess,
      endpointPrivateAccess: cluster.vpc.endpointPrivateAccess,
      publicAccessCidrs: [...cluster.vpc.publicAccessCidrs],
    },
    kubernetesNetworkConfig: {
      serviceIpv4Cidr: cluster.serviceIpv4Cidr,
      ipFamily: cluster.ipFamily,
      elasticLoadBalancing: { enabled: false },
    },
    logging: {
      clusterLogging: [
        ...(enabled.length > 0 ? [{ types: enabled, enabled: true }] : []),
        ...(disabled.length > 0 ? [{ types: disabled, enabled: false }] : []),
      ],
    },
    ...(controlPlane
      ? {
          identity: {
            oidc: {
              issuer: `https://oidc.eks.${cluster.region}.amazonaws.com/id/${cluster.endpointId}`,
            },
          },
        }
      : {}),
    certificateAuthority: authority
      ? { data: Buffer.from(authority.certificatePem).toString('base64') }
      : {},
    platformVersion: cluster.platformVersion,
    ...(cluster.encryption.length > 0
      ? {
          encryptionConfig: cluster.encryption.map((config) => ({
            resources: [...config.resources],
            provider: { keyArn: config.keyArn },
          })),
        }
      : {}),
    accessConfig: { ...cluster.accessConfig },
    upgradePolicy: { supportType: cluster.supportType },
    zonalShiftConfig: { enabled: cluster.zonalShift },
    deletionProtection: cluster.deletionProtection,
  };
}

export function nodegroupToWire(nodegroup: NodegroupRecord): Record<string, unknown> {
  return {
    nodegroupName: nodegroup.name,
    nodegroupArn: nodegroup.arn,
    clusterName: nodegroup.clusterName,
    version: nodegroup.version,
    releaseVersion: nodegroup.releaseVersion,
    createdAt: epochSeconds(nodegroup.createdAt),
    modifiedAt: epochSeconds(nodegroup.modifiedAt),
    status: nodegroup.status,
    capacityType: nodegroup.capacityType,
    scalingConfig: { ...nodegroup.scalingConfig },
    instanceTypes: [...nodegroup.instanceTypes],
    subnets: [...nodegroup.subnets],
    amiType: nodegroup.amiType,
    nodeRole: nodegroup.nodeRole,
    labels: { ...nodegroup.labels },
    ...(nodegroup.taints.length > 0
      ? { taints: nodegroup.taints.map((taint) => ({ ...taint })) }
      : {}),
    resources: { autoScalingGroups: [{ name: nodegroup.autoScalingGroupName }] },
    diskSize: nodegroup.diskSize,
    health: issues(nodegroup.health),
    updateConfig: { ...nodegroup.updateConfig },
    tags: { ...nodegroup.tags },
  };
}

export function fargateProfileToWire(profile: FargateProfileRecord): Record<string, unknown> {
  return {
    fargateProfileName: profile.name,
    fargateProfileArn: profile.arn,
    clusterName: profile.clusterName,
    createdAt: epochSeconds(profile.createdAt),
    podExecutionRoleArn: profile.podExecutionRoleArn,
    subnets: [...profile.subnets],
    selectors: profile.selectors.map((selector) => ({
      namespace: selector.namespace,
      ...(selector.labels ? { labels: { ...selector.labels } } : {}),
    })),
    status: profile.status,
    tags: { ...profile.tags },
    health: issues(profile.health),
  };
}

export function updateToWire(update: UpdateRecord): Record<string, unknown> {
  return {
    id: update.id,
    status: update.status,
    type: update.type,
    params: update.params.map((param) => ({ ...param })),
    createdAt: epochSeconds(update.createdAt),
    errors: update.errors.map((error) => ({ ...error, resourceIds: [...error.resourceIds] })),
  };
}

export function clusterVersionToWire(info: ClusterVersionInfo): Record<string, unknown> {
  return {
    clusterVersion: info.clusterVersion,
    clusterType: info.clusterType,
    defaultPlatformVersion: info.defaultPlatformVersion,
    defaultVersion: info.defaultVersion,
    releaseDate: epochSeconds(info.releaseDate),
    endOfStandardSupportDate: epochSeconds(info.endOfStandardSupportDate),
    endOfExtendedSupportDate: epochSeconds(info.endOfExtendedSupportDate),
    status: info.status,
    versionStatus: info.versionStatus,
    kubernetesPatchVersion: info.kubernetesPatchVersion,
  };
}

export function addonToWire(addon: AddonRecord): Record<string, unknown> {
  return {
    addonName: addon.name,
    clusterName: addon.clusterName,
    status: addon.status,
    addonVersion: addon.addonVersion,
    health: issues(addon.health),
    addonArn: addon.arn,
    createdAt: epochSeconds(addon.createdAt),
    modifiedAt: epochSeconds(addon.modifiedAt),
    ...(addon.serviceAccountRoleArn ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
    tags: { ...addon.tags },
    publisher: 'eks',
    owner: 'aws',
    ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
    podIdentityAssociations: [...addon.podIdentityAssociations],
  };
}

/** An AddonInfo of DescribeAddonVersions; compatibilities only for `kubernetesVersion` when it was asked. */
export function addonInfoToWire(
  entry: AddonCatalogueEntry,
  kubernetesVersion: string | undefined,
): Record<string, unknown> {
  return {
    addonName: entry.addonName,
    type: entry.type,
    publisher: entry.publisher,
    owner: entry.owner,
    defaultNamespace: entry.defaultNamespace,
    addonVersions: entry.versions.map((version) => ({
      addonVersion: version.addonVersion,
      architecture: ['amd64', 'arm64'],
      computeTypes: ['ec2'],
      compatibilities: clusterVersionsOf(version)
        .filter((clusterVersion) => !kubernetesVersion || clusterVersion === kubernetesVersion)
        .map((clusterVersion) => ({
          clusterVersion,
          platformVersions: ['*'],
          defaultVersion: defaultAddonVersion(entry, clusterVersion) === version.addonVersion,
        })),
      requiresConfiguration: false,
      requiresIamPermissions: version.requiresIamPermissions,
    })),
  };
}
