import { hashSeed, seededRandom } from '../random.ts';
import type { RegionState } from '../world.ts';

/**
 * The security groups of an account-region's VPC, derived from the world: the
 * VPC's `default` group, the shared group clusters may add, and the cluster
 * security group EKS creates for each cluster (eks-cluster-sg-<name>-<n>).
 */

/** One rule of a group: a protocol and port range, from CIDRs or from other groups. */
export interface SecurityGroupRule {
  /** '-1' means every protocol (then no ports). */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrs: string[];
  groupIds: string[];
  description?: string;
}

export interface SecurityGroupRecord {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  tags: Record<string, string>;
}

const allOut: SecurityGroupRule = { protocol: '-1', cidrs: ['0.0.0.0/0'], groupIds: [] };
const allFrom = (groupId: string): SecurityGroupRule => ({
  protocol: '-1',
  cidrs: [],
  groupIds: [groupId],
});

/** The id of the VPC's default group: fixed per account-region, as the VPC's own. */
export function defaultSecurityGroupId(state: RegionState): string {
  return `sg-0${seededRandom(`default-sg:${state.accountId}:${state.region}`).hex(16)}`;
}

export function securityGroupsOf(state: RegionState): SecurityGroupRecord[] {
  const { vpcId } = state.network;
  const defaultId = defaultSecurityGroupId(state);
  const groups: SecurityGroupRecord[] = [
    {
      id: defaultId,
      name: 'default',
      description: 'default VPC security group',
      vpcId,
      ingress: [allFrom(defaultId)],
      egress: [allOut],
      tags: {},
    },
    {
      id: state.network.securityGroupId,
      name: 'wheelhouse-control-plane-extra',
      description: 'Additional control plane access from the VPC',
      vpcId,
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrs: [state.network.cidrBlock],
          groupIds: [],
          description: 'Kubernetes API from the VPC',
        },
      ],
      egress: [allOut],
      tags: { Name: 'wheelhouse-control-plane-extra' },
    },
  ];
  for (const cluster of state.clusters.values()) {
    if (cluster.kind !== 'eks') continue;
    const id = cluster.vpc.clusterSecurityGroupId;
    // EKS appends a number of ten digits to the name; fixed per cluster here.
    const name = `eks-cluster-sg-${cluster.name}-${1_000_000_000 + (hashSeed(cluster.arn) % 999_999_999)}`;
    groups.push({
      id,
      name,
      description:
        'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
      vpcId: cluster.vpc.vpcId,
      ingress: [allFrom(id)],
      egress: [allOut],
      tags: {
        Name: name,
        'aws:eks:cluster-name': cluster.name,
        [`kubernetes.io/cluster/${cluster.name}`]: 'owned',
      },
    });
  }
  return groups;
}
