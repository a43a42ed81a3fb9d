import { AwsError } from '../../awsError.ts';
import type { IssuedSession } from '../../auth/credentialStore.ts';
import type { ServiceContext } from '../service.ts';

const NAME_PATTERN = /^[\w+=,.@-]*$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

const validation = (message: string) => new AwsError('ValidationError', 400, message);

function constraint(value: string | undefined, member: string, rule: string): AwsError {
  const shown = value === undefined ? 'null' : `'${value}'`;
  return validation(
    `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

function checkName(value: string | undefined, member: string): void {
  if (value === undefined) return;
  if (value.length < 2)
    throw constraint(value, member, 'Member must have length greater than or equal to 2');
  if (value.length > 64)
    throw constraint(value, member, 'Member must have length less than or equal to 64');
  if (!NAME_PATTERN.test(value)) {
    throw constraint(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
}

/** AssumeRole's parameters as they arrive in the form. */
export interface AssumeRoleParams {
  RoleArn?: string;
  RoleSessionName?: string;
  DurationSeconds?: string;
  SourceIdentity?: string;
}

/**
 * AssumeRole as STS does it for the sandbox's seeded roles: any sandbox
 * principal may assume them (cross-account too); chained sessions are capped
 * at one hour and keep the caller's source identity, which cannot change.
 */
export function assumeRole(context: ServiceContext, params: AssumeRoleParams): IssuedSession {
  const { RoleArn: roleArn, RoleSessionName: sessionName } = params;
  if (roleArn === undefined) throw constraint(undefined, 'roleArn', 'Member must not be null');
  if (sessionName === undefined)
    throw constraint(undefined, 'roleSessionName', 'Member must not be null');
  if (roleArn.length < 20 || roleArn.length > 2048) {
    throw constraint(roleArn, 'roleArn', 'Member must have length greater than or equal to 20');
  }
  checkName(sessionName, 'roleSessionName');
  let durationSeconds = 3600;
  if (params.DurationSeconds !== undefined) {
    durationSeconds = Number(params.DurationSeconds);
    if (!Number.isInteger(durationSeconds)) {
      throw validation(`Value '${params.DurationSeconds}' at 'durationSeconds' is not an integer.`);
    }
    if (durationSeconds < 900) {
      throw constraint(
        params.DurationSeconds,
        'durationSeconds',
        'Member must have value greater than or equal to 900',
      );
    }
    if (durationSeconds > 43_200) {
      throw constraint(
        params.DurationSeconds,
        'durationSeconds',
        'Member must have value less than or equal to 43200',
      );
    }
  }
  const requestedSource = params.SourceIdentity;
  checkName(requestedSource, 'sourceIdentity');
  if (requestedSource !== undefined && requestedSource.toLowerCase().startsWith('aws:')) {
    throw validation(`SourceIdentity must not start with 'aws:': ${requestedSource}`);
  }

  const { principal, world, credentials } = context;
  const denied = () =>
    new AwsError(
      'AccessDenied',
      403,
      `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw denied();
  const [, accountId, roleName] = match as unknown as [string, string, string];
  const role = world.account(accountId)?.roles.find((candidate) => candidate.name === roleName);
  if (!role || role.arn !== roleArn) throw denied();

  const chained = principal.type === 'AssumedRole';
  if (chained && durationSeconds > 3600) {
    throw validation(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (durationSeconds > role.maxSessionDurationSeconds) {
    throw validation(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  // Once set, a source identity follows every chained session and cannot be changed.
  const inherited = principal.type === 'AssumedRole' ? principal.sourceIdentity : undefined;
  if (inherited !== undefined && requestedSource !== undefined && requestedSource !== inherited) {
    throw new AwsError(
      'AccessDenied',
      403,
      `User: ${principal.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${roleArn}: the session's source identity '${inherited}' cannot be changed`,
    );
  }
  const sourceIdentity = inherited ?? requestedSource;
  return credentials.issueSession(accountId, role, {
    sessionName,
    issuedAt: world.now(),
    durationSeconds,
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
  });
}
