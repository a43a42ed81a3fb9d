import { defineEndpoint } from '../endpoint.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';
const WORKLOAD = `${K8S}/workloads/:kind/:namespace/:workload`;

export const restartWorkload = defineEndpoint({
  method: 'post',
  path: `${WORKLOAD}/restart`,
  access: 'change',
  action: 'workload.restart',
  summary: 'rolling restart of a Deployment, StatefulSet or DaemonSet (as the user)',
  params: 'RestartableWorkloadRef',
  response: 'KubeActionResult',
});

export const scaleWorkload = defineEndpoint({
  method: 'post',
  path: `${WORKLOAD}/scale`,
  access: 'change',
  action: 'workload.scale',
  summary: 'set the replicas of a Deployment or StatefulSet `{replicas}`',
  params: 'ScalableWorkloadRef',
  body: 'ScaleWorkloadRequest',
  response: 'KubeActionResult',
});

export const scalePreview = defineEndpoint({
  method: 'get',
  path: `${WORKLOAD}/scale/preview`,
  access: 'read',
  summary: 'what scaling to `replicas` would disrupt (PodDisruptionBudgets)',
  params: 'ScalableWorkloadRef',
  query: 'ScalePreviewQuery',
  response: 'DisruptionPreview',
});

export const deletePod = defineEndpoint({
  method: 'delete',
  path: `${K8S}/pods/:namespace/:pod`,
  access: 'change',
  action: 'pod.delete',
  summary: 'delete (or evict) a pod, with an optional grace period',
  params: 'PodActionRef',
  body: 'DeletePodRequest',
  response: 'KubeActionResult',
});

export const cordonNode = defineEndpoint({
  method: 'post',
  path: `${K8S}/nodes/:node/cordon`,
  access: 'change',
  action: 'node.cordon',
  summary: 'mark a node unschedulable',
  params: 'NodeRef',
  response: 'KubeActionResult',
});

export const uncordonNode = defineEndpoint({
  method: 'post',
  path: `${K8S}/nodes/:node/uncordon`,
  access: 'change',
  action: 'node.uncordon',
  summary: 'mark a node schedulable again',
  params: 'NodeRef',
  response: 'KubeActionResult',
});

export const drainNode = defineEndpoint({
  method: 'post',
  path: `${K8S}/nodes/:node/drain`,
  access: 'change',
  action: 'node.drain',
  summary: 'cordon a node and evict its pods (DaemonSets left), honouring disruption budgets',
  params: 'NodeRef',
  response: 'DrainResult',
});

export const drainPreview = defineEndpoint({
  method: 'get',
  path: `${K8S}/nodes/:node/drain/preview`,
  access: 'read',
  summary: 'what draining the node would evict and the budgets it would meet',
  params: 'NodeRef',
  response: 'DisruptionPreview',
});
