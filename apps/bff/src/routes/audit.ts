import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditQuery } from '@wheelhouse/contract';
import { sessionOf } from '../auth/access.ts';
import type { AuditReader } from '../audit/auditReader.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';

export function auditRoutes(deps: { reader: AuditReader }): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/audit',
      access: 'read',
      handler: async (req, res) => {
        const session = sessionOf(res);
        const query = parseInput(AuditQuery, req.query);
        if (!query.format) {
          res.json(await deps.reader.page(session, query));
          return;
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        res
          .attachment(`wheelhouse-audit-${stamp}.${query.format}`)
          .type(query.format === 'csv' ? 'text/csv' : 'application/json');
        await pipeline(Readable.from(deps.reader.export(session, query, query.format)), res);
      },
    },
  ];
}
