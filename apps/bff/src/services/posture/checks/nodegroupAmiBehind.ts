import { defineCheck } from '../check.ts';

export const nodegroupAmiBehind = defineCheck({
  id: 'NODEGROUP-AMI-BEHIND',
  title: 'Node groups behind the AMI',
  severity: 'medium',
  source:
    'EKS Best Practices, Cluster upgrades: keep worker nodes on the latest AMI release (security patches ship in new AMIs)',
  evaluate(facts) {
    if (!facts.nodegroups || !facts.amiDrift) return undefined;
    return facts.nodegroups.flatMap((ng) => {
      const name = ng.nodegroupName ?? '';
      const drift = facts.amiDrift?.get(name);
      if (drift?.status !== 'behind') return [];
      return [
        {
          resource: `nodegroup/${name}`,
          detail: `AMI release ${drift.releaseVersion ?? '?'} is ${drift.releasesBehind ?? '?'} release(s) and ${drift.daysBehind ?? '?'} days behind ${drift.latestReleaseVersion ?? 'the latest'} (${drift.amiType ?? 'AMI'}).`,
          remediation: `aws eks update-nodegroup-version --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${name}`,
        },
      ];
    });
  },
});
