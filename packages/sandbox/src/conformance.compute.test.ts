import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type AwsExchange, type Sandbox } from './index.ts';
import { AUTO_SCALING_OPERATIONS } from './services/autoscaling/autoScalingService.ts';
import { EC2_OPERATIONS } from './services/ec2/ec2Service.ts';
import {
  allowMissingReference,
  botocoreDataDir,
  loadServiceModel,
  type ServiceModel,
} from './testing/botocoreModel.ts';
import { driveComputeOperations } from './testing/computeScenario.ts';
import {
  AWS_QUERY_COMMON_ERRORS,
  checkAwsQueryExchange,
  checkEc2Exchange,
} from './testing/queryConformance.ts';

/**
 * Every EC2 and Auto Scaling answer of a scenario covering each operation the
 * sandbox implements, checked against botocore's ec2/2016-11-15 and
 * autoscaling/2011-01-01 models: output members, types, enums and required
 * members; error documents, codes and statuses.
 */

/** EC2 models no error shapes; these are its documented codes the sandbox answers. */
const EC2_ERRORS = new Set([
  'InvalidInstanceID.NotFound',
  'InvalidInstanceID.Malformed',
  'InvalidSubnetID.NotFound',
  'InvalidVpcID.NotFound',
  'InvalidGroup.NotFound',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidLaunchTemplateId.VersionNotFound',
  'InvalidInstanceType',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidPaginationToken',
  'InvalidAction',
  'AuthFailure',
  'RequestExpired',
  'MissingAuthenticationToken',
  'IncompleteSignature',
  'UnauthorizedOperation',
  'RequestLimitExceeded',
  'Unavailable',
  'InternalError',
]);

const dataDir = botocoreDataDir();
let ec2Model: ServiceModel | undefined;
let autoScalingModel: ServiceModel | undefined;
let sandbox: Sandbox;
const exchanges: AwsExchange[] = [];

beforeAll(async () => {
  if (dataDir) {
    ec2Model = loadServiceModel(dataDir, 'ec2', '2016-11-15');
    autoScalingModel = loadServiceModel(dataDir, 'autoscaling', '2011-01-01');
  }
  sandbox = await startSandbox({ speed: 300 });
  sandbox.observe((exchange) => exchanges.push(exchange));
  await driveComputeOperations(sandbox);
});
afterAll(() => sandbox.close());

const of = (service: string) => exchanges.filter((exchange) => exchange.service === service);

describe('EC2 and Auto Scaling wire conformance with botocore models', () => {
  it('exercised every implemented operation, on success and error paths', () => {
    for (const [service, operations] of [
      ['ec2', EC2_OPERATIONS],
      ['autoscaling', AUTO_SCALING_OPERATIONS],
    ] as const) {
      const seen = of(service);
      for (const operation of operations) {
        expect(
          seen.some((e) => e.operation === operation && e.status === 200),
          operation,
        ).toBe(true);
        expect(
          seen.some((e) => e.operation === operation && e.status >= 400),
          operation,
        ).toBe(true);
      }
    }
  });

  it('answered every EC2 call with the model output or an EC2 error document', () => {
    if (!ec2Model) {
      allowMissingReference('botocore EC2 model');
      return;
    }
    const problems = of('ec2').flatMap((exchange) =>
      checkEc2Exchange(ec2Model!, exchange, EC2_ERRORS),
    );
    expect(problems).toEqual([]);
    expect(of('ec2').length).toBeGreaterThan(15);
  });

  it('answered every Auto Scaling call with the awsQuery output or a declared error', () => {
    if (!autoScalingModel) {
      allowMissingReference('botocore Auto Scaling model');
      return;
    }
    const problems = of('autoscaling').flatMap((exchange) =>
      checkAwsQueryExchange(autoScalingModel!, exchange, AWS_QUERY_COMMON_ERRORS),
    );
    expect(problems).toEqual([]);
    expect(of('autoscaling').length).toBeGreaterThan(15);
  });
});
