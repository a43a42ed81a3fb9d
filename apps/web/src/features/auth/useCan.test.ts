import { describe, expect, it } from 'vitest';
import { CHANGE_ROLES as CONTRACT_CHANGE_ROLES } from '@wheelhouse/contract';
import { CHANGE_ROLES, can } from './useCan.ts';

describe('can', () => {
  it('lets admins and operators change, not auditors', () => {
    expect(can('admin', 'change')).toBe(true);
    expect(can('operator', 'change')).toBe(true);
    expect(can('auditor', 'change')).toBe(false);
    expect(can(undefined, 'change')).toBe(false);
  });

  it('uses the roles the BFF allows to change', () => {
    expect([...CHANGE_ROLES].sort()).toEqual([...CONTRACT_CHANGE_ROLES].sort());
  });
});
