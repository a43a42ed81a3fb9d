import { paginate, type Page, type PageRequest } from '../pagination.ts';
import { findVersion } from '../versionCalendar.ts';
import { nodegroupArn } from './arns.ts';
import { eksErrors } from './eksErrors.ts';
import type { EksClusterRecord, NodegroupRecord } from './types.ts';

/** What the seed (and later CreateNodegroup) must say about a node group; the rest has EKS's defaults. */
export interface NodegroupSpec {
  name: string;
  uuid: string;
  createdAt: Date;
  status?: NodegroupRecord['status'];
  version?: string;
  capacityType?: NodegroupRecord['capacityType'];
  scalingConfig: NodegroupRecord['scalingConfig'];
  instanceTypes: string[];
  subnets: string[];
  amiType?: string;
  /** AMI build it runs (default SEEDED_AMI_BUILD); one of PUBLISHED_AMI_BUILDS. */
  releaseBuild?: string;
  nodeRole: string;
  labels?: Record<string, string>;
  taints?: NodegroupRecord['taints'];
  diskSize?: number;
  health?: NodegroupRecord['health'];
  tags?: Record<string, string>;
}

/** The newest EKS-optimized AMI build the sandbox offers; seeded node groups run an older one. */
export const LATEST_AMI_BUILD = '20261118';
export const SEEDED_AMI_BUILD = '20251120';
/** The EKS-optimized AMI builds published (oldest first): a release version names one of them. */
export const PUBLISHED_AMI_BUILDS = [
  '20250920',
  '20251020',
  SEEDED_AMI_BUILD,
  '20260115',
  '20260320',
  '20260520',
  '20260725',
  '20260915',
  LATEST_AMI_BUILD,
];

/** AMI release versions look like "1.34.2-20251120" (Kubernetes patch, build date). */
export function releaseVersionFor(version: string, build = SEEDED_AMI_BUILD): string {
  return `${findVersion(version)?.patchVersion ?? `${version}.0`}-${build}`;
}

export function newNodegroup(cluster: EksClusterRecord, spec: NodegroupSpec): NodegroupRecord {
  const version = spec.version ?? cluster.version;
  return {
    name: spec.name,
    arn: nodegroupArn(cluster.region, cluster.accountId, cluster.name, spec.name, spec.uuid),
    clusterName: cluster.name,
    version,
    releaseVersion: releaseVersionFor(version, spec.releaseBuild),
    createdAt: spec.createdAt,
    modifiedAt: spec.createdAt,
    status: spec.status ?? 'ACTIVE',
    capacityType: spec.capacityType ?? 'ON_DEMAND',
    scalingConfig: { ...spec.scalingConfig },
    instanceTypes: [...spec.instanceTypes],
    subnets: [...spec.subnets],
    amiType: spec.amiType ?? 'AL2023_x86_64_STANDARD',
    nodeRole: spec.nodeRole,
    labels: { ...spec.labels },
    taints: [...(spec.taints ?? [])],
    // EKS names the group's Auto Scaling group eks-<nodegroup>-<uuid>.
    autoScalingGroupName: `eks-${spec.name}-${spec.uuid}`,
    diskSize: spec.diskSize ?? 20,
    health: spec.health ?? [],
    updateConfig: { maxUnavailable: 1 },
    tags: { ...spec.tags },
    updates: [],
  };
}

export function findNodegroup(cluster: EksClusterRecord, name: string): NodegroupRecord {
  const nodegroup = cluster.nodegroups.get(name);
  if (!nodegroup) throw eksErrors.nodegroupNotFound(cluster.name, name);
  return nodegroup;
}

export function listNodegroupNames(cluster: EksClusterRecord, request: PageRequest): Page<string> {
  return paginate([...cluster.nodegroups.keys()], (name) => name, request);
}
