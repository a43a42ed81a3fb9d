import { skewOf } from '../../versions.ts';
import { defineCheck } from '../check.ts';

export const nodegroupVersionBehind = defineCheck({
  id: 'NODEGROUP-VERSION-BEHIND',
  title: 'Node group behind the control plane',
  severity: 'low',
  source: 'EKS Best Practices, Cluster upgrades: upgrade the data plane after the control plane',
  evaluate(facts) {
    const controlPlane = facts.cluster.version;
    if (!controlPlane || !facts.nodegroups) return undefined;
    return facts.nodegroups
      .filter((ng) => {
        if (!ng.version) return false;
        const skew = skewOf(controlPlane, ng.version);
        return skew.behind > 0 && !skew.tooFar;
      })
      .map((ng) => ({
        resource: `nodegroup/${ng.nodegroupName}`,
        detail: `Kubelet ${ng.version} runs behind the control plane ${controlPlane}.`,
        remediation: `aws eks update-nodegroup-version --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName} --kubernetes-version ${controlPlane}`,
      }));
  },
});
