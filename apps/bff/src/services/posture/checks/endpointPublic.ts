import { clusterArgs, clusterFailure, defineCheck, eksManaged } from '../check.ts';

export const endpointPublic = defineCheck({
  id: 'EKS-ENDPOINT-PUBLIC',
  title: 'Public API endpoint enabled',
  severity: 'low',
  source:
    'CIS Amazon EKS Benchmark 5.4.2: Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled',
  evaluate(facts) {
    if (!eksManaged(facts)) return undefined;
    return clusterFailure(
      facts,
      facts.cluster.endpointPublicAccess,
      'The Kubernetes API endpoint is reachable from the internet.',
      `aws eks update-cluster-config ${clusterArgs(facts)} --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true`,
    );
  },
});
