import { AwsError } from '../../awsError.ts';
import type { AuthFailure } from '../../auth/sigv4.ts';
import { queryParameters } from '../queryProtocol.ts';
import type { AwsService, ServiceCall, ServiceContext } from '../service.ts';
import { describeInstances } from './describeInstances.ts';
import { describeInstanceTypes } from './describeInstanceTypes.ts';
import {
  describeLaunchTemplates,
  describeLaunchTemplateVersions,
} from './describeLaunchTemplates.ts';
import { describeSecurityGroups } from './describeSecurityGroups.ts';
import { describeSubnets } from './describeSubnets.ts';
import { describeVpcs } from './describeVpcs.ts';
import { ec2Error, ec2Response, type Ec2Elements } from './ec2Protocol.ts';

/** EC2's answers to signature problems (it words them unlike the other Query services). */
const AUTH_ERRORS: Record<AuthFailure, [code: string, status: number, message?: string]> = {
  missing: ['MissingAuthenticationToken', 401],
  incomplete: ['IncompleteSignature', 400],
  unknownKey: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
  badSignature: [
    'AuthFailure',
    401,
    'AWS was not able to validate the provided access credentials',
  ],
  expiredSignature: ['RequestExpired', 400, 'Request has expired.'],
  expiredToken: ['RequestExpired', 400, 'Request has expired.'],
  invalidToken: [
    'AuthFailure',
    401,
    'AWS was not able to validate the provided access credentials',
  ],
};

type Ec2Operation = (context: ServiceContext, params: Record<string, string>) => Ec2Elements;

const OPERATIONS: Record<string, Ec2Operation> = {
  DescribeInstances: ({ world, principal, region }, params) =>
    describeInstances(world, principal.accountId, region, params).body,
  DescribeSubnets: ({ world, principal, region }, params) =>
    describeSubnets(world, world.region(principal.accountId, region), params),
  DescribeVpcs: ({ world, principal, region }, params) =>
    describeVpcs(world.region(principal.accountId, region), params),
  DescribeSecurityGroups: ({ world, principal, region }, params) =>
    describeSecurityGroups(world.region(principal.accountId, region), params),
  DescribeLaunchTemplates: ({ world, principal, region }, params) =>
    describeLaunchTemplates(world, world.region(principal.accountId, region), params),
  DescribeLaunchTemplateVersions: ({ world, principal, region }, params) =>
    describeLaunchTemplateVersions(world, world.region(principal.accountId, region), params),
  DescribeInstanceTypes: (_context, params) => describeInstanceTypes(params),
};

/** The EC2 operations the sandbox serves, for docs and the conformance test. */
export const EC2_OPERATIONS = Object.keys(OPERATIONS);

/** Form parameters as CloudTrail records them: lower-camel names, SigV4 and protocol keys left out. */
function trailParameters(params: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key !== 'Action' && key !== 'Version')
      .map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value]),
  );
}

/** Amazon EC2 over its own query protocol (XML answers with `<item>` lists). */
export function createEc2Service(): AwsService {
  return {
    signingName: 'ec2',
    eventSource: 'ec2.amazonaws.com',
    resolve(context): ServiceCall {
      const params = queryParameters(context.request);
      const action = params.Action ?? '';
      const operation = OPERATIONS[action];
      if (!operation) {
        throw new AwsError(
          'InvalidAction',
          400,
          `The action ${action || '(none)'} is not valid for this web service.`,
        );
      }
      return {
        operation: action,
        resource: '*',
        parameters: trailParameters(params),
        async execute() {
          return {
            response: ec2Response(action, operation(context, params), context.requestId),
            responseElements: null,
          };
        },
      };
    },
    errorResponse: ec2Error,
    authError(failure, message) {
      const [code, status, wording] = AUTH_ERRORS[failure];
      return new AwsError(code, status, wording ?? message);
    },
    throttlingError: () => new AwsError('RequestLimitExceeded', 503, 'Request limit exceeded.'),
    faultError: (fault) =>
      new AwsError(
        fault.code ?? 'Unavailable',
        fault.status ?? 503,
        fault.message ?? "The server is overloaded and can't handle the request.",
      ),
    accessDenied: (principal, operation) =>
      new AwsError(
        'UnauthorizedOperation',
        403,
        `You are not authorized to perform this operation. User: ${principal.arn} is not authorized to perform: ec2:${operation} because no identity-based policy allows the ec2:${operation} action`,
      ),
    internalError: () => new AwsError('InternalError', 500, 'An internal error has occurred'),
  };
}
