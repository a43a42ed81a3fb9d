import { AwsError } from '../../awsError.ts';
import { setDesiredCapacity, updateAutoScalingGroup } from '../../world/ec2/autoScalingChanges.ts';
import { awsQueryErrors, queryParameters, queryResponse } from '../queryProtocol.ts';
import type { AwsResponse, AwsService, ServiceCall, ServiceContext } from '../service.ts';
import { describeScalingActivities } from './describeActivities.ts';
import { describeAutoScalingGroups } from './describeGroups.ts';

const NAMESPACE = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';

/** An operation without output: just the metadata, as awsQuery answers it. */
function emptyResponse(action: string, requestId: string): AwsResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<${action}Response xmlns="${NAMESPACE}">` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

const validation = (message: string) => new AwsError('ValidationError', 400, message);

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw validation(
      `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function integer(params: Record<string, string>, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value))
    throw validation(`Invalid value '${raw}' for ${name}: not an integer.`);
  return value;
}

function boolean(params: Record<string, string>, name: string): boolean | undefined {
  const raw = params[name];
  return raw === undefined ? undefined : raw === 'true';
}

/** Defined members only. */
function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

type Operation = (context: ServiceContext, params: Record<string, string>) => ServiceCall;

const groupArn = (context: ServiceContext, name: string | undefined) =>
  context.world.autoScaling.group(context.principal.accountId, context.region, name ?? '')?.arn ??
  `arn:aws:autoscaling:${context.region}:${context.principal.accountId}:autoScalingGroup:*:autoScalingGroupName/${name ?? '*'}`;

const OPERATIONS: Record<string, Operation> = {
  DescribeAutoScalingGroups: (context, params) => ({
    operation: 'DescribeAutoScalingGroups',
    resource: '*',
    parameters: {},
    async execute() {
      const result = describeAutoScalingGroups(
        context.world,
        context.principal.accountId,
        context.region,
        params,
      );
      return {
        response: queryResponse('DescribeAutoScalingGroups', NAMESPACE, result, context.requestId),
        responseElements: null,
      };
    },
  }),
  DescribeScalingActivities: (context, params) => ({
    operation: 'DescribeScalingActivities',
    resource: '*',
    parameters: {},
    async execute() {
      const result = describeScalingActivities(
        context.world,
        context.principal.accountId,
        context.region,
        params,
      );
      return {
        response: queryResponse('DescribeScalingActivities', NAMESPACE, result, context.requestId),
        responseElements: null,
      };
    },
  }),
  SetDesiredCapacity: (context, params) => ({
    operation: 'SetDesiredCapacity',
    resource: groupArn(context, params.AutoScalingGroupName),
    parameters: defined({
      autoScalingGroupName: params.AutoScalingGroupName,
      desiredCapacity: integer(params, 'DesiredCapacity'),
      honorCooldown: boolean(params, 'HonorCooldown'),
    }),
    async execute() {
      const name = required(params, 'AutoScalingGroupName');
      required(params, 'DesiredCapacity');
      setDesiredCapacity(
        context.world,
        context.principal.accountId,
        context.region,
        name,
        integer(params, 'DesiredCapacity')!,
      );
      return {
        response: emptyResponse('SetDesiredCapacity', context.requestId),
        responseElements: null,
      };
    },
  }),
  UpdateAutoScalingGroup: (context, params) => {
    const launchTemplate = defined({
      id: params['LaunchTemplate.LaunchTemplateId'],
      name: params['LaunchTemplate.LaunchTemplateName'],
      version: params['LaunchTemplate.Version'],
    });
    const input = () =>
      defined({
        minSize: integer(params, 'MinSize'),
        maxSize: integer(params, 'MaxSize'),
        desiredCapacity: integer(params, 'DesiredCapacity'),
        vpcZoneIdentifier: params.VPCZoneIdentifier,
        launchTemplate: Object.keys(launchTemplate).length > 0 ? launchTemplate : undefined,
        newInstancesProtectedFromScaleIn: boolean(params, 'NewInstancesProtectedFromScaleIn'),
        defaultCooldown: integer(params, 'DefaultCooldown'),
        healthCheckGracePeriod: integer(params, 'HealthCheckGracePeriod'),
        capacityRebalance: boolean(params, 'CapacityRebalance'),
      });
    return {
      operation: 'UpdateAutoScalingGroup',
      resource: groupArn(context, params.AutoScalingGroupName),
      parameters: {
        autoScalingGroupName: params.AutoScalingGroupName,
        ...defined({
          minSize: params.MinSize !== undefined ? Number(params.MinSize) : undefined,
          maxSize: params.MaxSize !== undefined ? Number(params.MaxSize) : undefined,
          desiredCapacity:
            params.DesiredCapacity !== undefined ? Number(params.DesiredCapacity) : undefined,
          vPCZoneIdentifier: params.VPCZoneIdentifier,
          launchTemplate: Object.keys(launchTemplate).length > 0 ? launchTemplate : undefined,
        }),
      },
      async execute() {
        updateAutoScalingGroup(
          context.world,
          context.principal.accountId,
          context.region,
          required(params, 'AutoScalingGroupName'),
          input(),
        );
        return {
          response: emptyResponse('UpdateAutoScalingGroup', context.requestId),
          responseElements: null,
        };
      },
    };
  },
};

/** The Auto Scaling operations the sandbox serves. */
export const AUTO_SCALING_OPERATIONS = Object.keys(OPERATIONS);

/** Amazon EC2 Auto Scaling over the awsQuery protocol (`<member>` lists, Result wrappers). */
export function createAutoScalingService(): AwsService {
  return {
    signingName: 'autoscaling',
    eventSource: 'autoscaling.amazonaws.com',
    resolve(context) {
      const params = queryParameters(context.request);
      const operation = OPERATIONS[params.Action ?? ''];
      if (!operation) {
        throw new AwsError(
          'InvalidAction',
          400,
          `Could not find operation ${params.Action ?? '(none)'} for version ${params.Version ?? '2011-01-01'}`,
        );
      }
      return operation(context, params);
    },
    ...awsQueryErrors(NAMESPACE),
    accessDenied: (principal, operation, resource) =>
      new AwsError(
        'AccessDenied',
        403,
        `User: ${principal.arn} is not authorized to perform: autoscaling:${operation} on resource: ${resource} because no identity-based policy allows the autoscaling:${operation} action`,
      ),
  };
}
