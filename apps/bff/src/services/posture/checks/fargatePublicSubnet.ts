import { defineCheck } from '../check.ts';

export const fargatePublicSubnet = defineCheck({
  id: 'FARGATE-PUBLIC-SUBNET',
  title: 'Fargate profile in a public subnet',
  severity: 'high',
  source:
    'CIS Amazon EKS Benchmark 5.4.3: private nodes (Fargate pods run only in private subnets, with no route to an internet gateway)',
  evaluate(facts) {
    const subnets = facts.subnets;
    if (!facts.fargateProfiles || !subnets) return undefined;
    return facts.fargateProfiles.flatMap((profile) => {
      const open = (profile.subnets ?? []).filter((id) => subnets.get(id)?.mapPublicIpOnLaunch);
      if (open.length === 0) return [];
      return [
        {
          resource: `fargate-profile/${profile.fargateProfileName}`,
          detail: `Subnets ${open.join(', ')} assign public IP addresses.`,
          // Subnets of a Fargate profile cannot change: a new profile replaces it.
          remediation: `aws eks create-fargate-profile --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --fargate-profile-name ${profile.fargateProfileName}-private --pod-execution-role-arn ${profile.podExecutionRoleArn} --subnets <private subnet ids> --selectors namespace=<namespace> && aws eks delete-fargate-profile --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --fargate-profile-name ${profile.fargateProfileName}`,
        },
      ];
    });
  },
});
