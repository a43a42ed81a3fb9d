import { defineCheck } from '../check.ts';

export const nodegroupSshOpen = defineCheck({
  id: 'NODEGROUP-SSH-OPEN',
  title: 'SSH to nodes open to the internet',
  severity: 'high',
  source:
    'EKS Best Practices, Security — Infrastructure: minimise access to worker nodes (an SSH key without source security groups opens port 22 to 0.0.0.0/0)',
  evaluate(facts) {
    if (!facts.nodegroups) return undefined;
    return facts.nodegroups
      .filter((ng) => ng.remoteAccess?.ec2SshKey && !ng.remoteAccess.sourceSecurityGroups?.length)
      .map((ng) => ({
        resource: `nodegroup/${ng.nodegroupName}`,
        detail: `Key pair ${ng.remoteAccess?.ec2SshKey} with no source security groups: EKS opens port 22 to 0.0.0.0/0.`,
        // Remote access cannot be changed on a node group: a new one replaces it.
        remediation: `aws eks create-nodegroup --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName}-v2 --node-role ${ng.nodeRole} --subnets ${(ng.subnets ?? []).join(' ')} --remote-access ec2SshKey=${ng.remoteAccess?.ec2SshKey},sourceSecurityGroups=<sg-id> && aws eks delete-nodegroup --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName}`,
      }));
  },
});
