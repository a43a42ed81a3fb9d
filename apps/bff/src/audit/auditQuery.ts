import {
  SESSION_ACTION_PREFIX,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
} from '@wheelhouse/contract';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { csvCell } from './csvCell.ts';

interface AuditRow {
  id: number;
  at: string;
  user: string;
  role: string | null;
  action: string;
  target: string | null;
  params: string | null;
  outcome: AuditEntry['outcome'];
  error: string | null;
  request_id: string | null;
  client_ip: string | null;
  completed_at: string | null;
  instance: string | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    ...(row.role ? { role: row.role as AuditEntry['role'] } : {}),
    action: row.action,
    ...(row.target ? { target: row.target } : {}),
    ...(row.params ? { params: JSON.parse(row.params) as unknown } : {}),
    outcome: row.outcome,
    ...(row.error ? { error: row.error } : {}),
    ...(row.request_id ? { requestId: row.request_id } : {}),
    ...(row.client_ip ? { clientIp: row.client_ip } : {}),
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
    ...(row.instance ? { instance: row.instance } : {}),
  };
}

/** Reads the audit log, newest first, with filters; `onlyUser` restricts an operator to their own entries. */
export async function queryAudit(db: Db, query: AuditQuery, onlyUser?: string): Promise<AuditPage> {
  let select = db.kysely.selectFrom('audit').selectAll();
  const user = onlyUser ?? query.user;
  if (user) select = select.where('user', '=', user);
  // Prefixes by substr(), substrings by instr()/strpos(): no LIKE wildcards to escape.
  if (query.action) {
    // A prefix, so "nodegroup" finds every node group action.
    select = select.where(
      sql<boolean>`substr(action, 1, length(${query.action})) = ${query.action}`,
    );
  }
  if (query.changesOnly) {
    select = select.where(
      sql<boolean>`substr(action, 1, length(${SESSION_ACTION_PREFIX})) <> ${SESSION_ACTION_PREFIX}`,
    );
  }
  if (query.target) {
    select = select.where(
      db.dialect === 'postgres'
        ? sql<boolean>`strpos(target, ${query.target}) > 0`
        : sql<boolean>`instr(target, ${query.target}) > 0`,
    );
  }
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  if (query.from) select = select.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) select = select.where('at', '<=', new Date(query.to).toISOString());
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  const rows: AuditRow[] = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(toEntry);
  return rows.length > query.limit ? { items, nextBefore: items.at(-1)!.id } : { items };
}

const CSV_COLUMNS = [
  'id',
  'at',
  'user',
  'role',
  'action',
  'target',
  'params',
  'outcome',
  'error',
  'requestId',
  'clientIp',
  'completedAt',
  'instance',
] as const;

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** One RFC 4180 CSV line; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export const auditCsvLine = (entry: AuditEntry): string =>
  `${CSV_COLUMNS.map((column) => csvCell(entry[column])).join(',')}\r\n`;

/** RFC 4180 CSV of these entries, header first. */
export function auditToCsv(entries: AuditEntry[]): string {
  return CSV_HEADER + entries.map(auditCsvLine).join('');
}
