import { defineCheck } from '../check.ts';

export const nodegroupHealth = defineCheck({
  id: 'NODEGROUP-HEALTH',
  title: 'Node group reports health issues',
  severity: 'medium',
  source: 'EKS Best Practices, Reliability — Data plane: act on managed node group health issues',
  evaluate(facts) {
    if (!facts.nodegroups) return undefined;
    return facts.nodegroups
      .filter((ng) => (ng.health?.issues ?? []).length > 0)
      .map((ng) => ({
        resource: `nodegroup/${ng.nodegroupName}`,
        detail: (ng.health?.issues ?? [])
          .map((issue) => `${issue.code}: ${issue.message}`)
          .join('; '),
        remediation: `aws eks describe-nodegroup --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName} --query nodegroup.health`,
      }));
  },
});
