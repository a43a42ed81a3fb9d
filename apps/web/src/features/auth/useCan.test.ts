import { describe, expect, it } from 'vitest';
import { can } from './useCan.ts';

describe('can', () => {
  it('lets admins and operators change, not auditors', () => {
    expect(can('admin', 'change')).toBe(true);
    expect(can('operator', 'change')).toBe(true);
    expect(can('auditor', 'change')).toBe(false);
    expect(can(undefined, 'change')).toBe(false);
  });
});
