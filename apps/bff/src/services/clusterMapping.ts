import type { Cluster, ClusterVersionInformation } from '@aws-sdk/client-eks';
import {
  LOG_TYPES,
  type ClusterDetail,
  type ClusterSummary,
  type LogType,
  type VersionSupport,
} from '@wheelhouse/contract';

/** Where the cluster was read from. */
export interface ClusterSource {
  accountId: string;
  accountName: string;
  region: string;
}

const iso = (date: Date | undefined) => date?.toISOString();

/** Support status of a Kubernetes version, from DescribeClusterVersions' entry for it. */
export function versionSupportOf(info: ClusterVersionInformation | undefined): VersionSupport {
  if (!info) return { status: 'UNKNOWN' };
  const status = info.versionStatus ?? statusFromLegacy(info.status);
  return {
    status,
    ...(info.endOfStandardSupportDate
      ? { endOfStandardSupport: iso(info.endOfStandardSupportDate) }
      : {}),
    ...(info.endOfExtendedSupportDate
      ? { endOfExtendedSupport: iso(info.endOfExtendedSupportDate) }
      : {}),
  };
}

function statusFromLegacy(status: string | undefined): VersionSupport['status'] {
  switch (status) {
    case 'standard-support':
      return 'STANDARD_SUPPORT';
    case 'extended-support':
      return 'EXTENDED_SUPPORT';
    case 'unsupported':
      return 'UNSUPPORTED';
    default:
      return 'UNKNOWN';
  }
}

function enabledLogTypes(cluster: Cluster): LogType[] {
  const enabled = new Set<string>();
  for (const setup of cluster.logging?.clusterLogging ?? []) {
    if (setup.enabled) for (const type of setup.types ?? []) enabled.add(type);
  }
  return LOG_TYPES.filter((type) => enabled.has(type));
}

export function toClusterSummary(
  cluster: Cluster,
  source: ClusterSource,
  support: VersionSupport,
): ClusterSummary {
  const vpc = cluster.resourcesVpcConfig;
  const connected = cluster.connectorConfig !== undefined;
  return {
    accountId: source.accountId,
    accountName: source.accountName,
    region: source.region,
    name: cluster.name ?? '(unnamed)',
    arn: cluster.arn ?? '',
    status: cluster.status ?? 'FAILED',
    ...(cluster.version ? { version: cluster.version } : {}),
    versionSupport: connected ? { status: 'UNKNOWN' } : support,
    ...(cluster.platformVersion ? { platformVersion: cluster.platformVersion } : {}),
    endpointPublicAccess: vpc?.endpointPublicAccess ?? false,
    endpointPrivateAccess: vpc?.endpointPrivateAccess ?? false,
    enabledLogTypes: enabledLogTypes(cluster),
    secretsEncryption: (cluster.encryptionConfig ?? []).some((config) =>
      (config.resources ?? []).includes('secrets'),
    ),
    ...(cluster.createdAt ? { createdAt: iso(cluster.createdAt) } : {}),
    tags: cluster.tags ?? {},
    connected,
    ...(cluster.connectorConfig?.provider ? { provider: cluster.connectorConfig.provider } : {}),
    ...(cluster.connectorConfig?.activationExpiry
      ? { activationExpiry: iso(cluster.connectorConfig.activationExpiry) }
      : {}),
    healthIssues: cluster.health?.issues?.length ?? 0,
  };
}

export function toClusterDetail(
  cluster: Cluster,
  source: ClusterSource,
  support: VersionSupport,
): ClusterDetail {
  const summary = toClusterSummary(cluster, source, support);
  const vpc = cluster.resourcesVpcConfig;
  const enabled = new Set(summary.enabledLogTypes);
  const connector = cluster.connectorConfig;
  return {
    ...summary,
    ...(cluster.roleArn ? { roleArn: cluster.roleArn } : {}),
    ...(cluster.endpoint ? { endpoint: cluster.endpoint } : {}),
    networking: {
      ...(vpc?.vpcId ? { vpcId: vpc.vpcId } : {}),
      subnetIds: vpc?.subnetIds ?? [],
      securityGroupIds: vpc?.securityGroupIds ?? [],
      ...(vpc?.clusterSecurityGroupId
        ? { clusterSecurityGroupId: vpc.clusterSecurityGroupId }
        : {}),
      publicAccessCidrs: vpc?.publicAccessCidrs ?? [],
      ...(cluster.kubernetesNetworkConfig?.serviceIpv4Cidr
        ? { serviceIpv4Cidr: cluster.kubernetesNetworkConfig.serviceIpv4Cidr }
        : {}),
      ...(cluster.kubernetesNetworkConfig?.ipFamily
        ? { ipFamily: cluster.kubernetesNetworkConfig.ipFamily }
        : {}),
    },
    logging: LOG_TYPES.map((type) => ({ type, enabled: enabled.has(type) })),
    encryption: (cluster.encryptionConfig ?? []).map((config) => ({
      ...(config.provider?.keyArn ? { keyArn: config.provider.keyArn } : {}),
      resources: config.resources ?? [],
    })),
    identity: cluster.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {},
    ...(cluster.accessConfig?.authenticationMode
      ? { authenticationMode: cluster.accessConfig.authenticationMode }
      : {}),
    ...(cluster.upgradePolicy?.supportType
      ? { supportType: cluster.upgradePolicy.supportType }
      : {}),
    health: (cluster.health?.issues ?? []).map((issue) => ({
      code: issue.code ?? 'Other',
      message: issue.message ?? '',
      resourceIds: issue.resourceIds ?? [],
    })),
    ...(connector
      ? {
          connector: {
            ...(connector.activationId ? { activationId: connector.activationId } : {}),
            ...(connector.activationExpiry
              ? { activationExpiry: iso(connector.activationExpiry) }
              : {}),
            ...(connector.provider ? { provider: connector.provider } : {}),
            ...(connector.roleArn ? { roleArn: connector.roleArn } : {}),
          },
        }
      : {}),
  };
}
