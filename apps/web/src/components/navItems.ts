import type { Role } from '@wheelhouse/contract';

/** One entry of the top navigation; `roles` lists who may use the page behind it. */
export interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'operator', 'auditor'];

/**
 * The top navigation, in display order. Add features here, e.g.
 * `{ to: '/dashboard', label: 'Dashboard', roles: EVERYONE }` or
 * `{ to: '/audit', label: 'Audit', roles: ['admin', 'auditor'] }`.
 * The BFF enforces access; hiding an item only spares users a page they could not use.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', roles: EVERYONE },
  { to: '/clusters', label: 'Clusters', roles: EVERYONE },
  { to: '/connected', label: 'Connected', roles: EVERYONE },
  { to: '/addons', label: 'Add-ons', roles: EVERYONE },
  { to: '/posture', label: 'Posture', roles: EVERYONE },
  { to: '/upgrades', label: 'Upgrades', roles: EVERYONE },
  { to: '/cost', label: 'Cost', roles: EVERYONE },
  // Operators see their own entries only (the BFF filters); auditors and admins see everyone's.
  { to: '/audit', label: 'Audit', roles: EVERYONE },
  { to: '/settings/dashboard-tokens', label: 'Settings', roles: ['admin'] },
];

export function navItemsFor(role: Role, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => item.roles.includes(role));
}
