import { defineEndpoint } from '../endpoint.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';

export const clusterInsights = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/insights`,
  access: 'read',
  summary:
    'EKS insights of a cluster (removed-API clients, kubelet skew, add-on compatibility) and whether it can move to the next version',
  params: 'ClusterRef',
  response: 'ClusterInsights',
});

export const fleetInsights = defineEndpoint({
  method: 'get',
  path: '/api/insights',
  access: 'read',
  summary:
    'upgrade readiness of every EKS cluster: which can move to the next version now, which are blocked and by what',
  response: 'FleetInsights',
});
