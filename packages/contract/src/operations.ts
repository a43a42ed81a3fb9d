import { z } from 'zod';

/** One readiness check of `GET /readyz`. */
export const ReadinessCheck = z.object({
  name: z.enum(['database', 'aws-credentials', 'shutdown']),
  ok: z.boolean(),
  /** Why the check failed, in words an operator can act on. */
  reason: z.string().optional(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

/** `GET /readyz`: 200 when every check passes, 503 with the failing checks' reasons otherwise. */
export const Readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.array(ReadinessCheck),
});
export type Readiness = z.infer<typeof Readiness>;
