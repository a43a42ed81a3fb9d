import { randomBytes } from 'node:crypto';
import type { RegionState, World } from '../world.ts';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import { defaultVersion, findVersion, versionStatus } from '../versionCalendar.ts';
import { clusterArn } from './arns.ts';
import { eksErrors } from './eksErrors.ts';
import type {
  AccessConfig,
  AuthenticationMode,
  ClusterRecord,
  EksClusterRecord,
  EncryptionConfig,
  LogType,
  SupportType,
  VpcConfig,
} from './types.ts';
import {
  applyLogging,
  parseCidr,
  validatePublicAccessCidrs,
  validateResourceName,
  validateRoleArn,
  validateServiceCidr,
  validateSubnetIds,
  validateTags,
  type LoggingInput,
} from './validation.ts';

/** CreateCluster's members the sandbox honours (others are accepted and ignored). */
export interface CreateClusterInput {
  name: string;
  version?: string;
  roleArn: string;
  resourcesVpcConfig: {
    subnetIds?: string[];
    securityGroupIds?: string[];
    endpointPublicAccess?: boolean;
    endpointPrivateAccess?: boolean;
    publicAccessCidrs?: string[];
  };
  kubernetesNetworkConfig?: { serviceIpv4Cidr?: string; ipFamily?: string };
  logging?: LoggingInput;
  tags?: Record<string, string>;
  encryptionConfig?: Array<{ resources?: string[]; provider?: { keyArn?: string } }>;
  accessConfig?: { authenticationMode?: string; bootstrapClusterCreatorAdminPermissions?: boolean };
  upgradePolicy?: { supportType?: string };
  zonalShiftConfig?: { enabled?: boolean };
  deletionProtection?: boolean;
  clientRequestToken?: string;
}

/** Everything needed to build an EKS cluster record; the seed and CreateCluster both use it. */
export interface EksClusterSpec {
  accountId: string;
  region: string;
  name: string;
  version: string;
  status: EksClusterRecord['status'];
  createdAt: Date;
  roleArn: string;
  endpointId: string;
  vpc: VpcConfig;
  serviceIpv4Cidr?: string;
  logging?: LogType[];
  encryption?: EncryptionConfig[];
  accessConfig?: Partial<AccessConfig>;
  supportType?: SupportType;
  tags?: Record<string, string>;
  health?: EksClusterRecord['health'];
  clientRequestToken?: string;
}

export function newEksCluster(spec: EksClusterSpec): EksClusterRecord {
  const calendar = findVersion(spec.version);
  return {
    kind: 'eks',
    name: spec.name,
    arn: clusterArn(spec.region, spec.accountId, spec.name),
    accountId: spec.accountId,
    region: spec.region,
    createdAt: spec.createdAt,
    status: spec.status,
    tags: { ...spec.tags },
    ...(spec.clientRequestToken ? { clientRequestToken: spec.clientRequestToken } : {}),
    health: spec.health ?? [],
    version: spec.version,
    platformVersion: calendar?.platformVersion ?? 'eks.1',
    roleArn: spec.roleArn,
    endpointId: spec.endpointId,
    vpc: spec.vpc,
    serviceIpv4Cidr: spec.serviceIpv4Cidr ?? '172.20.0.0/16',
    ipFamily: 'ipv4',
    logging: new Set(spec.logging ?? []),
    encryption: spec.encryption ?? [],
    accessConfig: {
      authenticationMode: spec.accessConfig?.authenticationMode ?? 'CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions:
        spec.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? true,
    },
    supportType: spec.supportType ?? 'EXTENDED',
    zonalShift: false,
    deletionProtection: false,
    nodegroups: new Map(),
    fargateProfiles: new Map(),
    updates: [],
    accessEntries: new Map(),
    identityProviderConfigs: new Map(),
    podIdentityAssociations: new Map(),
    addons: new Map(),
  };
}

export function findCluster(state: RegionState, name: string): ClusterRecord {
  const cluster = state.clusters.get(name);
  if (!cluster) throw eksErrors.clusterNotFound(name);
  return cluster;
}

/** A cluster EKS runs; a connected cluster has no node groups, versions or config to change. */
export function findEksCluster(state: RegionState, name: string): EksClusterRecord {
  const cluster = findCluster(state, name);
  if (cluster.kind !== 'eks') {
    // InvalidParameterException: declared by every operation on node groups, profiles and updates.
    throw eksErrors.invalidParameter(
      `Cluster ${name} is a connected cluster; this operation is only supported for Amazon EKS clusters.`,
      { clusterName: name },
    );
  }
  return cluster;
}

/** ListClusters: EKS clusters, plus connected ones when `include` is "all". */
export function listClusterNames(
  state: RegionState,
  request: PageRequest & { include?: string[] },
): Page<string> {
  const include = request.include ?? [];
  if (include.some((value) => value !== 'all')) {
    throw eksErrors.invalidParameter("The include parameter only accepts 'all' (lower case).");
  }
  const names = [...state.clusters.values()]
    .filter((cluster) => include.includes('all') || cluster.kind === 'eks')
    .map((cluster) => cluster.name);
  return paginate(names, (name) => name, request);
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function createCluster(
  world: World,
  state: RegionState,
  input: CreateClusterInput,
): EksClusterRecord {
  validateResourceName(input.name, 'name');
  validateRoleArn(input.roleArn, 'roleArn');
  const now = world.now();
  const versionName = input.version ?? defaultVersion(now).version;
  const version = findVersion(versionName);
  if (!version || version.releaseDate > now || versionStatus(version, now) === 'UNSUPPORTED') {
    throw eksErrors.invalidParameter(`unsupported Kubernetes version ${versionName}`);
  }
  const vpcInput = input.resourcesVpcConfig;
  const subnetIds = vpcInput.subnetIds ?? [];
  validateSubnetIds(subnetIds);
  // EKS asks EC2 for the subnets and passes its InvalidSubnetID.NotFound on.
  const missing = subnetIds.find((id) => !state.network.subnets.some((subnet) => subnet.id === id));
  if (missing !== undefined) {
    throw eksErrors.invalidParameter(
      `The subnet ID '${missing}' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)`,
      { clusterName: input.name },
    );
  }
  const zones = new Set(
    subnetIds.map(
      (id) => state.network.subnets.find((subnet) => subnet.id === id)?.availabilityZone ?? id,
    ),
  );
  if (zones.size < 2) {
    throw eksErrors.invalidParameter('Subnets specified must be in at least two different AZs', {
      clusterName: input.name,
    });
  }
  const endpointPublicAccess = vpcInput.endpointPublicAccess ?? true;
  const endpointPrivateAccess = vpcInput.endpointPrivateAccess ?? false;
  if (!endpointPublicAccess && !endpointPrivateAccess) {
    throw eksErrors.invalidParameter(
      'Cluster must have either public or private endpoint access enabled.',
    );
  }
  const publicAccessCidrs = vpcInput.publicAccessCidrs ?? ['0.0.0.0/0'];
  validatePublicAccessCidrs(publicAccessCidrs);
  const network = input.kubernetesNetworkConfig ?? {};
  if (network.ipFamily !== undefined && network.ipFamily !== 'ipv4') {
    throw eksErrors.invalidParameter('The sandbox supports the ipv4 IP family only.');
  }
  if (network.serviceIpv4Cidr !== undefined) validateServiceCidr(network.serviceIpv4Cidr);
  const logging = applyLogging(new Set(), input.logging ?? {});
  const tags = input.tags ?? {};
  validateTags(tags);
  const encryption = validateEncryption(input.encryptionConfig ?? []);
  const authenticationMode = input.accessConfig?.authenticationMode ?? 'CONFIG_MAP';
  if (!['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'].includes(authenticationMode)) {
    throw eksErrors.invalidParameter(`Unsupported authentication mode: ${authenticationMode}`);
  }
  const supportType = input.upgradePolicy?.supportType ?? 'EXTENDED';
  if (supportType !== 'STANDARD' && supportType !== 'EXTENDED') {
    throw eksErrors.invalidParameter(`Unsupported support type: ${supportType}`);
  }
  if (state.clusters.has(input.name)) {
    throw eksErrors.resourceInUse(`Cluster already exists with name: ${input.name}`, {
      clusterName: input.name,
    });
  }

  const cluster = newEksCluster({
    accountId: state.accountId,
    region: state.region,
    name: input.name,
    version: version.version,
    status: 'CREATING',
    createdAt: now,
    roleArn: input.roleArn,
    endpointId: randomHex(16).toUpperCase(),
    vpc: {
      vpcId: state.network.subnets.some((subnet) => subnetIds.includes(subnet.id))
        ? state.network.vpcId
        : `vpc-0${randomHex(8)}`,
      subnetIds,
      securityGroupIds: vpcInput.securityGroupIds ?? [],
      clusterSecurityGroupId: `sg-0${randomHex(8)}`,
      endpointPublicAccess,
      endpointPrivateAccess,
      publicAccessCidrs,
    },
    serviceIpv4Cidr: network.serviceIpv4Cidr ?? defaultServiceCidr(state),
    logging: [...logging],
    encryption,
    accessConfig: {
      authenticationMode: authenticationMode as AuthenticationMode,
      bootstrapClusterCreatorAdminPermissions:
        input.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? true,
    },
    supportType,
    tags,
    ...(input.clientRequestToken ? { clientRequestToken: input.clientRequestToken } : {}),
  });
  cluster.zonalShift = input.zonalShiftConfig?.enabled ?? false;
  cluster.deletionProtection = input.deletionProtection ?? false;
  state.clusters.set(cluster.name, cluster);
  world.scheduler.after(world.timings.clusterCreateMs, () => {
    if (state.clusters.get(cluster.name) === cluster && cluster.status === 'CREATING') {
      cluster.status = 'ACTIVE';
    }
  });
  return cluster;
}

/** EKS avoids the VPC's range: 172.20.0.0/16 in a 10.x VPC, 10.100.0.0/16 otherwise. */
function defaultServiceCidr(state: RegionState): string {
  const vpc = parseCidr(state.network.cidrBlock);
  return vpc && vpc.address >>> 24 === 10 ? '172.20.0.0/16' : '10.100.0.0/16';
}

function validateEncryption(
  configs: NonNullable<CreateClusterInput['encryptionConfig']>,
): EncryptionConfig[] {
  if (configs.length > 1) {
    throw eksErrors.invalidParameter('Only one encryption configuration is allowed.');
  }
  return configs.map((config) => {
    const keyArn = config.provider?.keyArn ?? '';
    if (!/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/.test(keyArn)) {
      throw eksErrors.invalidParameter(`Invalid KMS key ARN in encryptionConfig: '${keyArn}'`);
    }
    const resources = config.resources ?? [];
    if (resources.length !== 1 || resources[0] !== 'secrets') {
      throw eksErrors.invalidParameter("encryptionConfig resources must be exactly ['secrets'].");
    }
    return { resources, keyArn };
  });
}

export function deleteCluster(world: World, state: RegionState, name: string): ClusterRecord {
  const cluster = findCluster(state, name);
  if (cluster.kind !== 'eks') {
    throw eksErrors.invalidRequest(
      `Cluster ${name} is a connected cluster. Use DeregisterCluster to remove it.`,
      { clusterName: name },
    );
  }
  if (cluster.status === 'DELETING') return cluster;
  if (cluster.deletionProtection) {
    throw eksErrors.invalidRequest(
      `Cluster ${name} has deletion protection enabled. Disable it with UpdateClusterConfig before deleting the cluster.`,
      { clusterName: name },
    );
  }
  const inProgress = cluster.updates.find((update) => update.status === 'InProgress');
  if (inProgress) {
    throw eksErrors.resourceInUse(
      `Cannot delete because cluster ${name} currently has update ${inProgress.id} in progress`,
      { clusterName: name },
    );
  }
  if (cluster.nodegroups.size > 0) {
    throw eksErrors.resourceInUse('Cluster has nodegroups attached', { clusterName: name });
  }
  if (cluster.fargateProfiles.size > 0) {
    throw eksErrors.resourceInUse('Cluster has fargate profiles attached', { clusterName: name });
  }
  cluster.status = 'DELETING';
  world.scheduler.after(world.timings.clusterDeleteMs, () => {
    if (state.clusters.get(name) === cluster) state.clusters.delete(name);
  });
  return cluster;
}
