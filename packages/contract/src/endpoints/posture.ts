import { defineEndpoint } from '../endpoint.ts';

export const fleetPosture = defineEndpoint({
  method: 'get',
  path: '/api/posture',
  access: 'read',
  summary: 'posture findings of every cluster in the fleet, with a score per cluster',
  response: 'PostureReport',
});

export const clusterPosture = defineEndpoint({
  method: 'get',
  path: '/api/clusters/:accountId/:region/:name/posture',
  access: 'read',
  summary: 'posture findings of one cluster',
  params: 'ClusterRef',
  response: 'PostureReport',
});

export const fleetCost = defineEndpoint({
  method: 'get',
  path: '/api/cost',
  access: 'read',
  summary:
    'control-plane price (standard or extended support), Spot share of vCPUs and clusters entering extended support, fleet-wide',
  response: 'CostReport',
});

export const clusterCost = defineEndpoint({
  method: 'get',
  path: '/api/clusters/:accountId/:region/:name/cost',
  access: 'read',
  summary: 'one cluster’s control-plane price and Spot share of vCPUs per node group',
  params: 'ClusterRef',
  response: 'CostReport',
});
