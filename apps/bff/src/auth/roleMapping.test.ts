import { describe, expect, it } from 'vitest';
import { groupsOf, roleForGroups } from './roleMapping.ts';

const roles = { admin: ['wh-admins'], operator: ['ops', 'sre'], auditor: ['audit'] };

describe('roleForGroups', () => {
  it('gives the highest role any group maps to', () => {
    expect(roleForGroups(['audit'], roles)).toBe('auditor');
    expect(roleForGroups(['audit', 'sre'], roles)).toBe('operator');
    expect(roleForGroups(['sre', 'audit', 'wh-admins'], roles)).toBe('admin');
  });

  it('gives no role when no group is mapped', () => {
    expect(roleForGroups(['contractors'], roles)).toBeUndefined();
    expect(roleForGroups([], roles)).toBeUndefined();
  });
});

describe('groupsOf', () => {
  it('reads a list, a single group, or nothing', () => {
    expect(groupsOf(['a', 7, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf(undefined)).toEqual([]);
  });
});
