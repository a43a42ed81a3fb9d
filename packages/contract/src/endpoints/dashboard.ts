import { defineEndpoint } from '../endpoint.ts';

export const fleetDashboard = defineEndpoint({
  method: 'get',
  path: '/api/dashboard',
  access: 'dashboard',
  summary: 'the fleet at a glance',
  response: 'FleetDashboard',
});

export const startDashboardSession = defineEndpoint({
  method: 'post',
  path: '/api/dashboard/session',
  access: 'public',
  summary: 'a wall screen exchanges its token `{token}` for a cookie',
  body: 'DashboardTokenBody',
  status: 204,
  problems: [401],
});

export const getDashboardSession = defineEndpoint({
  method: 'get',
  path: '/api/dashboard/session',
  access: 'dashboard',
  summary: 'the name and expiry of the wall screen’s token',
  response: 'DashboardSessionInfo',
});

export const listDashboardTokens = defineEndpoint({
  method: 'get',
  path: '/api/dashboard-tokens',
  access: 'admin',
  summary: 'list dashboard tokens',
  response: 'DashboardTokenList',
});

export const createDashboardToken = defineEndpoint({
  method: 'post',
  path: '/api/dashboard-tokens',
  access: 'admin',
  action: 'dashboard-token.create',
  summary: 'mint a dashboard token (its secret and link are shown once)',
  body: 'CreateDashboardTokenRequest',
  response: 'CreatedDashboardToken',
  status: 201,
});

export const revokeDashboardToken = defineEndpoint({
  method: 'delete',
  path: '/api/dashboard-tokens/:id',
  access: 'admin',
  action: 'dashboard-token.revoke',
  summary: 'revoke a dashboard token',
  params: 'DashboardTokenRef',
  status: 204,
  problems: [404],
});

export const openApi = defineEndpoint({
  method: 'get',
  path: '/api/openapi.json',
  access: 'read',
  summary: 'this table as an OpenAPI 3.1 document, from the same declarations',
  response: 'OpenApiDocument',
});
