import { clusterArgs, clusterFailure, defineCheck, eksManaged } from '../check.ts';

export const configMapOnly = defineCheck({
  id: 'EKS-AUTH-CONFIG-MAP',
  title: 'Authentication mode CONFIG_MAP only',
  severity: 'medium',
  source:
    'EKS Best Practices, Security — Identity and access management: use EKS access entries instead of the aws-auth ConfigMap',
  evaluate(facts) {
    if (!eksManaged(facts) || !facts.cluster.authenticationMode) return undefined;
    return clusterFailure(
      facts,
      facts.cluster.authenticationMode === 'CONFIG_MAP',
      'Who may reach the cluster lives only in the aws-auth ConfigMap: no access entries, no audit of changes to it in EKS.',
      `aws eks update-cluster-config ${clusterArgs(facts)} --access-config authenticationMode=API_AND_CONFIG_MAP`,
    );
  },
});
