import { createHash } from 'node:crypto';

/** What a role may do: everything, or only Describe*, List* and Get* calls. */
export type RoleAccess = 'full' | 'read-only';

/** A seeded IAM role that sandbox principals may assume. */
export interface RoleRecord {
  name: string;
  arn: string;
  /** IAM's unique id of the role (AROA...), part of an assumed-role user id. */
  roleId: string;
  access: RoleAccess;
  maxSessionDurationSeconds: number;
}

/** An AWS account of the sandbox, with the static keys of its IAM user and its roles. */
export interface AccountRecord {
  id: string;
  name: string;
  userName: string;
  /** IAM's unique id of the user (AIDA...). */
  userId: string;
  accessKeyId: string;
  secretAccessKey: string;
  roles: RoleRecord[];
}

export const CONSOLE_ROLE = 'WheelhouseConsole';
export const READ_ONLY_ROLE = 'WheelhouseReadOnly';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** IAM-style identifier: a prefix and 16 base32 characters, derived from `seed`. */
function iamId(prefix: string, seed: string): string {
  const bytes = digest(seed);
  let out = prefix;
  for (let i = 0; out.length < prefix.length + 16; i++) out += BASE32[bytes[i]! % 32];
  return out;
}

/**
 * An account whose keys derive from its id, so docs and e2e specs can rely on
 * them. These keys only open the sandbox; they are not secrets.
 */
export function createAccount(id: string, name: string): AccountRecord {
  const role = (roleName: string, access: RoleAccess): RoleRecord => ({
    name: roleName,
    arn: `arn:aws:iam::${id}:role/${roleName}`,
    roleId: iamId('AROA', `wheelhouse-sandbox:${id}:role:${roleName}`),
    access,
    maxSessionDurationSeconds: 43_200,
  });
  return {
    id,
    name,
    userName: 'wheelhouse-sandbox',
    userId: iamId('AIDA', `wheelhouse-sandbox:${id}:user`),
    accessKeyId: iamId('AKIA', `wheelhouse-sandbox:${id}:access-key`),
    secretAccessKey: digest(`wheelhouse-sandbox:${id}:secret-key`).toString('base64').slice(0, 40),
    roles: [role(CONSOLE_ROLE, 'full'), role(READ_ONLY_ROLE, 'read-only')],
  };
}

export function userArn(account: AccountRecord): string {
  return `arn:aws:iam::${account.id}:user/${account.userName}`;
}

export function roleArnOf(account: AccountRecord, roleName: string): string {
  return `arn:aws:iam::${account.id}:role/${roleName}`;
}
