import type { Role } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';

/** What is known about an action before it is attempted. */
export interface AuditStart {
  user: string;
  role?: Role;
  action: string;
  target?: string;
  params?: unknown;
  clientIp?: string;
}

export interface AuditOutcome {
  outcome: 'success' | 'failure' | 'denied';
  error?: string;
  requestId?: string;
}

/**
 * The audit log. Entries are only ever appended, then completed once (the database enforces both):
 * an entry is written before the upstream call, so a crash mid-call still leaves a trace.
 */
export function createAuditLog(db: Db, now: () => Date = () => new Date()) {
  const insert = db.prepare(
    `INSERT INTO audit (at, user, role, action, target, params, outcome, error, request_id, client_ip, completed_at)
     VALUES (@at, @user, @role, @action, @target, @params, @outcome, @error, @requestId, @clientIp, @completedAt)`,
  );
  const complete = db.prepare(
    `UPDATE audit SET outcome = @outcome, error = @error, request_id = @requestId, completed_at = @completedAt
     WHERE id = @id`,
  );

  const row = (start: AuditStart, outcome: AuditOutcome | undefined) => ({
    at: now().toISOString(),
    user: start.user,
    role: start.role ?? null,
    action: start.action,
    target: start.target ?? null,
    params: start.params === undefined ? null : JSON.stringify(start.params),
    outcome: outcome?.outcome ?? 'pending',
    error: outcome?.error ?? null,
    requestId: outcome?.requestId ?? null,
    clientIp: start.clientIp ?? null,
    completedAt: outcome ? now().toISOString() : null,
  });

  return {
    /** Writes a pending entry; returns its id for `complete`. */
    begin(start: AuditStart): number {
      return Number(insert.run(row(start, undefined)).lastInsertRowid);
    },
    complete(id: number, outcome: AuditOutcome): void {
      complete.run({
        id,
        outcome: outcome.outcome,
        error: outcome.error ?? null,
        requestId: outcome.requestId ?? null,
        completedAt: now().toISOString(),
      });
    },
    /** An action that is over as soon as it is recorded (sign-in, a denied attempt). */
    record(start: AuditStart, outcome: AuditOutcome): number {
      return Number(insert.run(row(start, outcome)).lastInsertRowid);
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
