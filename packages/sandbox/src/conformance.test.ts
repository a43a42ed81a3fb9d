import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type AwsExchange, type Sandbox } from './index.ts';
import { EKS_ROUTES } from './services/eks/eksService.ts';
import { driveAccessEntries } from './testing/accessEntryScenario.ts';
import { driveAddons } from './testing/addonScenario.ts';
import { driveEveryOperation } from './testing/conformanceScenario.ts';
import { driveIdentity } from './testing/identityScenario.ts';
import { driveSsm } from './testing/ssmScenario.ts';
import { SSM_OPERATIONS } from './services/ssm/ssmService.ts';
import {
  allowMissingReference,
  botocoreDataDir,
  loadServiceModel,
  type ServiceModel,
} from './testing/botocoreModel.ts';
import { AWS_QUERY_COMMON_ERRORS, checkAwsQueryExchange } from './testing/queryConformance.ts';
import { validateShape } from './testing/shapeValidator.ts';

/**
 * Every answer the sandbox gives in this run is checked against botocore's
 * models: output shapes for successes, the declared error shapes (and the
 * operation's error list) for failures. The scenario calls every EKS
 * operation the sandbox implements, on success and error paths.
 */

/** Errors any AWS JSON service may answer regardless of an operation's list (auth, IAM, throttling, serialization). */
const COMMON_JSON_ERRORS = new Set([
  'AccessDeniedException',
  'ThrottlingException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'SerializationException',
  'UnknownOperationException',
  'ServiceUnavailableException',
]);
/**
 * Errors EKS really answers that the model does not list for the operation:
 * a Fargate profile create or delete while another profile is CREATING or
 * DELETING gets ResourceInUseException ("Cannot create Fargate Profile x
 * because cluster y currently has Fargate profile z in status CREATING").
 */
const UNMODELLED_ERRORS: Record<string, string[]> = {
  CreateFargateProfile: ['ResourceInUseException'],
  DeleteFargateProfile: ['ResourceInUseException'],
};

const dataDir = botocoreDataDir();
let eksModel: ServiceModel | undefined;
let stsModel: ServiceModel | undefined;
let ssmModel: ServiceModel | undefined;
let sandbox: Sandbox;
const exchanges: AwsExchange[] = [];

beforeAll(async () => {
  if (dataDir) {
    eksModel = loadServiceModel(dataDir, 'eks', '2017-11-01');
    stsModel = loadServiceModel(dataDir, 'sts', '2011-06-15');
    ssmModel = loadServiceModel(dataDir, 'ssm', '2014-11-06');
  }
  sandbox = await startSandbox({ speed: 300 });
  sandbox.observe((exchange) => exchanges.push(exchange));
  await driveEveryOperation(sandbox);
  await driveAccessEntries(sandbox);
  await driveIdentity(sandbox);
  await driveAddons(sandbox);
  await driveSsm(sandbox);
});
afterAll(() => sandbox.close());

describe('wire conformance with botocore models', () => {
  it('serves each EKS operation at the method and URI the model defines', () => {
    if (!eksModel) {
      allowMissingReference('botocore EKS model');
      return;
    }
    for (const route of EKS_ROUTES) {
      const operation = eksModel.operations[route.operation];
      expect(operation, route.operation).toBeDefined();
      expect(`${route.method} ${route.path}`, route.operation).toBe(
        `${operation!.http.method} ${operation!.http.requestUri}`,
      );
    }
  });

  it('exercised every implemented EKS operation in this run', () => {
    const seen = new Set(exchanges.filter((e) => e.service === 'eks').map((e) => e.operation));
    const missing = EKS_ROUTES.map((route) => route.operation).filter(
      (operation) => !seen.has(operation),
    );
    expect(missing).toEqual([]);
    expect(exchanges.filter((e) => e.service === 'sts').length).toBeGreaterThan(3);
  });

  it('answered every EKS call with the output shape (or a declared error shape) of the model', () => {
    if (!eksModel) {
      allowMissingReference('botocore EKS model');
      return;
    }
    const problems: string[] = [];
    for (const exchange of exchanges.filter((e) => e.service === 'eks')) {
      const label = `${exchange.operation ?? '(unresolved)'} ${exchange.status}`;
      const body = JSON.parse(exchange.body) as unknown;
      if (exchange.headers['x-amzn-requestid'] === undefined)
        problems.push(`${label}: no x-amzn-requestid`);
      const operation = exchange.operation ? eksModel.operations[exchange.operation] : undefined;
      if (exchange.status === 200) {
        if (!operation?.output) problems.push(`${label}: success without a modelled output`);
        else
          problems.push(
            ...validateShape(eksModel, operation.output.shape, body, {
              timestamps: 'epoch-seconds',
            }).map((p) => `${label} ${p}`),
          );
        continue;
      }
      const code = exchange.headers['x-amzn-errortype'];
      if (!code) {
        problems.push(`${label}: error without x-amzn-errortype`);
        continue;
      }
      const declared =
        (operation?.errors?.some((error) => error.shape === code) ?? false) ||
        (UNMODELLED_ERRORS[exchange.operation ?? '']?.includes(code) ?? false);
      if (!declared && !COMMON_JSON_ERRORS.has(code))
        problems.push(`${label}: ${code} is not an error of this operation`);
      const shape = eksModel.shapes[code];
      if (shape?.exception) {
        if (
          shape.error?.httpStatusCode !== undefined &&
          shape.error.httpStatusCode !== exchange.status
        ) {
          problems.push(`${label}: ${code} must be HTTP ${shape.error.httpStatusCode}`);
        }
        problems.push(
          ...validateShape(eksModel, code, body, { timestamps: 'epoch-seconds' }).map(
            (p) => `${label} ${p}`,
          ),
        );
      } else if (typeof (body as { message?: unknown }).message !== 'string') {
        problems.push(`${label}: ${code} without a message`);
      }
    }
    expect(problems).toEqual([]);
    expect(exchanges.filter((e) => e.service === 'eks').length).toBeGreaterThan(60);
  });

  it('answered every STS call with the Query protocol XML of the model', () => {
    if (!stsModel) {
      allowMissingReference('botocore STS model');
      return;
    }
    const problems = exchanges
      .filter((exchange) => exchange.service === 'sts')
      .flatMap((exchange) => checkAwsQueryExchange(stsModel!, exchange, AWS_QUERY_COMMON_ERRORS));
    expect(problems).toEqual([]);
  });

  it('answered every SSM call with the awsJson1_1 output shape (or a declared error) of the model', () => {
    if (!ssmModel) {
      allowMissingReference('botocore SSM model');
      return;
    }
    const ssm = exchanges.filter((e) => e.service === 'ssm');
    // An unauthenticated call resolves no operation; every operation was reached by the others.
    expect(new Set(ssm.flatMap((e) => (e.operation ? [e.operation] : [])))).toEqual(
      new Set(SSM_OPERATIONS),
    );
    expect(ssm.some((e) => e.body.includes('UnrecognizedClientException'))).toBe(true);
    const problems: string[] = [];
    for (const exchange of ssm) {
      const label = `${exchange.operation ?? '(unresolved)'} ${exchange.status}`;
      if (exchange.headers['content-type'] !== 'application/x-amz-json-1.1')
        problems.push(`${label}: content-type ${exchange.headers['content-type']}`);
      if (exchange.headers['x-amzn-requestid'] === undefined)
        problems.push(`${label}: no x-amzn-requestid`);
      const { __type: code, ...body } = JSON.parse(exchange.body) as Record<string, unknown>;
      const operation = exchange.operation ? ssmModel.operations[exchange.operation] : undefined;
      if (exchange.status === 200) {
        if (!operation?.output) problems.push(`${label}: success without a modelled output`);
        else
          problems.push(
            ...validateShape(ssmModel, operation.output.shape, body, {
              timestamps: 'epoch-seconds',
            }).map((p) => `${label} ${p}`),
          );
        continue;
      }
      if (typeof code !== 'string') {
        problems.push(`${label}: error without __type`);
        continue;
      }
      const declared = operation?.errors?.some((error) => error.shape === code) ?? false;
      if (!declared && !COMMON_JSON_ERRORS.has(code) && code !== 'ValidationException')
        problems.push(`${label}: ${code} is not an error of this operation`);
      if (ssmModel.shapes[code]?.exception)
        problems.push(
          ...validateShape(ssmModel, code, body, { timestamps: 'epoch-seconds' }).map(
            (p) => `${label} ${p}`,
          ),
        );
    }
    expect(problems).toEqual([]);
    expect(ssm.filter((e) => e.status === 200).length).toBeGreaterThan(5);
    expect(ssm.some((e) => e.status === 400 && e.body.includes('ParameterNotFound'))).toBe(true);
  });
});
