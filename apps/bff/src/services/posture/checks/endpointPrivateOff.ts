import { clusterArgs, clusterFailure, defineCheck, eksManaged } from '../check.ts';

export const endpointPrivateOff = defineCheck({
  id: 'EKS-ENDPOINT-PRIVATE-OFF',
  title: 'Private API endpoint disabled',
  severity: 'medium',
  source:
    'EKS Best Practices, Security — Infrastructure: make the cluster endpoint private; nodes then reach it inside the VPC',
  evaluate(facts) {
    if (!eksManaged(facts)) return undefined;
    return clusterFailure(
      facts,
      !facts.cluster.endpointPrivateAccess,
      'Nodes reach the Kubernetes API through its public endpoint: the private endpoint is off.',
      `aws eks update-cluster-config ${clusterArgs(facts)} --resources-vpc-config endpointPrivateAccess=true`,
    );
  },
});
