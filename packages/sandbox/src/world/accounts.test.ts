import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAccount } from './accounts.ts';
import { demoAccounts } from './seed/demoWorld.ts';

describe('sandbox accounts', () => {
  it('derive IAM-shaped keys and role ids from the account id, the same on every start', () => {
    const account = createAccount('123456789012', 'x');
    expect(createAccount('123456789012', 'y').accessKeyId).toBe(account.accessKeyId);
    expect(account.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(account.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(account.userId).toMatch(/^AIDA[A-Z2-7]{16}$/);
    expect(account.roles.map((role) => [role.arn, role.access])).toEqual([
      ['arn:aws:iam::123456789012:role/WheelhouseConsole', 'full'],
      ['arn:aws:iam::123456789012:role/WheelhouseReadOnly', 'read-only'],
    ]);
    expect(createAccount('210987654321', 'x').accessKeyId).not.toBe(account.accessKeyId);
  });

  it('are the keys the README documents', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const account of demoAccounts()) {
      expect(readme).toContain(`| ${account.id} `);
      expect(readme).toContain(`\`${account.accessKeyId}\``);
      expect(readme).toContain(`\`${account.secretAccessKey}\``);
    }
  });
});
