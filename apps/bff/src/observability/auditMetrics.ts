import type { AuditLog } from '../audit/auditLog.ts';
import { auditWrites } from './metrics.ts';

/** The same audit log, its writes counted in GET /metrics (`wheelhouse_audit_writes_total`). */
export function countedAuditLog(audit: AuditLog): AuditLog {
  return {
    ...audit,
    begin(start) {
      const id = audit.begin(start);
      auditWrites.inc({ phase: 'begin', outcome: 'pending' });
      return id;
    },
    complete(id, outcome) {
      audit.complete(id, outcome);
      auditWrites.inc({ phase: 'complete', outcome: outcome.outcome });
    },
    record(start, outcome) {
      const id = audit.record(start, outcome);
      auditWrites.inc({ phase: 'record', outcome: outcome.outcome });
      return id;
    },
  };
}
