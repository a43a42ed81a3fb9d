import { z } from 'zod';
import { Role } from './session.ts';

export const AuditOutcome = z.enum(['pending', 'success', 'failure', 'denied']);

/** One entry of the audit log: an attempted change, a sign-in or sign-out, or a denied attempt. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string(),
  role: Role.optional(),
  action: z.string(),
  target: z.string().optional(),
  params: z.unknown().optional(),
  outcome: AuditOutcome,
  error: z.string().optional(),
  requestId: z.string().optional(),
  clientIp: z.string().optional(),
  completedAt: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  user: z.string().optional(),
  action: z.string().optional(),
  /** Substring of the target ARN or path. */
  target: z.string().optional(),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  /** Entries with an id below this one (paging backwards in time). */
  before: z.coerce.number().int().optional(),
  format: z.enum(['json', 'csv']).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.number().int().optional(),
});
export type AuditPage = z.infer<typeof AuditPage>;
