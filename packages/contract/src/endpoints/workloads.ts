import { defineEndpoint } from '../endpoint.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';

export const nodegroupDisruption = defineEndpoint({
  method: 'get',
  path: `${K8S}/nodegroups/:nodegroup/disruption`,
  access: 'read',
  summary: 'what draining the node group would disrupt (PodDisruptionBudgets, pods per node)',
  params: 'NodeGroupLabelRef',
  response: 'NodegroupDisruption',
});

export const accessReview = defineEndpoint({
  method: 'get',
  path: `${K8S}/access-review`,
  access: 'read',
  summary: 'SelfSubjectAccessReview as the user: may they do `verb` on `resource` (in `namespace`)',
  params: 'ClusterRef',
  query: 'AccessReviewQuery',
  response: 'AccessReview',
});

export const listNamespaces = defineEndpoint({
  method: 'get',
  path: `${K8S}/namespaces`,
  access: 'read',
  summary: 'the cluster’s namespaces',
  params: 'ClusterRef',
  response: 'NamespaceList',
});

export const listPods = defineEndpoint({
  method: 'get',
  path: `${K8S}/pods`,
  access: 'read',
  summary:
    'pods, one page at a time (`limit`, `continue`), filtered by namespace, node, labels, phase',
  params: 'ClusterRef',
  query: 'PodQuery',
  response: 'PodList',
});

export const getPod = defineEndpoint({
  method: 'get',
  path: `${K8S}/pods/:namespace/:pod`,
  access: 'read',
  summary: 'one pod with its containers, conditions and events',
  params: 'PodRef',
  response: 'PodDetail',
});

export const podLog = defineEndpoint({
  method: 'get',
  path: `${K8S}/pods/:namespace/:pod/log`,
  access: 'read',
  summary: 'a container’s log as text; `follow=true` streams it',
  params: 'PodRef',
  query: 'LogQuery',
  produces: { type: 'text/plain', description: 'the log, line by line' },
});

export const listWorkloads = defineEndpoint({
  method: 'get',
  path: `${K8S}/workloads`,
  access: 'read',
  summary: 'Deployments, StatefulSets, DaemonSets, Jobs and CronJobs',
  params: 'ClusterRef',
  query: 'NamespaceQuery',
  response: 'WorkloadList',
});

export const listServices = defineEndpoint({
  method: 'get',
  path: `${K8S}/services`,
  access: 'read',
  summary: 'the cluster’s Services',
  params: 'ClusterRef',
  query: 'NamespaceQuery',
  response: 'ServiceList',
});

export const listNodes = defineEndpoint({
  method: 'get',
  path: `${K8S}/nodes`,
  access: 'read',
  summary: 'the cluster’s nodes',
  params: 'ClusterRef',
  response: 'NodeList',
});

export const autoscaling = defineEndpoint({
  method: 'get',
  path: `${K8S}/autoscaling`,
  access: 'read',
  summary: 'Horizontal and Vertical Pod Autoscalers and the node autoscaler in use',
  params: 'ClusterRef',
  response: 'AutoscalingView',
});

export const watch = defineEndpoint({
  method: 'get',
  path: `${K8S}/watch`,
  access: 'read',
  summary: 'server-sent events, one `data:` line per change of pods or nodes (see Watch streams)',
  params: 'ClusterRef',
  query: 'WatchQuery',
  produces: { type: 'text/event-stream', description: 'one WatchEvent per `data:` line' },
  problems: [429],
});
