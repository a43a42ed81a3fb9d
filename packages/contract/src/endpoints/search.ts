import { defineEndpoint } from '../endpoint.ts';

export const fleetSearch = defineEndpoint({
  method: 'get',
  path: '/api/search',
  access: 'read',
  summary:
    'fleet search: clusters, node groups, namespaces, workloads and pods by name or label selector (`q`, `kinds`), `{items, errors}`',
  query: 'SearchQuery',
  response: 'SearchResult',
});
