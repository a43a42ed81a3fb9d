import type { AuditPage, AuditQuery, Role } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';
import { auditCsvLine, CSV_HEADER, queryAudit } from './auditQuery.ts';

/** Who reads the log: auditors and admins read all of it, operators their own entries. */
export interface AuditViewer {
  user: string;
  role: Role;
}

/** Entries an export reads from the database at a time; the answer streams out as they come. */
const EXPORT_BATCH = 1_000;

export function createAuditReader(db: Db, options: { exportBatch?: number } = {}) {
  const batch = options.exportBatch ?? EXPORT_BATCH;
  const onlyUserOf = (viewer: AuditViewer) =>
    viewer.role === 'operator' ? viewer.user : undefined;

  return {
    /** One page, newest first, for the audit page. */
    page: (viewer: AuditViewer, query: AuditQuery): Promise<AuditPage> =>
      queryAudit(db, query, onlyUserOf(viewer)),

    /**
     * Every entry the filters match, newest first, as CSV or a JSON array, in chunks: an export is
     * the whole log (it used to stop at the 5,000 a page may hold), and never sits in memory at once.
     */
    async *export(
      viewer: AuditViewer,
      query: AuditQuery,
      format: 'csv' | 'json',
    ): AsyncGenerator<string> {
      yield format === 'csv' ? CSV_HEADER : '[';
      let before = query.before;
      let first = true;
      for (;;) {
        const page = await queryAudit(
          db,
          { ...query, limit: batch, ...(before === undefined ? {} : { before }) },
          onlyUserOf(viewer),
        );
        if (format === 'csv') {
          yield page.items.map(auditCsvLine).join('');
        } else if (page.items.length > 0) {
          yield (
            (first ? '\n' : ',\n') + page.items.map((entry) => JSON.stringify(entry)).join(',\n')
          );
          first = false;
        }
        if (page.nextBefore === undefined) break;
        before = page.nextBefore;
      }
      if (format === 'json') yield '\n]\n';
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
