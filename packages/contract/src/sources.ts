import { z } from 'zod';

/** One AWS account the console reads, as configured. */
export const AccountSource = z.object({
  id: z.string(),
  name: z.string(),
  /** How the console reaches it: its own credentials, an assumed role or a named profile. */
  via: z.enum(['default', 'role', 'profile']),
});
export type AccountSource = z.infer<typeof AccountSource>;

/** The accounts and regions the console fans out over, for filters and empty states. */
export const Sources = z.object({
  accounts: z.array(AccountSource),
  regions: z.array(z.string()),
});
export type Sources = z.infer<typeof Sources>;
