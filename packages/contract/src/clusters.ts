import { z } from 'zod';
import { listResult } from './common.ts';
import { LOG_TYPES } from './constants.ts';

export const ClusterStatus = z.enum([
  'CREATING',
  'ACTIVE',
  'DELETING',
  'FAILED',
  'UPDATING',
  'PENDING',
]);
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const LogType = z.enum(LOG_TYPES);
export type LogType = z.infer<typeof LogType>;

/** Where a Kubernetes version stands in EKS's support calendar (DescribeClusterVersions). */
export const VersionSupport = z.object({
  status: z.enum(['STANDARD_SUPPORT', 'EXTENDED_SUPPORT', 'UNSUPPORTED', 'UNKNOWN']),
  endOfStandardSupport: z.string().optional(),
  endOfExtendedSupport: z.string().optional(),
});
export type VersionSupport = z.infer<typeof VersionSupport>;

/** One row of the clusters table. */
export const ClusterSummary = z.object({
  accountId: z.string(),
  /** Friendly account name from the console's configuration, when given. */
  accountName: z.string().optional(),
  region: z.string(),
  name: z.string(),
  arn: z.string(),
  status: ClusterStatus,
  /** Kubernetes minor version, e.g. `1.31`; absent for connected clusters. */
  version: z.string().optional(),
  versionSupport: VersionSupport,
  platformVersion: z.string().optional(),
  endpointPublicAccess: z.boolean(),
  endpointPrivateAccess: z.boolean(),
  enabledLogTypes: z.array(LogType),
  secretsEncryption: z.boolean(),
  createdAt: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  /** True for clusters registered through EKS Connector. */
  connected: z.boolean(),
  /** Connector provider (EKS_ANYWHERE, GKE, ...) of a connected cluster. */
  provider: z.string().optional(),
  /** When a PENDING connected cluster's activation expires unused (it then turns FAILED). */
  activationExpiry: z.string().optional(),
  healthIssues: z.number().int(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const ClusterList = listResult(ClusterSummary);
export type ClusterList = z.infer<typeof ClusterList>;

export const ClusterHealthIssue = z.object({
  code: z.string(),
  message: z.string(),
  resourceIds: z.array(z.string()),
});

/** The cluster detail page: the summary plus every section DescribeCluster offers. */
export const ClusterDetail = ClusterSummary.extend({
  roleArn: z.string().optional(),
  endpoint: z.string().optional(),
  networking: z.object({
    vpcId: z.string().optional(),
    subnetIds: z.array(z.string()),
    securityGroupIds: z.array(z.string()),
    clusterSecurityGroupId: z.string().optional(),
    publicAccessCidrs: z.array(z.string()),
    serviceIpv4Cidr: z.string().optional(),
    ipFamily: z.string().optional(),
  }),
  logging: z.array(z.object({ type: LogType, enabled: z.boolean() })),
  encryption: z.array(z.object({ keyArn: z.string().optional(), resources: z.array(z.string()) })),
  identity: z.object({ oidcIssuer: z.string().optional() }),
  authenticationMode: z.string().optional(),
  supportType: z.string().optional(),
  health: z.array(ClusterHealthIssue),
  /** For connected clusters. The activation code is shown only once, at registration. */
  connector: z
    .object({
      activationId: z.string().optional(),
      activationExpiry: z.string().optional(),
      provider: z.string().optional(),
      roleArn: z.string().optional(),
    })
    .optional(),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;
