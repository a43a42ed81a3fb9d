import type { AccountRecord, RoleAccess, RoleRecord } from '../world/accounts.ts';

interface PrincipalBase {
  accountId: string;
  /** The caller's ARN as GetCallerIdentity and IAM denial messages show it. */
  arn: string;
  /** GetCallerIdentity's UserId: AIDA... for users, AROA...:session for role sessions. */
  userId: string;
  accessKeyId: string;
  access: RoleAccess;
}

/** The IAM user whose static keys each account has. */
export interface UserPrincipal extends PrincipalBase {
  type: 'IAMUser';
  userName: string;
}

/** A role session, from AssumeRole. */
export interface RoleSessionPrincipal extends PrincipalBase {
  type: 'AssumedRole';
  role: RoleRecord;
  sessionName: string;
  sourceIdentity?: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** Who signed a request. */
export type Principal = UserPrincipal | RoleSessionPrincipal;

export function userPrincipal(account: AccountRecord): UserPrincipal {
  return {
    type: 'IAMUser',
    accountId: account.id,
    arn: `arn:aws:iam::${account.id}:user/${account.userName}`,
    userId: account.userId,
    accessKeyId: account.accessKeyId,
    access: 'full',
    userName: account.userName,
  };
}

export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

/** IAM's read-only rule of the sandbox: Describe*, List* and Get* calls only. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Describe|List|Get)/.test(operation);
}
