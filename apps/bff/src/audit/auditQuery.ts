import {
  SESSION_ACTION_PREFIX,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
} from '@wheelhouse/contract';
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
  };
}

/** Reads the audit log, newest first, with filters; `onlyUser` restricts an operator to their own entries. */
export function queryAudit(db: Db, query: AuditQuery, onlyUser?: string): AuditPage {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const user = onlyUser ?? query.user;
  if (user) {
    where.push('user = @user');
    params.user = user;
  }
  if (query.action) {
    // A prefix, so "nodegroup" finds every node group action; substr() has no wildcards to escape.
    where.push('substr(action, 1, length(@action)) = @action');
    params.action = query.action;
  }
  if (query.changesOnly) {
    where.push('substr(action, 1, length(@sessionPrefix)) <> @sessionPrefix');
    params.sessionPrefix = SESSION_ACTION_PREFIX;
  }
  if (query.target) {
    where.push('instr(target, @target) > 0');
    params.target = query.target;
  }
  if (query.outcome) {
    where.push('outcome = @outcome');
    params.outcome = query.outcome;
  }
  if (query.from) {
    where.push('at >= @from');
    params.from = new Date(query.from).toISOString();
  }
  if (query.to) {
    where.push('at <= @to');
    params.to = new Date(query.to).toISOString();
  }
  if (query.before !== undefined) {
    where.push('id < @before');
    params.before = query.before;
  }
  const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  const rows = db
    .prepare<Record<string, string | number>, AuditRow>(sql)
    .all({ ...params, limit: query.limit + 1 });
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
] as const;

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** One RFC 4180 CSV line; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export const auditCsvLine = (entry: AuditEntry): string =>
  `${CSV_COLUMNS.map((column) => csvCell(entry[column])).join(',')}\r\n`;

/** RFC 4180 CSV of these entries, header first. */
export function auditToCsv(entries: AuditEntry[]): string {
  return CSV_HEADER + entries.map(auditCsvLine).join('');
}
