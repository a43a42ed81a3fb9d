import { defineEndpoint } from '../endpoint.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';
const NODEGROUP = `${CLUSTER}/nodegroups/:nodegroup`;

export const getCompute = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/compute`,
  access: 'read',
  summary:
    'managed node groups, self-managed groups (with uniformity), Fargate profiles and their overlaps',
  params: 'ClusterRef',
  response: 'ClusterCompute',
});

export const getNodegroup = defineEndpoint({
  method: 'get',
  path: NODEGROUP,
  access: 'read',
  summary: 'a node group with its instances and update history (with progress)',
  params: 'NodegroupRef',
  response: 'NodegroupDetail',
});

export const fargateMatch = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/fargate-match`,
  access: 'read',
  summary: 'which Fargate profile(s) would take a pod of that namespace and labels (`label=k=v`)',
  params: 'ClusterRef',
  query: 'FargateMatchParams',
  response: 'FargateMatch',
});

export const createNodegroup = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/nodegroups`,
  access: 'change',
  action: 'nodegroup.create',
  summary: 'create a managed node group',
  params: 'ClusterRef',
  body: 'CreateNodegroupRequest',
  response: 'ChangeResult',
  status: 202,
});

export const scaleNodegroup = defineEndpoint({
  method: 'post',
  path: `${NODEGROUP}/scaling`,
  access: 'change',
  action: 'nodegroup.scale',
  summary: 'scale a node group (min, desired, max)',
  params: 'NodegroupRef',
  body: 'ScaleNodegroupRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateLabelsTaints = defineEndpoint({
  method: 'post',
  path: `${NODEGROUP}/labels-taints`,
  access: 'change',
  action: 'nodegroup.labels-taints',
  summary: 'change a node group’s Kubernetes labels and taints',
  params: 'NodegroupRef',
  body: 'UpdateLabelsTaintsRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateNodegroupVersion = defineEndpoint({
  method: 'post',
  path: `${NODEGROUP}/version`,
  access: 'change',
  action: 'nodegroup.update-version',
  summary: 'version or AMI update of a node group',
  params: 'NodegroupRef',
  body: 'UpdateNodegroupVersionRequest',
  response: 'ChangeResult',
  status: 202,
});

export const deleteNodegroup = defineEndpoint({
  method: 'delete',
  path: NODEGROUP,
  access: 'change',
  action: 'nodegroup.delete',
  summary: 'delete a node group `{confirmName}`',
  params: 'NodegroupRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
  status: 202,
});

export const createFargateProfile = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/fargate-profiles`,
  access: 'change',
  action: 'fargate.create',
  summary: 'create a Fargate profile (profiles are immutable)',
  params: 'ClusterRef',
  body: 'CreateFargateProfileRequest',
  response: 'ChangeResult',
  status: 202,
});

export const deleteFargateProfile = defineEndpoint({
  method: 'delete',
  path: `${CLUSTER}/fargate-profiles/:profile`,
  access: 'change',
  action: 'fargate.delete',
  summary: 'delete a Fargate profile `{confirmName}`',
  params: 'FargateProfileRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
  status: 202,
});
