import { describe, expect, it } from 'vitest';
import { LoginRequest } from '@wheelhouse/contract';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './passwordRules.ts';

describe('passwordProblem', () => {
  it.each([
    ['1q2w3e4r5t6y', /common passwords/],
    ['QWERTY123456', /common passwords/],
    ['aaaaaaaaaaaaaaaa', /one character repeated/],
    ['😀😀😀😀😀😀😀😀', /one character repeated/],
    ['ana.lopez@example', /user name itself/],
    ['short', /at least 12 characters/],
    ['x'.repeat(1024) + 'y', /at most 1,024 characters/],
  ])('refuses %j with the reason', (password, reason) => {
    expect(passwordProblem('ana.lopez@example', password)).toMatch(reason);
  });

  it.each(['correct horse battery staple', 'x'.repeat(1023) + 'y', 'Tr0ub4dor&3-wheelhouse'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem('ana', password)).toBeUndefined();
    },
  );

  it('allows exactly what sign-in accepts at the upper end', () => {
    expect(MAX_PASSWORD_LENGTH).toBe(1024);
    const longest = 'ab'.repeat(512);
    expect(passwordProblem('ana', longest)).toBeUndefined();
    expect(LoginRequest.safeParse({ username: 'ana', password: longest }).success).toBe(true);
    expect(LoginRequest.safeParse({ username: 'ana', password: `${longest}c` }).success).toBe(
      false,
    );
  });
});
