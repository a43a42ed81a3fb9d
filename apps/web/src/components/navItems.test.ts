import { describe, expect, it } from 'vitest';
import { navItemsFor, type NavItem } from './navItems.ts';

describe('navItemsFor', () => {
  const items: NavItem[] = [
    { to: '/clusters', label: 'Clusters', roles: ['admin', 'operator', 'auditor'] },
    { to: '/audit', label: 'Audit', roles: ['admin', 'auditor'] },
    { to: '/users', label: 'Users', roles: ['admin'] },
  ];

  it('hides the pages a role may not use, keeping the order', () => {
    expect(navItemsFor('operator', items).map((item) => item.label)).toEqual(['Clusters']);
    expect(navItemsFor('auditor', items).map((item) => item.label)).toEqual(['Clusters', 'Audit']);
    expect(navItemsFor('admin', items).map((item) => item.label)).toEqual([
      'Clusters',
      'Audit',
      'Users',
    ]);
  });

  it('shows Clusters to every role', () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      expect(navItemsFor(role).map((item) => item.to)).toContain('/clusters');
    }
  });

  it('shows Audit to every role (operators read their own entries)', () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      expect(navItemsFor(role).map((item) => item.label)).toContain('Audit');
    }
  });

  it('shows the fleet dashboard and connected clusters to every role', () => {
    for (const role of ['admin', 'operator', 'auditor'] as const) {
      expect(navItemsFor(role).map((item) => item.to)).toEqual(
        expect.arrayContaining(['/dashboard', '/connected']),
      );
    }
  });

  it('shows Settings to admins only', () => {
    expect(navItemsFor('admin').map((item) => item.label)).toContain('Settings');
    expect(navItemsFor('operator').map((item) => item.label)).not.toContain('Settings');
    expect(navItemsFor('auditor').map((item) => item.label)).not.toContain('Settings');
  });
});
