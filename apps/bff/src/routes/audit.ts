import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionOf } from '../auth/access.ts';
import type { AuditReader } from '../audit/auditReader.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';

export function auditRoutes(deps: { reader: AuditReader }): RouteDef[] {
  return [
    serve(e.auditLog, async ({ query, res }) => {
      const session = sessionOf(res);
      if (!query.format) return deps.reader.page(session, query);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      res
        .attachment(`wheelhouse-audit-${stamp}.${query.format}`)
        .type(query.format === 'csv' ? 'text/csv' : 'application/json');
      await pipeline(Readable.from(deps.reader.export(session, query, query.format)), res);
    }),
  ];
}
