import { defineEndpoint } from '../endpoint.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';

export const nodeMetrics = defineEndpoint({
  method: 'get',
  path: `${K8S}/metrics/nodes`,
  access: 'read',
  summary:
    'CPU and memory of each node over the last `window` (5m, 15m, up to 1h), sampled every 15 s while someone looks, with allocatable and node group',
  params: 'ClusterRef',
  query: 'NodeMetricsQuery',
  response: 'ClusterNodeMetrics',
});

export const podMetrics = defineEndpoint({
  method: 'get',
  path: `${K8S}/metrics/pods`,
  access: 'read',
  summary:
    'CPU and memory of each pod (in `namespace`, or all) over the last `window`, with its requests and limits',
  params: 'ClusterRef',
  query: 'PodMetricsQuery',
  response: 'ClusterPodMetrics',
});
