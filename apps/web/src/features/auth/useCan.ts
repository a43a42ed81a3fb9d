import type { Role } from '@wheelhouse/contract';
import { CHANGE_ROLES } from '@wheelhouse/contract/constants';
import { useSession } from '../../api/session.ts';

/** What a signed-in user may do beyond reading. */
export type Capability = 'change';

/** Whether `role` has `capability`; no role (signed out, still loading) has none. */
export function can(role: Role | undefined, capability: Capability): boolean {
  if (!role) return false;
  switch (capability) {
    case 'change':
      return CHANGE_ROLES.includes(role);
  }
}

/**
 * Whether the signed-in user may do `capability`, so change controls can be left out for auditors.
 * The BFF enforces the same rule (403); hiding controls only spares users a button that cannot work.
 */
export function useCan(capability: Capability): boolean {
  return can(useSession().data?.role, capability);
}
