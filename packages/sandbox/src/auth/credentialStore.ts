import { randomBytes } from 'node:crypto';
import type { AccountRecord, RoleRecord } from '../world/accounts.ts';
import {
  assumedRoleArn,
  userPrincipal,
  type Principal,
  type RoleSessionPrincipal,
} from './principals.ts';

/** What the sandbox knows about an access key: its secret, its principal and, for sessions, its token. */
export interface KeyRecord {
  secretAccessKey: string;
  principal: Principal;
  sessionToken?: string;
}

/** Temporary credentials as AssumeRole returns them. */
export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  principal: RoleSessionPrincipal;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MAX_SESSIONS = 100_000;

function temporaryKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((byte) => BASE32[byte % 32]).join('')}`;
}

/** Static keys of every account, plus the role sessions AssumeRole has issued. */
export class CredentialStore {
  private readonly keys = new Map<string, KeyRecord>();

  constructor(accounts: AccountRecord[]) {
    for (const account of accounts) {
      this.keys.set(account.accessKeyId, {
        secretAccessKey: account.secretAccessKey,
        principal: userPrincipal(account),
      });
    }
  }

  lookup(accessKeyId: string): KeyRecord | undefined {
    return this.keys.get(accessKeyId);
  }

  issueSession(
    accountId: string,
    role: RoleRecord,
    options: {
      sessionName: string;
      issuedAt: Date;
      durationSeconds: number;
      sourceIdentity?: string;
    },
  ): IssuedSession {
    const accessKeyId = temporaryKeyId();
    const secretAccessKey = randomBytes(30).toString('base64');
    // Real session tokens are long opaque blobs; clients must pass them back verbatim.
    const sessionToken = `IQoJb3JpZ2luX2VjE${randomBytes(180).toString('base64')}`;
    const principal: RoleSessionPrincipal = {
      type: 'AssumedRole',
      accountId,
      arn: assumedRoleArn(accountId, role.name, options.sessionName),
      userId: `${role.roleId}:${options.sessionName}`,
      accessKeyId,
      access: role.access,
      role,
      sessionName: options.sessionName,
      ...(options.sourceIdentity !== undefined ? { sourceIdentity: options.sourceIdentity } : {}),
      issuedAt: options.issuedAt,
      expiresAt: new Date(options.issuedAt.getTime() + options.durationSeconds * 1000),
    };
    this.keys.set(accessKeyId, { secretAccessKey, principal, sessionToken });
    this.pruneExpired(options.issuedAt);
    return { accessKeyId, secretAccessKey, sessionToken, principal };
  }

  /** Forgets sessions a day past their expiry (they answer ExpiredToken until then), and caps the count. */
  private pruneExpired(now: Date): void {
    if (this.keys.size < MAX_SESSIONS) return;
    for (const [id, record] of this.keys) {
      const { principal } = record;
      if (
        principal.type === 'AssumedRole' &&
        principal.expiresAt.getTime() < now.getTime() - 86_400_000
      ) {
        this.keys.delete(id);
      }
    }
  }
}
