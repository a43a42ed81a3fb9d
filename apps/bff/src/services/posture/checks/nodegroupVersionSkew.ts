import { allowedSkew, skewOf } from '../../versions.ts';
import { defineCheck } from '../check.ts';

export const nodegroupVersionSkew = defineCheck({
  id: 'NODEGROUP-VERSION-SKEW',
  title: 'Node group beyond the allowed version skew',
  severity: 'high',
  source:
    'Kubernetes version skew policy (EKS Best Practices, Cluster upgrades): kubelets at most 3 minors (2 before 1.28) behind the control plane',
  evaluate(facts) {
    const controlPlane = facts.cluster.version;
    if (!controlPlane || !facts.nodegroups) return undefined;
    return facts.nodegroups
      .filter((ng) => ng.version && skewOf(controlPlane, ng.version).tooFar)
      .map((ng) => ({
        resource: `nodegroup/${ng.nodegroupName}`,
        detail: `Kubelet ${ng.version} is ${skewOf(controlPlane, ng.version!).behind} minors behind the control plane ${controlPlane}; at most ${allowedSkew(controlPlane)} are supported.`,
        remediation: `aws eks update-nodegroup-version --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName} --kubernetes-version ${controlPlane}`,
      }));
  },
});
