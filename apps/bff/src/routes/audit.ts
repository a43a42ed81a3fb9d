import { AuditQuery } from '@wheelhouse/contract';
import { sessionOf } from '../auth/access.ts';
import { auditToCsv, queryAudit } from '../audit/auditQuery.ts';
import type { Db } from '../db/database.ts';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';

export function auditRoutes(deps: { db: Db }): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/audit',
      access: 'read',
      handler: (req, res) => {
        const session = sessionOf(res);
        const query = parseInput(AuditQuery, req.query);
        // Auditors and admins read the whole log; operators see their own entries.
        const page = queryAudit(
          deps.db,
          query,
          session.role === 'operator' ? session.user : undefined,
        );
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        if (query.format === 'csv') {
          res
            .attachment(`wheelhouse-audit-${stamp}.csv`)
            .type('text/csv')
            .send(auditToCsv(page.items));
        } else if (query.format === 'json') {
          res.attachment(`wheelhouse-audit-${stamp}.json`).json(page.items);
        } else {
          res.json(page);
        }
      },
    },
  ];
}
