import { z } from 'zod';
import { Role } from './session.ts';

// `unknown`: the console process ended while the change was in flight (the entry was settled at the
// next start), so nobody saw how the call ended.
export const AuditOutcome = z.enum(['pending', 'success', 'failure', 'denied', 'unknown']);

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
  /** The console replica that wrote the entry (WHEELHOUSE_INSTANCE_ID). */
  instance: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Every action the console writes to the log, by area: the audit filter offers these. */
export const AUDIT_ACTIONS = [
  'session.signin',
  'session.signout',
  'nodegroup.create',
  'nodegroup.scale',
  'nodegroup.labels-taints',
  'nodegroup.update-version',
  'nodegroup.delete',
  'fargate.create',
  'fargate.delete',
  'cluster.create',
  'cluster.update-version',
  'cluster.logging',
  'cluster.endpoint-access',
  'cluster.tags',
  'cluster.delete',
  'connector.register',
  'connector.deregister',
  'access-entry.create',
  'access-entry.delete',
  'access-policy.associate',
  'access-policy.disassociate',
  'identity-provider.associate',
  'identity-provider.disassociate',
  'pod-identity.create',
  'pod-identity.update',
  'pod-identity.delete',
  'dashboard-token.create',
  'dashboard-token.revoke',
  'workload.restart',
  'workload.scale',
  'pod.delete',
  'pod.exec',
  'pod.exec.end',
  'node.cordon',
  'node.uncordon',
  'node.drain',
  // Refused change attempts past the per-address budget, counted in one entry per address and minute.
  'refused.coalesced',
] as const;

/** Actions starting so are sign-ins and sign-outs, left out by `changesOnly`. */
export const SESSION_ACTION_PREFIX = 'session.';

export const AuditQuery = z.object({
  user: z.string().optional(),
  /** An action or its start: `nodegroup` finds every `nodegroup.*` entry. */
  action: z.string().optional(),
  /** `true`: leave out sign-ins and sign-outs, so the changes (and denied attempts) stand out. */
  changesOnly: z.stringbool().optional(),
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
