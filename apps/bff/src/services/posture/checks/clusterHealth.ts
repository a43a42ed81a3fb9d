import { clusterFailure, defineCheck } from '../check.ts';

export const clusterHealth = defineCheck({
  id: 'EKS-CLUSTER-HEALTH',
  title: 'Cluster reports health issues',
  severity: 'high',
  source:
    'EKS Best Practices, Reliability — Control plane: watch the cluster health issues EKS reports',
  evaluate(facts) {
    const issues = facts.cluster.health;
    return clusterFailure(
      facts,
      issues.length > 0,
      issues.map((issue) => `${issue.code}: ${issue.message}`).join('; '),
      `aws eks describe-cluster --region ${facts.cluster.region} --name ${facts.cluster.name} --query cluster.health`,
    );
  },
});
