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
