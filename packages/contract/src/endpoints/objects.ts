import { defineEndpoint } from '../endpoint.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';

export const namespacedObject = defineEndpoint({
  method: 'get',
  path: `${K8S}/objects/:resource/:namespace/:object`,
  access: 'read',
  summary:
    'one namespaced object (pods, deployments, replicasets, …): its YAML, events grouped by reason, owner chain and what it owns',
  params: 'NamespacedObjectRef',
  response: 'ObjectDetail',
});

export const clusterObject = defineEndpoint({
  method: 'get',
  path: `${K8S}/objects/:resource/:object`,
  access: 'read',
  summary: 'one cluster-scoped object (nodes): its YAML, events and what it runs',
  params: 'ClusterObjectRef',
  response: 'ObjectDetail',
});

export const clusterEvents = defineEndpoint({
  method: 'get',
  path: `${K8S}/events`,
  access: 'read',
  summary:
    'the cluster’s events grouped by object and reason (Warning by default), filtered by namespace, kind, reason',
  params: 'ClusterRef',
  query: 'EventsQuery',
  response: 'ClusterEventList',
});
