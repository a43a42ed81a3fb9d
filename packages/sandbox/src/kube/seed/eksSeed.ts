import type { EksClusterRecord } from '../../world/eks/types.ts';
import {
  CLUSTER_WITHOUT_CONSOLE_ACCESS,
  CONSOLE_GROUP,
  consolePrincipals,
} from '../../world/seed/accessEntrySeed.ts';
import type { World } from '../../world/world.ts';
import { formatMappings, type AwsAuthMapping } from '../auth/awsAuth.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { demoPlanFor, generatedPlanFor } from './demoPlans.ts';
import { seedCluster } from './seedCluster.ts';

/** What a seeded cluster runs: the demo world's apps, or a small set for generated (benchmark) worlds. */
export type SeedMode = 'demo' | 'generated';

/** The group the sandbox's one simulated RBAC binding makes read-only (see auth/authorizer.ts). */
export const VIEW_GROUP = 'eks-console-dashboard-full-access-group';

/**
 * aws-auth for clusters that read it: the node role (as EKS writes it for
 * managed node groups), and, where authentication is CONFIG_MAP only, the
 * console's principals (read-only) and the eks-admins role (system:masters),
 * so those clusters answer the console as the others do.
 */
function awsAuthOf(world: World, cluster: EksClusterRecord): Record<string, string> | undefined {
  const mode = cluster.accessConfig.authenticationMode;
  if (mode === 'API') return undefined;
  const nodeRole = `arn:aws:iam::${cluster.accountId}:role/AmazonEKSNodeRole`;
  const roles: AwsAuthMapping[] = [
    {
      arn: nodeRole,
      username: 'system:node:{{EC2PrivateDNSName}}',
      groups: ['system:bootstrappers', 'system:nodes'],
    },
  ];
  const users: AwsAuthMapping[] = [];
  if (mode === 'CONFIG_MAP' && cluster.name !== CLUSTER_WITHOUT_CONSOLE_ACCESS) {
    roles.push({
      arn: `arn:aws:iam::${cluster.accountId}:role/eks-admins`,
      username: 'eks-admin:{{SessionName}}',
      groups: ['system:masters'],
    });
    for (const arn of consolePrincipals(world)) {
      const target = arn.includes(':user/') ? users : roles;
      target.push({
        arn,
        username: arn.includes(':user/') ? arn.split('/').pop()! : 'wheelhouse:{{SessionName}}',
        groups: [VIEW_GROUP, CONSOLE_GROUP],
      });
    }
  }
  return {
    mapRoles: formatMappings(roles, 'rolearn'),
    ...(users.length > 0 ? { mapUsers: formatMappings(users, 'userarn') } : {}),
  };
}

export function seedEksKube(
  world: World,
  kube: KubeCluster,
  cluster: EksClusterRecord,
  mode: SeedMode,
): void {
  const plan = mode === 'demo' ? demoPlanFor(cluster) : generatedPlanFor(cluster);
  const awsAuth = awsAuthOf(world, cluster);
  kube.warmUp((target) => seedCluster(target, plan, awsAuth ? { awsAuth } : {}));
}
