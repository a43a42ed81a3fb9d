import type { World } from '../world.ts';
import { newEksCluster } from '../eks/clusters.ts';
import { newFargateProfile } from '../eks/fargateProfiles.ts';
import { newNodegroup } from '../eks/nodegroups.ts';
import type {
  AuthenticationMode,
  EksClusterRecord,
  HealthIssue,
  LogType,
  NodegroupRecord,
  SupportType,
  Taint,
  UpdateRecord,
} from '../eks/types.ts';
import { seededRandom } from '../random.ts';

/** A node group as the seed describes it. */
export interface NodegroupDef {
  name: string;
  instanceTypes: string[];
  capacityType?: NodegroupRecord['capacityType'];
  /** [min, desired, max] */
  scaling: [number, number, number];
  amiType?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  status?: NodegroupRecord['status'];
  health?: HealthIssue[];
  version?: string;
  /** AMI build date it runs, when not the seed's usual one (AMI drift). */
  releaseBuild?: string;
}

export interface FargateDef {
  name: string;
  selectors: Array<{ namespace: string; labels?: Record<string, string> }>;
}

/** A past update to show in the cluster's history. */
export interface HistoryDef {
  type: string;
  params: UpdateRecord['params'];
  at: string;
}

/** A cluster as the seed describes it; ids and subnets are derived deterministically. */
export interface ClusterDef {
  name: string;
  version: string;
  createdAt: string;
  status?: EksClusterRecord['status'];
  endpoint?: 'public' | 'private' | 'both';
  publicAccessCidrs?: string[];
  logging?: LogType[];
  kms?: boolean;
  authenticationMode?: AuthenticationMode;
  supportType?: SupportType;
  tags: Record<string, string>;
  health?: HealthIssue[];
  nodegroups?: NodegroupDef[];
  fargateProfiles?: FargateDef[];
  history?: HistoryDef[];
}

/** Builds one seeded EKS cluster into the world (without scheduling anything). */
export function seedEksCluster(
  world: World,
  accountId: string,
  region: string,
  def: ClusterDef,
): EksClusterRecord {
  const state = world.region(accountId, region);
  const random = seededRandom(`cluster:${accountId}:${region}:${def.name}`);
  const createdAt = new Date(def.createdAt);
  const privateSubnets = state.network.subnets.filter((subnet) => !subnet.public).map((s) => s.id);
  const publicSubnets = state.network.subnets.filter((subnet) => subnet.public).map((s) => s.id);
  const endpoint = def.endpoint ?? 'public';
  const cluster = newEksCluster({
    accountId,
    region,
    name: def.name,
    version: def.version,
    status: def.status ?? 'ACTIVE',
    createdAt,
    roleArn: `arn:aws:iam::${accountId}:role/AmazonEKSClusterRole`,
    endpointId: random.hex(32).toUpperCase(),
    vpc: {
      vpcId: state.network.vpcId,
      subnetIds: [...privateSubnets, ...publicSubnets],
      securityGroupIds: [state.network.securityGroupId],
      clusterSecurityGroupId: `sg-0${random.hex(16)}`,
      endpointPublicAccess: endpoint !== 'private',
      endpointPrivateAccess: endpoint !== 'public',
      publicAccessCidrs: def.publicAccessCidrs ?? ['0.0.0.0/0'],
    },
    logging: def.logging ?? [],
    encryption: def.kms
      ? [
          {
            resources: ['secrets'],
            keyArn: `arn:aws:kms:${region}:${accountId}:key/${random.uuid()}`,
          },
        ]
      : [],
    accessConfig: { authenticationMode: def.authenticationMode ?? 'API_AND_CONFIG_MAP' },
    supportType: def.supportType ?? 'EXTENDED',
    tags: def.tags,
    health: def.health ?? [],
  });
  for (const [index, ng] of (def.nodegroups ?? []).entries()) {
    const [minSize, desiredSize, maxSize] = ng.scaling;
    const nodegroup = newNodegroup(cluster, {
      name: ng.name,
      uuid: random.uuid(),
      createdAt: new Date(createdAt.getTime() + (index + 1) * 3_600_000),
      ...(ng.status ? { status: ng.status } : {}),
      ...(ng.version ? { version: ng.version } : {}),
      capacityType: ng.capacityType ?? 'ON_DEMAND',
      scalingConfig: { minSize, desiredSize, maxSize },
      instanceTypes: ng.instanceTypes,
      subnets: privateSubnets,
      ...(ng.amiType ? { amiType: ng.amiType } : {}),
      ...(ng.releaseBuild ? { releaseBuild: ng.releaseBuild } : {}),
      nodeRole: `arn:aws:iam::${accountId}:role/AmazonEKSNodeRole`,
      labels: ng.labels ?? {},
      taints: ng.taints ?? [],
      health: (ng.health ?? []).map((issue) => ({ ...issue })),
      tags: { ...def.tags },
    });
    // Health issues of the seed may name the node group's own Auto Scaling group.
    for (const issue of nodegroup.health) {
      issue.resourceIds = issue.resourceIds?.map((id) =>
        id === '{autoScalingGroup}' ? nodegroup.autoScalingGroupName : id,
      );
    }
    cluster.nodegroups.set(nodegroup.name, nodegroup);
  }
  for (const [index, fp] of (def.fargateProfiles ?? []).entries()) {
    const profile = newFargateProfile(cluster, {
      name: fp.name,
      uuid: random.uuid(),
      createdAt: new Date(createdAt.getTime() + (index + 1) * 7_200_000),
      podExecutionRoleArn: `arn:aws:iam::${accountId}:role/AmazonEKSFargatePodExecutionRole`,
      subnets: privateSubnets,
      selectors: fp.selectors,
      tags: { ...def.tags },
    });
    cluster.fargateProfiles.set(profile.name, profile);
  }
  for (const past of def.history ?? []) {
    cluster.updates.push({
      id: random.uuid(),
      type: past.type,
      status: 'Successful',
      params: past.params,
      createdAt: new Date(past.at),
      errors: [],
    });
  }
  state.clusters.set(cluster.name, cluster);
  return cluster;
}
