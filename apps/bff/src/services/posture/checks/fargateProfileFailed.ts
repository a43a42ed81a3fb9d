import { defineCheck } from '../check.ts';

export const fargateProfileFailed = defineCheck({
  id: 'FARGATE-PROFILE-FAILED',
  title: 'Fargate profile failed',
  severity: 'medium',
  source: 'EKS Best Practices, Reliability: a failed profile schedules no pods of its selectors',
  evaluate(facts) {
    if (!facts.fargateProfiles) return undefined;
    return facts.fargateProfiles
      .filter((profile) => profile.status === 'CREATE_FAILED' || profile.status === 'DELETE_FAILED')
      .map((profile) => ({
        resource: `fargate-profile/${profile.fargateProfileName}`,
        detail: `Status ${profile.status}${profile.health?.issues?.length ? `: ${profile.health.issues.map((i) => i.message).join('; ')}` : ''}.`,
        remediation: `aws eks delete-fargate-profile --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --fargate-profile-name ${profile.fargateProfileName}`,
      }));
  },
});
