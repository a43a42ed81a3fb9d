import type { AuditLog } from '../audit/auditLog.ts';
import { UnauthenticatedError } from '../errors.ts';
import { USER_NAME_RULE, auditedUserName, isUserName } from './userNames.ts';

/**
 * Refuses a sign-in whose name no user can have (`users add` would not create it) as a failed
 * sign-in, before any password is hashed; the audit entry keeps the name escaped and shortened,
 * so markup, line breaks and formulas typed into the form never reach the log as they were.
 */
export async function refuseImpossibleUserName(
  username: string,
  audit: AuditLog,
  clientIp: string | undefined,
): Promise<void> {
  if (isUserName(username)) return;
  await audit.record(
    {
      user: auditedUserName(username),
      action: 'session.signin',
      ...(clientIp ? { clientIp } : {}),
    },
    { outcome: 'failure', error: `user name outside the rule: ${USER_NAME_RULE}` },
  );
  throw new UnauthenticatedError('Wrong user name or password.');
}
