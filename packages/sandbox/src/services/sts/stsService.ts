import { AwsError } from '../../awsError.ts';
import type { AuthFailure } from '../../auth/sigv4.ts';
import type { Principal } from '../../auth/principals.ts';
import { queryError, queryParameters, queryResponse } from '../queryProtocol.ts';
import type { AwsService, ServiceCall, ServiceContext } from '../service.ts';
import { assumeRole } from './assumeRole.ts';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const AUTH_ERRORS: Record<AuthFailure, [code: string, status: number]> = {
  missing: ['MissingAuthenticationToken', 403],
  incomplete: ['IncompleteSignature', 400],
  unknownKey: ['InvalidClientTokenId', 403],
  badSignature: ['SignatureDoesNotMatch', 403],
  expiredSignature: ['SignatureDoesNotMatch', 403],
  expiredToken: ['ExpiredToken', 403],
  invalidToken: ['InvalidClientTokenId', 403],
};

/** Seconds precision, as STS writes its dates. */
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function getCallerIdentity(context: ServiceContext): ServiceCall {
  const { principal, requestId } = context;
  return {
    operation: 'GetCallerIdentity',
    resource: '*',
    parameters: {},
    async execute() {
      return {
        response: queryResponse(
          'GetCallerIdentity',
          NAMESPACE,
          [
            ['Arn', principal.arn],
            ['UserId', principal.userId],
            ['Account', principal.accountId],
          ],
          requestId,
        ),
        responseElements: null,
      };
    },
  };
}

function assumeRoleCall(context: ServiceContext, params: Record<string, string>): ServiceCall {
  const parameters = {
    roleArn: params.RoleArn,
    roleSessionName: params.RoleSessionName,
    ...(params.DurationSeconds !== undefined
      ? { durationSeconds: Number(params.DurationSeconds) }
      : {}),
    ...(params.SourceIdentity !== undefined ? { sourceIdentity: params.SourceIdentity } : {}),
  };
  return {
    operation: 'AssumeRole',
    resource: params.RoleArn ?? '*',
    parameters,
    async execute() {
      const session = assumeRole(context, params);
      const { principal } = session;
      const expiration = isoSeconds(principal.expiresAt);
      return {
        response: queryResponse(
          'AssumeRole',
          NAMESPACE,
          [
            ['SourceIdentity', principal.sourceIdentity],
            [
              'AssumedRoleUser',
              [
                ['AssumedRoleId', principal.userId],
                ['Arn', principal.arn],
              ],
            ],
            [
              'Credentials',
              [
                ['AccessKeyId', session.accessKeyId],
                ['SecretAccessKey', session.secretAccessKey],
                ['SessionToken', session.sessionToken],
                ['Expiration', expiration],
              ],
            ],
          ],
          context.requestId,
        ),
        responseElements: {
          credentials: { accessKeyId: session.accessKeyId, expiration },
          assumedRoleUser: { assumedRoleId: principal.userId, arn: principal.arn },
          ...(principal.sourceIdentity !== undefined
            ? { sourceIdentity: principal.sourceIdentity }
            : {}),
        },
      };
    },
  };
}

/** AWS STS over the Query protocol: GetCallerIdentity (also presigned, for EKS tokens) and AssumeRole. */
export function createStsService(): AwsService {
  return {
    signingName: 'sts',
    eventSource: 'sts.amazonaws.com',
    resolve(context) {
      const params = queryParameters(context.request);
      switch (params.Action) {
        case 'GetCallerIdentity':
          return getCallerIdentity(context);
        case 'AssumeRole':
          return assumeRoleCall(context, params);
        default:
          throw new AwsError(
            'InvalidAction',
            400,
            `Could not find operation ${params.Action ?? '(none)'} for version ${params.Version ?? '2011-06-15'}`,
          );
      }
    },
    errorResponse: (error, requestId) => queryError(error, requestId, NAMESPACE),
    authError(failure, message) {
      const [code, status] = AUTH_ERRORS[failure];
      return new AwsError(code, status, message);
    },
    throttlingError: () => new AwsError('Throttling', 400, 'Rate exceeded'),
    faultError: (fault) =>
      new AwsError(
        fault.code ?? 'ServiceUnavailable',
        fault.status ?? 503,
        fault.message ?? 'Service is unavailable. Please try again later.',
      ),
    accessDenied: (principal: Principal, operation: string, resource: string) =>
      new AwsError(
        'AccessDenied',
        403,
        `User: ${principal.arn} is not authorized to perform: sts:${operation} on resource: ${resource}`,
      ),
    internalError: () => new AwsError('InternalFailure', 500, 'An internal error occurred.'),
  };
}
