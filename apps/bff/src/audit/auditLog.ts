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
  const k = db.kysely;
  const row = (start: AuditStart, outcome: AuditOutcome | undefined) => ({
    at: now().toISOString(),
    user: start.user,
    role: start.role ?? null,
    action: start.action,
    target: start.target ?? null,
    params: start.params === undefined ? null : JSON.stringify(start.params),
    outcome: outcome?.outcome ?? ('pending' as const),
    error: outcome?.error ?? null,
    request_id: outcome?.requestId ?? null,
    client_ip: start.clientIp ?? null,
    completed_at: outcome ? now().toISOString() : null,
    instance: db.instanceId,
  });
  const insert = async (values: ReturnType<typeof row>) =>
    Number(
      (await k.insertInto('audit').values(values).returning('id').executeTakeFirstOrThrow()).id,
    );

  return {
    /** Writes a pending entry; returns its id for `complete`. */
    begin: (start: AuditStart): Promise<number> => insert(row(start, undefined)),
    async complete(id: number, outcome: AuditOutcome): Promise<void> {
      await k
        .updateTable('audit')
        .set({
          outcome: outcome.outcome,
          error: outcome.error ?? null,
          request_id: outcome.requestId ?? null,
          completed_at: now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },
    /** An action that is over as soon as it is recorded (sign-in, a denied attempt). */
    record: (start: AuditStart, outcome: AuditOutcome): Promise<number> =>
      insert(row(start, outcome)),
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/** How long a replica may stay silent before its open changes count as abandoned. */
export const INSTANCE_SILENCE_MS = 60_000;

/**
 * Notes that this instance is alive, and ends as `unknown` the changes left open by instances that
 * are not: this one's previous life (it is only starting now) and any replica silent for a minute.
 * Their process died between the audit entry and its completion, so nobody knows how the call ended.
 */
export async function settleAbandonedChanges(
  db: Db,
  now: () => Date = () => new Date(),
): Promise<number> {
  const k = db.kysely;
  const at = now();
  await heartbeat(db, at, true);
  const alive = k
    .selectFrom('instances')
    .select('id')
    .where('seen_at', '>', at.getTime() - INSTANCE_SILENCE_MS)
    .where('id', '<>', db.instanceId);
  const { numUpdatedRows } = await k
    .updateTable('audit')
    .set({
      outcome: 'unknown',
      error: 'the console process ended before this change finished; check the resource itself',
      completed_at: at.toISOString(),
    })
    .where('outcome', '=', 'pending')
    .where((eb) => eb.or([eb('instance', 'is', null), eb('instance', 'not in', alive)]))
    .executeTakeFirst();
  return Number(numUpdatedRows);
}

/** Marks this instance alive now (`started`: it has just started). */
export async function heartbeat(db: Db, at: Date = new Date(), started = false): Promise<void> {
  await db.kysely
    .insertInto('instances')
    .values({ id: db.instanceId, started_at: at.toISOString(), seen_at: at.getTime() })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(
          started
            ? { started_at: at.toISOString(), seen_at: at.getTime() }
            : { seen_at: at.getTime() },
        ),
    )
    .execute();
}
