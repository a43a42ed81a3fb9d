import type { AccessEntryFacts } from '../facts.ts';

const ADMIN_POLICIES = new Set(['AmazonEKSClusterAdminPolicy', 'AmazonEKSAdminPolicy']);

export const policyName = (arn: string | undefined) => arn?.slice(arn.lastIndexOf('/') + 1) ?? '';

/** Entries with an admin access policy over the whole cluster. */
export const clusterAdmins = (entries: AccessEntryFacts[]) =>
  entries.filter((facts) =>
    facts.policies.some(
      (policy) =>
        policyName(policy.policyArn) === 'AmazonEKSClusterAdminPolicy' &&
        policy.accessScope?.type === 'cluster',
    ),
  );

/** Entries with any admin access policy (cluster or namespaces). */
export const admins = (entries: AccessEntryFacts[]) =>
  entries.filter((facts) =>
    facts.policies.some((policy) => ADMIN_POLICIES.has(policyName(policy.policyArn))),
  );
