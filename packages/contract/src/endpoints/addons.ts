import { defineEndpoint } from '../endpoint.ts';

const CLUSTER = '/api/clusters/:accountId/:region/:name';

export const clusterAddons = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/addons`,
  access: 'read',
  summary:
    'installed EKS add-ons (version, status, health issues, newer compatible versions) and the ones that could be installed',
  params: 'ClusterRef',
  response: 'ClusterAddons',
});

export const fleetAddons = defineEndpoint({
  method: 'get',
  path: '/api/addons',
  access: 'read',
  summary:
    'every cluster’s add-ons with version drift (behind the default or the latest compatible build)',
  response: 'FleetAddons',
});

export const addonConfiguration = defineEndpoint({
  method: 'get',
  path: `${CLUSTER}/addons/:addon/configuration`,
  access: 'read',
  summary:
    'the JSON Schema an add-on build’s configuration values must satisfy (`?version=`, default: the cluster’s EKS default) and its pod identity service accounts',
  params: 'AddonRef',
  query: 'AddonConfigurationQuery',
  response: 'AddonConfiguration',
  problems: [404],
});

export const createAddon = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/addons`,
  access: 'change',
  action: 'addon.create',
  summary:
    'install an EKS add-on (default version unless one is given); configuration values are checked against the build’s schema first',
  params: 'ClusterRef',
  body: 'CreateAddonRequest',
  response: 'ChangeResult',
  status: 202,
});

export const updateAddon = defineEndpoint({
  method: 'post',
  path: `${CLUSTER}/addons/:addon/update`,
  access: 'change',
  action: 'addon.update',
  summary: 'move an add-on to another version (resolveConflicts NONE, OVERWRITE or PRESERVE)',
  params: 'AddonRef',
  body: 'UpdateAddonRequest',
  response: 'ChangeResult',
  status: 202,
});

export const deleteAddon = defineEndpoint({
  method: 'delete',
  path: `${CLUSTER}/addons/:addon`,
  access: 'change',
  action: 'addon.delete',
  summary: 'remove an add-on `{confirmName}` (optionally preserving its Kubernetes objects)',
  params: 'AddonRef',
  body: 'DeleteAddonRequest',
  response: 'ChangeResult',
  status: 202,
});
