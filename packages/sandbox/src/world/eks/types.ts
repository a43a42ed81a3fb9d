/**
 * The EKS part of the world model. Records hold what EKS knows about a
 * resource; the wire shapes are derived from them (services/eks/wireShapes.ts),
 * so a later simulation (EC2 instances, Kubernetes nodes) can read and change
 * the same records.
 */

export type ClusterStatus = 'CREATING' | 'ACTIVE' | 'DELETING' | 'FAILED' | 'UPDATING' | 'PENDING';
export type LogType = 'api' | 'audit' | 'authenticator' | 'controllerManager' | 'scheduler';
export const LOG_TYPES: readonly LogType[] = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
];
export type AuthenticationMode = 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP';
export type SupportType = 'STANDARD' | 'EXTENDED';

/** A health problem, as ClusterIssue / Issue / FargateProfileIssue put it. */
export interface HealthIssue {
  code: string;
  message: string;
  resourceIds?: string[];
}

export interface VpcConfig {
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  publicAccessCidrs: string[];
}

export interface EncryptionConfig {
  resources: string[];
  keyArn: string;
}

export interface AccessConfig {
  authenticationMode: AuthenticationMode;
  bootstrapClusterCreatorAdminPermissions: boolean;
}

/** What EKS Connector knows about a registered (connected) cluster. */
export interface ConnectorConfig {
  activationId: string;
  activationCode: string;
  activationExpiry: Date;
  provider: string;
  roleArn: string;
}

export type UpdateStatus = 'InProgress' | 'Failed' | 'Cancelled' | 'Successful';

/** An update of a cluster or node group (UpdateClusterVersion, UpdateClusterConfig, ...). */
export interface UpdateRecord {
  id: string;
  type: string;
  status: UpdateStatus;
  params: Array<{ type: string; value: string }>;
  createdAt: Date;
  errors: Array<{ errorCode: string; errorMessage: string; resourceIds: string[] }>;
}

export type NodegroupStatus =
  'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED' | 'DEGRADED';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NO_SCHEDULE' | 'NO_EXECUTE' | 'PREFER_NO_SCHEDULE';
}

export interface ScalingConfig {
  minSize: number;
  maxSize: number;
  desiredSize: number;
}

export interface NodegroupRecord {
  name: string;
  arn: string;
  clusterName: string;
  version: string;
  releaseVersion: string;
  createdAt: Date;
  modifiedAt: Date;
  status: NodegroupStatus;
  capacityType: 'ON_DEMAND' | 'SPOT' | 'CAPACITY_BLOCK';
  scalingConfig: ScalingConfig;
  instanceTypes: string[];
  subnets: string[];
  amiType: string;
  nodeRole: string;
  labels: Record<string, string>;
  taints: Taint[];
  /** The Auto Scaling group behind the node group (EC2/Auto Scaling simulation hooks in here). */
  autoScalingGroupName: string;
  diskSize: number;
  health: HealthIssue[];
  /** How many nodes an update may take down at once: a count or a percentage, never both. */
  updateConfig: { maxUnavailable?: number; maxUnavailablePercentage?: number };
  tags: Record<string, string>;
  updates: UpdateRecord[];
}

export type FargateProfileStatus =
  'CREATING' | 'ACTIVE' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED';

export interface FargateSelector {
  namespace: string;
  labels?: Record<string, string>;
}

export interface FargateProfileRecord {
  name: string;
  arn: string;
  clusterName: string;
  createdAt: Date;
  podExecutionRoleArn: string;
  subnets: string[];
  selectors: FargateSelector[];
  status: FargateProfileStatus;
  tags: Record<string, string>;
  health: HealthIssue[];
}

/** Where an associated access policy applies: the whole cluster or some namespaces. */
export interface AccessScope {
  type: 'cluster' | 'namespace';
  namespaces: string[];
}

/** An access policy associated with an access entry. */
export interface AssociatedAccessPolicyRecord {
  policyArn: string;
  accessScope: AccessScope;
  associatedAt: Date;
  modifiedAt: Date;
}

/** An EKS access entry: an IAM principal allowed into the cluster's Kubernetes API. */
export interface AccessEntryRecord {
  principalArn: string;
  arn: string;
  clusterName: string;
  kubernetesGroups: string[];
  /** The Kubernetes user name; for roles a template with {{SessionName}}, as EKS fills it in. */
  username: string;
  type: string;
  createdAt: Date;
  modifiedAt: Date;
  tags: Record<string, string>;
  /** By policy ARN. */
  policies: Map<string, AssociatedAccessPolicyRecord>;
}

export type IdentityProviderConfigStatus = 'CREATING' | 'DELETING' | 'ACTIVE';

/** An OIDC identity provider associated with a cluster (AssociateIdentityProviderConfig). */
export interface IdentityProviderConfigRecord {
  name: string;
  arn: string;
  clusterName: string;
  issuerUrl: string;
  clientId: string;
  usernameClaim?: string;
  usernamePrefix?: string;
  groupsClaim?: string;
  groupsPrefix?: string;
  requiredClaims: Record<string, string>;
  tags: Record<string, string>;
  status: IdentityProviderConfigStatus;
}

/** An EKS Pod Identity association: pods of one service account assume one IAM role. */
export interface PodIdentityAssociationRecord {
  id: string;
  arn: string;
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags: boolean;
  policy?: string;
  tags: Record<string, string>;
  createdAt: Date;
  modifiedAt: Date;
}

export type AddonStatus =
  | 'CREATING'
  | 'ACTIVE'
  | 'CREATE_FAILED'
  | 'UPDATING'
  | 'DELETING'
  | 'DELETE_FAILED'
  | 'DEGRADED'
  | 'UPDATE_FAILED';

/** An EKS add-on installed on a cluster (CreateAddon). */
export interface AddonRecord {
  name: string;
  arn: string;
  clusterName: string;
  status: AddonStatus;
  addonVersion: string;
  health: HealthIssue[];
  createdAt: Date;
  modifiedAt: Date;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  podIdentityAssociations: string[];
  tags: Record<string, string>;
  /**
   * Fields of the add-on's Kubernetes objects someone changed outside EKS
   * (e.g. "ConfigMap coredns - .data.Corefile"): an update with
   * resolveConflicts NONE fails on them, OVERWRITE clears them.
   */
  conflicts: string[];
  updates: UpdateRecord[];
}

interface ClusterBase {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: Date;
  status: ClusterStatus;
  tags: Record<string, string>;
  clientRequestToken?: string;
  health: HealthIssue[];
}

/** A cluster whose control plane EKS runs. */
export interface EksClusterRecord extends ClusterBase {
  kind: 'eks';
  version: string;
  platformVersion: string;
  roleArn: string;
  /** 32 upper-case hex characters, shared by the API endpoint host and the OIDC issuer. */
  endpointId: string;
  vpc: VpcConfig;
  serviceIpv4Cidr: string;
  ipFamily: 'ipv4' | 'ipv6';
  logging: Set<LogType>;
  encryption: EncryptionConfig[];
  accessConfig: AccessConfig;
  supportType: SupportType;
  zonalShift: boolean;
  deletionProtection: boolean;
  nodegroups: Map<string, NodegroupRecord>;
  fargateProfiles: Map<string, FargateProfileRecord>;
  updates: UpdateRecord[];
  /** By principal ARN (authentication modes API and API_AND_CONFIG_MAP). */
  accessEntries: Map<string, AccessEntryRecord>;
  /** By config name; EKS allows one OIDC provider per cluster. */
  identityProviderConfigs: Map<string, IdentityProviderConfigRecord>;
  /** By association id (a-...). */
  podIdentityAssociations: Map<string, PodIdentityAssociationRecord>;
  /** By add-on name. */
  addons: Map<string, AddonRecord>;
  /** The IAM principal CreateCluster made cluster admin (bootstrapClusterCreatorAdminPermissions). */
  creatorArn?: string;
  /**
   * Requests the API server's audit log saw for deprecated API versions
   * (what EKS upgrade insights read); absent when no client calls any.
   */
  deprecatedApiCalls?: DeprecatedApiCall[];
}

/** One client's use of a deprecated Kubernetes API version over the last 30 days. */
export interface DeprecatedApiCall {
  /** The API path as EKS reports it, e.g. /apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas. */
  usage: string;
  userAgent: string;
  requestsLast30Days: number;
  lastRequestAt: Date;
  /** The objects the client reads or writes through the deprecated version. */
  resourceUris: string[];
}

/** A cluster registered through EKS Connector (runs anywhere; EKS only relays). */
export interface ConnectedClusterRecord extends ClusterBase {
  kind: 'connected';
  connector: ConnectorConfig;
}

export type ClusterRecord = EksClusterRecord | ConnectedClusterRecord;
