import { z } from 'zod';
import { ROLES } from './constants.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** What the browser learns about its session; never holds secrets other than the CSRF token. */
export const SessionInfo = z.object({
  user: z.string(),
  role: Role,
  /** Send back as header `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
  /** `sandbox` or `aws`, so the UI can say which world it shows. */
  backend: z.enum(['sandbox', 'aws']),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

