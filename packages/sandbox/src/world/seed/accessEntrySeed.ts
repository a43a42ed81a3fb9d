import {
  CONSOLE_ROLE,
  READ_ONLY_ROLE,
  roleArnOf,
  userArn,
  type AccountRecord,
} from '../accounts.ts';
import {
  associateAccessPolicy,
  createAccessEntry,
  grantComputeAccess,
} from '../eks/accessEntries.ts';
import {
  CLUSTER_ADMIN_POLICY_ARN,
  VIEW_POLICY_ARN,
  accessPolicyArn,
} from '../eks/accessPolicies.ts';
import type { EksClusterRecord } from '../eks/types.ts';
import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';

/**
 * The demo cluster that has NO access entry for the console's principals
 * (home IAM user, WheelhouseReadOnly, WheelhouseConsole): the console shows
 * "no access entry" there. Only its own admins and QA engineers may enter.
 */
export const CLUSTER_WITHOUT_CONSOLE_ACCESS = 'qa-integration';

/**
 * The principals the console signs Kubernetes tokens with: the home account's
 * IAM user and every account's WheelhouseReadOnly and WheelhouseConsole roles.
 */
export function consolePrincipals(world: World): string[] {
  const [home] = world.accounts as [AccountRecord];
  return [
    userArn(home),
    ...world.accounts.flatMap((account) => [
      roleArnOf(account, READ_ONLY_ROLE),
      roleArnOf(account, CONSOLE_ROLE),
    ]),
  ];
}

interface SeedEntry {
  principalArn: string;
  policyArn: string;
  namespaces?: string[];
  kubernetesGroups?: string[];
}

/**
 * The Kubernetes group of the console's principals: the seeded RBAC lets it impersonate users and
 * groups (kube/seed/rbacSeed.ts), which AmazonEKSViewPolicy alone does not.
 */
export const CONSOLE_GROUP = 'wheelhouse-console';

function addEntries(cluster: EksClusterRecord, entries: SeedEntry[]): void {
  const random = seededRandom(`access-entries:${cluster.arn}`);
  const at = new Date(cluster.createdAt.getTime() + 30 * 60_000);
  for (const { principalArn, policyArn, namespaces, kubernetesGroups } of entries) {
    if (!cluster.accessEntries.has(principalArn)) {
      createAccessEntry(
        cluster,
        { principalArn, uuid: random.uuid(), ...(kubernetesGroups ? { kubernetesGroups } : {}) },
        at,
      );
    }
    associateAccessPolicy(
      cluster,
      principalArn,
      policyArn,
      namespaces ? { type: 'namespace', namespaces } : { type: 'cluster', namespaces: [] },
      at,
    );
  }
}

/**
 * Access entries of a seeded cluster (API authentication modes only): its
 * account's eks-admins role as cluster admin, and the `console` principals
 * with AmazonEKSViewPolicy on the whole cluster.
 */
export function seedAccessEntries(
  cluster: EksClusterRecord,
  options: { console: string[]; extra?: SeedEntry[] },
): void {
  if (cluster.accessConfig.authenticationMode === 'CONFIG_MAP') return;
  const admins = `arn:aws:iam::${cluster.accountId}:role/eks-admins`;
  addEntries(cluster, [
    { principalArn: admins, policyArn: CLUSTER_ADMIN_POLICY_ARN },
    ...options.console.map((principalArn) => ({
      principalArn,
      policyArn: VIEW_POLICY_ARN,
      kubernetesGroups: [CONSOLE_GROUP],
    })),
    ...(options.extra ?? []),
  ]);
  // The entries EKS made when the node groups and Fargate profiles were created.
  const random = seededRandom(`compute-entries:${cluster.arn}`);
  for (const nodegroup of cluster.nodegroups.values())
    grantComputeAccess(
      cluster,
      nodegroup.nodeRole,
      'EC2_LINUX',
      nodegroup.createdAt,
      random.uuid(),
    );
  for (const profile of cluster.fargateProfiles.values())
    grantComputeAccess(
      cluster,
      profile.podExecutionRoleArn,
      'FARGATE_LINUX',
      profile.createdAt,
      random.uuid(),
    );
}

/** The demo world's entries: console view access everywhere but CLUSTER_WITHOUT_CONSOLE_ACCESS. */
export function seedDemoAccessEntries(world: World): void {
  const console = consolePrincipals(world);
  for (const state of world.regionStates()) {
    for (const cluster of state.clusters.values()) {
      if (cluster.kind !== 'eks') continue;
      const extra: SeedEntry[] =
        cluster.name === CLUSTER_WITHOUT_CONSOLE_ACCESS
          ? [
              {
                principalArn: `arn:aws:iam::${cluster.accountId}:role/qa-engineers`,
                policyArn: accessPolicyArn('AmazonEKSEditPolicy'),
                namespaces: ['qa'],
              },
            ]
          : cluster.name === 'checkout-prod'
            ? [
                {
                  principalArn: `arn:aws:iam::${cluster.accountId}:role/payments-developers`,
                  policyArn: accessPolicyArn('AmazonEKSEditPolicy'),
                  namespaces: ['payments'],
                },
              ]
            : [];
      seedAccessEntries(cluster, {
        console: cluster.name === CLUSTER_WITHOUT_CONSOLE_ACCESS ? [] : console,
        extra,
      });
    }
  }
}
