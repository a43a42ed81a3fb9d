import { describe, expect, it } from 'vitest';
import { auditedUserName, isUserName } from './userNames.ts';

describe('isUserName', () => {
  it.each(['admin', 'ana.lopez@example.com', 'ops_team-2', 'a'.repeat(64)])(
    'accepts %j',
    (name) => {
      expect(isUserName(name)).toBe(true);
    },
  );
  it.each([
    '',
    'a'.repeat(65),
    'ana lopez',
    '<b>x</b>',
    'ana\r\nadmin',
    '=cmd()',
    'ädmin',
    'a\u202eb',
  ])('refuses %j', (name) => {
    expect(isUserName(name)).toBe(false);
  });
});

describe('auditedUserName', () => {
  it('escapes markup, line breaks and formula characters as \\u escapes', () => {
    expect(auditedUserName('<b>\r\n=x')).toBe('\\u003cb\\u003e\\u000d\\u000a\\u003dx');
  });

  it('keeps at most 32 characters and marks the cut with an ellipsis', () => {
    expect(auditedUserName(`${'x'.repeat(40)}<`)).toBe(`${'x'.repeat(32)}…`);
    expect(auditedUserName('y'.repeat(32))).toBe('y'.repeat(32));
  });

  it('escapes both halves of an astral character and a lone surrogate', () => {
    expect(auditedUserName('a😀\ud800')).toBe('a\\ud83d\\ude00\\ud800');
  });
});
