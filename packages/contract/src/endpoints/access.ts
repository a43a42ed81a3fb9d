import { defineEndpoint } from '../endpoint.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';
const ENTRY = `${CLUSTER}/access-entries/:principalArn`;
const POD_IDENTITY = `${CLUSTER}/pod-identity-associations/:associationId`;

export const clusterAccess = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/access`,
  access: 'read',
  summary:
    'the Access tab: authentication mode, access entries, OIDC provider, Pod Identity associations',
  params: 'ClusterRef',
  response: 'ClusterAccess',
});

export const whoCan = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/access/who-can`,
  access: 'read',
  summary: 'who may do a verb on a resource (in a namespace), and through which grant',
  params: 'ClusterRef',
  query: 'WhoCanQuery',
  response: 'WhoCanAnswer',
});

export const createAccessEntry = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/access-entries`,
  access: 'change',
  action: 'access-entry.create',
  summary: 'create an access entry',
  params: 'ClusterRef',
  body: 'CreateAccessEntryRequest',
  response: 'ChangeResult',
  status: 201,
});

export const deleteAccessEntry = defineEndpoint({
  method: 'delete',
  path: ENTRY,
  access: 'change',
  action: 'access-entry.delete',
  summary: 'delete an access entry `{confirmName}` (the IAM name of the principal)',
  params: 'AccessEntryRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
});

export const associateAccessPolicy = defineEndpoint({
  method: 'post',
  path: `${ENTRY}/policies`,
  access: 'change',
  action: 'access-policy.associate',
  summary: 'associate an access policy with an entry (cluster or namespace scope)',
  params: 'AccessEntryRef',
  body: 'AssociateAccessPolicyRequest',
  response: 'ChangeResult',
});

export const disassociateAccessPolicy = defineEndpoint({
  method: 'delete',
  path: `${ENTRY}/policies/:policyArn`,
  access: 'change',
  action: 'access-policy.disassociate',
  summary: 'disassociate an access policy from an entry',
  params: 'AccessPolicyRef',
  response: 'ChangeResult',
});

export const associateIdentityProvider = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/identity-providers`,
  access: 'change',
  action: 'identity-provider.associate',
  summary: 'associate an OIDC identity provider (an EKS cluster update)',
  params: 'ClusterRef',
  body: 'AssociateIdentityProviderRequest',
  response: 'ChangeResult',
  status: 202,
});

export const disassociateIdentityProvider = defineEndpoint({
  method: 'delete',
  path: `${CLUSTER}/identity-providers/:config`,
  access: 'change',
  action: 'identity-provider.disassociate',
  summary: 'disassociate the OIDC identity provider `{confirmName}`',
  params: 'IdentityProviderRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
  status: 202,
});

export const createPodIdentity = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/pod-identity-associations`,
  access: 'change',
  action: 'pod-identity.create',
  summary: 'create an EKS Pod Identity association',
  params: 'ClusterRef',
  body: 'CreatePodIdentityRequest',
  response: 'ChangeResult',
  status: 201,
});

export const updatePodIdentity = defineEndpoint({
  method: 'post',
  path: POD_IDENTITY,
  access: 'change',
  action: 'pod-identity.update',
  summary: 'change the IAM role of a Pod Identity association',
  params: 'PodIdentityRef',
  body: 'UpdatePodIdentityRequest',
  response: 'ChangeResult',
});

export const deletePodIdentity = defineEndpoint({
  method: 'delete',
  path: POD_IDENTITY,
  access: 'change',
  action: 'pod-identity.delete',
  summary: 'delete a Pod Identity association `{confirmName}` (the service account)',
  params: 'PodIdentityRef',
  body: 'ConfirmDeleteRequest',
  response: 'ChangeResult',
});
