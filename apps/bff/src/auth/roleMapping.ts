import type { Role } from '@wheelhouse/contract';

/** IdP groups per Wheelhouse role, as the `sso.roles` block of WHEELHOUSE_CONFIG lists them. */
export type GroupRoles = Record<Role, string[]>;

// Highest first: a user in an admin group and an auditor group is an admin.
const BY_PRECEDENCE: readonly Role[] = ['admin', 'operator', 'auditor'];

/** The highest role any of the user's groups maps to; undefined when none is mapped. */
export function roleForGroups(groups: readonly string[], roles: GroupRoles): Role | undefined {
  const mine = new Set(groups);
  return BY_PRECEDENCE.find((role) => roles[role].some((group) => mine.has(group)));
}

/** The groups claim of an ID token as a list of strings (a single group may come as a string). */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim))
    return claim.filter((group): group is string => typeof group === 'string');
  return [];
}
