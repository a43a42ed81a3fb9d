import { clusterArgs, clusterFailure, defineCheck, eksManaged } from '../check.ts';

export const endpointOpenToWorld = defineCheck({
  id: 'EKS-ENDPOINT-OPEN',
  title: 'Public API endpoint open to 0.0.0.0/0',
  severity: 'high',
  source: 'CIS Amazon EKS Benchmark 5.4.1: Restrict access to the control plane endpoint',
  evaluate(facts) {
    if (!eksManaged(facts)) return undefined;
    const { endpointPublicAccess, networking } = facts.cluster;
    const open = endpointPublicAccess && networking.publicAccessCidrs.includes('0.0.0.0/0');
    return clusterFailure(
      facts,
      open,
      'The Kubernetes API endpoint is public and accepts any address (publicAccessCidrs 0.0.0.0/0).',
      `aws eks update-cluster-config ${clusterArgs(facts)} --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs="203.0.113.0/24",endpointPrivateAccess=true`,
    );
  },
});
