import { clusterNameArgs, defineCheck } from '../check.ts';
import { admins } from './access.ts';

/**
 * A principal that stands for many people rather than one duty: the account root (every IAM
 * principal its policies allow), a wildcard, or an IAM Identity Center permission-set role (everyone
 * assigned the permission set in any account group).
 */
const isWildcard = (arn: string) =>
  arn.endsWith(':root') ||
  arn.includes('*') ||
  /:role\/aws-reserved\/sso\.amazonaws\.com\/(.+\/)?AWSReservedSSO_/.test(arn);

export const accessWildcardAdmin = defineCheck({
  id: 'ACCESS-WILDCARD-ADMIN',
  title: 'Cluster admin granted to a wildcard principal',
  severity: 'critical',
  source:
    'CIS Amazon EKS Benchmark 4.1.1: Ensure that the cluster-admin role is only used where required',
  evaluate(facts) {
    if (!facts.accessEntries) return undefined;
    return admins(facts.accessEntries)
      .filter((granted) => isWildcard(granted.entry.principalArn ?? ''))
      .map((entry) => ({
        resource: `access-entry/${entry.entry.principalArn}`,
        detail: `${entry.entry.principalArn} stands for everyone who may act as it, and holds an admin access policy.`,
        remediation: `aws eks delete-access-entry ${clusterNameArgs(facts)} --principal-arn ${entry.entry.principalArn}`,
      }));
  },
});
