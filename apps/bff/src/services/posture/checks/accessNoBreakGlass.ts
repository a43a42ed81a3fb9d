import { clusterFailure, clusterNameArgs, defineCheck, eksManaged } from '../check.ts';
import { clusterAdmins } from './access.ts';

export const accessNoBreakGlass = defineCheck({
  id: 'ACCESS-NO-BREAK-GLASS',
  title: 'No break-glass cluster admin access entry',
  severity: 'medium',
  source:
    'EKS Best Practices, Security — Identity and access management: keep an emergency (break-glass) cluster admin in access entries',
  evaluate(facts) {
    if (!eksManaged(facts) || !facts.accessEntries) return undefined;
    if (facts.cluster.authenticationMode === 'CONFIG_MAP') return undefined;
    return clusterFailure(
      facts,
      clusterAdmins(facts.accessEntries).length === 0,
      'No access entry holds AmazonEKSClusterAdminPolicy over the cluster: if RBAC breaks, nobody can repair it through EKS.',
      `aws eks create-access-entry ${clusterNameArgs(facts)} --principal-arn arn:aws:iam::${facts.cluster.accountId}:role/break-glass && aws eks associate-access-policy ${clusterNameArgs(facts)} --principal-arn arn:aws:iam::${facts.cluster.accountId}:role/break-glass --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy --access-scope type=cluster`,
    );
  },
});
