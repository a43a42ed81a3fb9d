import { AwsError } from '../../awsError.ts';
import type { Principal } from '../../auth/principals.ts';
import { awsQueryErrors, queryParameters, queryResponse } from '../queryProtocol.ts';
import type { AwsService, ServiceCall, ServiceContext } from '../service.ts';
import { assumeRole } from './assumeRole.ts';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

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
    ...awsQueryErrors(NAMESPACE),
    accessDenied: (principal: Principal, operation: string, resource: string) =>
      new AwsError(
        'AccessDenied',
        403,
        `User: ${principal.arn} is not authorized to perform: sts:${operation} on resource: ${resource}`,
      ),
  };
}
