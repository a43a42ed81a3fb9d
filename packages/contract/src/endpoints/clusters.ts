import { defineEndpoint } from '../endpoint.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';

export const listSources = defineEndpoint({
  method: 'get',
  path: '/api/sources',
  access: 'read',
  summary: 'configured accounts and regions',
  response: 'Sources',
});

export const listClusters = defineEndpoint({
  method: 'get',
  path: '/api/clusters',
  access: 'read',
  summary: 'every cluster, `{items, errors}`',
  response: 'ClusterList',
});

export const getCluster = defineEndpoint({
  method: 'get',
  path: CLUSTER,
  access: 'read',
  summary: 'one cluster in detail',
  params: 'ClusterRef',
  response: 'ClusterDetail',
});

export const listVersions = defineEndpoint({
  method: 'get',
  path: '/api/versions',
  access: 'read',
  summary: 'Kubernetes versions EKS offers in that account and region',
  query: 'VersionsQuery',
  response: 'KubernetesVersionOptions',
});

export const upgradePlan = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/upgrade-plan`,
  access: 'read',
  summary: 'next version and skew; past extended support, the `path` of minors to a supported one',
  params: 'ClusterRef',
  response: 'VersionUpgradePlan',
});

export const clusterUpdates = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/updates`,
  access: 'read',
  summary: 'the cluster’s EKS update history',
  params: 'ClusterRef',
  response: 'ClusterUpdates',
});

export const createCluster = defineEndpoint({
  method: 'post',
  path: '/api/clusters',
  access: 'change',
  action: 'cluster.create',
  summary: 'create a cluster',
  body: 'CreateClusterRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateClusterVersion = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/version`,
  access: 'change',
  action: 'cluster.update-version',
  summary: 'one-minor version update',
  params: 'ClusterRef',
  body: 'UpdateClusterVersionRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateLogging = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/logging`,
  access: 'change',
  action: 'cluster.logging',
  summary: 'control-plane log types',
  params: 'ClusterRef',
  body: 'UpdateLoggingRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateEndpointAccess = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/endpoint-access`,
  access: 'change',
  action: 'cluster.endpoint-access',
  summary: 'public/private API endpoint access and public CIDRs',
  params: 'ClusterRef',
  body: 'UpdateEndpointAccessRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateClusterTags = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/tags`,
  access: 'change',
  action: 'cluster.tags',
  summary: 'tags (applied at once, no EKS update)',
  params: 'ClusterRef',
  body: 'UpdateTagsRequest',
  response: 'ChangeResult',
});

export const deleteCluster = defineEndpoint({
  method: 'delete',
  path: CLUSTER,
  access: 'change',
  action: 'cluster.delete',
  summary: 'delete a cluster `{confirmName}`',
  params: 'ClusterRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
  status: 202,
});

export const registerCluster = defineEndpoint({
  method: 'post',
  path: '/api/connected-clusters',
  access: 'change',
  action: 'connector.register',
  summary:
    'register an outside cluster (answers the activation once, with the agent’s install commands)',
  body: 'RegisterClusterRequest',
  response: 'RegistrationResult',
  status: 201,
});

export const deregisterCluster = defineEndpoint({
  method: 'delete',
  path: '/api/connected-clusters/:accountId/:region/:name',
  access: 'change',
  action: 'connector.deregister',
  summary: 'deregister a connected cluster `{confirmName}`',
  params: 'ClusterRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
  status: 202,
});
