import { defineEndpoint } from '../endpoint.ts';

export const auditLog = defineEndpoint({
  method: 'get',
  path: '/api/audit',
  access: 'read',
  summary: 'the audit log (operators: their own entries), or its export with `format=csv|json`',
  query: 'AuditQuery',
  response: 'AuditPage',
  produces: { type: 'text/csv', description: 'with `format=csv`: the export as a download' },
});
