import { z } from 'zod';
import { keyValueMap, text } from './text.ts';
import { AccountId, Region, ResourceName } from './common.ts';
import { LogType } from './clusters.ts';
import { ClientRequestToken, Update } from './compute.ts';
import { CONNECTOR_PROVIDERS } from './constants.ts';

const RoleArn = text.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN');
const KmsKeyArn = text.regex(
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/,
  'must be a KMS key ARN',
);
const Cidr = text.regex(
  /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/,
  'must be an IPv4 CIDR block such as 203.0.113.0/24',
);
const TagMap = keyValueMap(
  text
    .min(1)
    .max(128)
    .refine((key) => !key.startsWith('aws:'), 'tag keys may not start with aws:'),
  text.max(256),
);
const MinorVersion = text.regex(/^\d+\.\d+$/, 'must be a Kubernetes minor version such as 1.31');

/** Endpoint access: public, private or both; public CIDRs restrict the public endpoint. */
export const EndpointAccess = z
  .object({
    endpointPublicAccess: z.boolean(),
    endpointPrivateAccess: z.boolean(),
    publicAccessCidrs: z.array(Cidr).max(40).optional(),
  })
  .refine((e) => e.endpointPublicAccess || e.endpointPrivateAccess, {
    path: ['endpointPublicAccess'],
    message: 'the cluster needs a public or a private endpoint (or both)',
  });
export type EndpointAccess = z.infer<typeof EndpointAccess>;

/** The target of a new cluster: where it is created. */
export const CreateClusterRequest = z.object({
  accountId: AccountId,
  region: Region,
  name: ResourceName,
  version: MinorVersion,
  roleArn: RoleArn,
  subnetIds: z
    .array(text.regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id'))
    .min(2, 'needs subnets in at least two Availability Zones'),
  securityGroupIds: z
    .array(text.regex(/^sg-[0-9a-f]+$/, 'must be a security group id'))
    .max(5)
    .default([]),
  endpoint: EndpointAccess,
  logTypes: z.array(LogType).default([]),
  secretsKmsKeyArn: KmsKeyArn.optional(),
  tags: TagMap.default({}),
  clientRequestToken: ClientRequestToken,
});
export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

export const UpdateClusterVersionRequest = z.object({
  version: MinorVersion,
  clientRequestToken: ClientRequestToken,
});
export type UpdateClusterVersionRequest = z.infer<typeof UpdateClusterVersionRequest>;

export const UpdateLoggingRequest = z.object({
  enable: z.array(LogType).default([]),
  disable: z.array(LogType).default([]),
  clientRequestToken: ClientRequestToken,
});
export type UpdateLoggingRequest = z.infer<typeof UpdateLoggingRequest>;

export const UpdateEndpointAccessRequest = z.object({
  endpoint: EndpointAccess,
  clientRequestToken: ClientRequestToken,
});
export type UpdateEndpointAccessRequest = z.infer<typeof UpdateEndpointAccessRequest>;

export const UpdateTagsRequest = z.object({
  add: TagMap.default({}),
  remove: z.array(text.min(1)).default([]),
});
export type UpdateTagsRequest = z.infer<typeof UpdateTagsRequest>;

/** Version skew: how far node groups are behind the control plane (EKS allows a limited skew). */
export const VersionSkew = z.object({
  nodegroup: z.string(),
  version: z.string(),
  /** Minor versions behind the control plane after the update. */
  behind: z.number().int(),
  /** Beyond what Kubernetes supports for kubelets (3 minors since 1.28, 2 before). */
  tooFar: z.boolean(),
});
export type VersionSkew = z.infer<typeof VersionSkew>;

/** What an operator sees before updating the Kubernetes version. */
export const VersionUpgradePlan = z.object({
  current: z.string().optional(),
  /** EKS upgrades one minor version at a time: the one version allowed next, if any. */
  next: z.string().optional(),
  /** EKS's support status of the current version: STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED. */
  currentStatus: z.string().optional(),
  /**
   * Past the end of extended support: the minor versions to go through, one update each, up to the
   * oldest version EKS still supports (the one EKS would upgrade the cluster to itself).
   */
  path: z.array(z.string()).optional(),
  skew: z.array(VersionSkew),
  warnings: z.array(z.string()),
});
export type VersionUpgradePlan = z.infer<typeof VersionUpgradePlan>;

export const ClusterUpdates = z.object({ items: z.array(Update) });
export type ClusterUpdates = z.infer<typeof ClusterUpdates>;

/** The Kubernetes versions a region's EKS offers for new clusters. */
export const KubernetesVersionOption = z.object({
  version: z.string(),
  status: z.enum(['STANDARD_SUPPORT', 'EXTENDED_SUPPORT', 'UNSUPPORTED', 'UNKNOWN']),
  isDefault: z.boolean(),
  endOfStandardSupport: z.string().optional(),
});
export type KubernetesVersionOption = z.infer<typeof KubernetesVersionOption>;

// ---- EKS Connector -------------------------------------------------------------------------

export const ConnectorProvider = z.enum(CONNECTOR_PROVIDERS);

export const RegisterClusterRequest = z.object({
  accountId: AccountId,
  region: Region,
  name: ResourceName,
  provider: ConnectorProvider,
  roleArn: RoleArn,
  tags: TagMap.default({}),
  clientRequestToken: ClientRequestToken,
});
export type RegisterClusterRequest = z.infer<typeof RegisterClusterRequest>;

/** Shown once, right after registration: what the agent in the other cluster needs. */
export const RegistrationResult = z.object({
  accountId: z.string(),
  region: z.string(),
  name: z.string(),
  arn: z.string(),
  status: z.string(),
  activationId: z.string(),
  activationCode: z.string(),
  activationExpiry: z.string(),
  provider: z.string(),
  roleArn: z.string(),
  /** The commands to run in the other cluster to install the connector agent. */
  installCommands: z.array(z.string()),
  auditId: z.number().int(),
});
export type RegistrationResult = z.infer<typeof RegistrationResult>;
