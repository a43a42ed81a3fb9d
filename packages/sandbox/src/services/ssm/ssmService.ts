import { AwsError } from '../../awsError.ts';
import type { AuthFailure } from '../../auth/sigv4.ts';
import { publicAmiParameters, type PublicParameter } from '../../world/ssm/amiReleaseParameters.ts';
import type { AwsResponse, AwsService, ServiceCall, ServiceContext } from '../service.ts';

/**
 * AWS Systems Manager over awsJson1_1 (X-Amz-Target: AmazonSSM.<Operation>),
 * serving the public parameters AWS publishes for its node images:
 * GetParameter, GetParameters and GetParametersByPath per botocore's
 * ssm/2014-11-06 model.
 */

export const SSM_OPERATIONS = ['GetParameter', 'GetParameters', 'GetParametersByPath'] as const;
type SsmOperation = (typeof SSM_OPERATIONS)[number];

const TARGET_PREFIX = 'AmazonSSM.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** GetParameters takes 10 names; GetParametersByPath answers up to 10 per page (the model's bounds). */
const MAX_NAMES = 10;
const MAX_PAGE = 10;

// Coral's JSON services answer authentication failures with HTTP 400, unlike EKS's 403.
const AUTH_ERRORS: Record<AuthFailure, string> = {
  missing: 'MissingAuthenticationTokenException',
  incomplete: 'IncompleteSignatureException',
  unknownKey: 'UnrecognizedClientException',
  badSignature: 'InvalidSignatureException',
  expiredSignature: 'InvalidSignatureException',
  expiredToken: 'ExpiredTokenException',
  invalidToken: 'UnrecognizedClientException',
};

function jsonAnswer(body: unknown, requestId: string): AwsResponse {
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}

const validation = (message: string) =>
  new AwsError('ValidationException', 400, `1 validation error detected: ${message}`);

type Body = Record<string, unknown>;

function parseBody(raw: Buffer): Body {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 400, 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 400, 'The request body must be a JSON object.');
  }
  return parsed as Body;
}

function requiredName(body: Body, member: string, wire: string): string {
  const value = body[member];
  if (value === undefined || value === null)
    throw validation(
      `Value null at '${wire}' failed to satisfy constraint: Member must not be null`,
    );
  if (typeof value !== 'string')
    throw new AwsError('SerializationException', 400, `${member} must be a string.`);
  if (value.length < 1 || value.length > 2048)
    throw validation(
      `Value '${value}' at '${wire}' failed to satisfy constraint: Member must have length between 1 and 2048`,
    );
  return value.trim();
}

/** A name may be given as its ARN (arn:aws:ssm:<region>::parameter/aws/service/...). */
function parameterName(given: string): string {
  const arn = /^arn:aws[\w-]*:ssm:[^:]*:[^:]*:parameter(\/.*)$/.exec(given);
  return arn ? arn[1]! : given;
}

const epochSeconds = (date: Date) => date.getTime() / 1000;

function wireParameter(parameter: PublicParameter, region: string) {
  return {
    Name: parameter.name,
    Type: 'String',
    Value: parameter.value,
    Version: parameter.version,
    LastModifiedDate: epochSeconds(parameter.lastModified),
    // AWS-owned public parameters have no account in their ARN.
    ARN: `arn:aws:ssm:${region}::parameter${parameter.name}`,
    DataType: parameter.dataType,
  };
}

function getParameter(body: Body, region: string) {
  const name = parameterName(requiredName(body, 'Name', 'name'));
  const parameter = publicAmiParameters(region).get(name);
  // AWS answers an unknown name with an empty message.
  if (!parameter) throw new AwsError('ParameterNotFound', 400, '');
  return { Parameter: wireParameter(parameter, region) };
}

function getParameters(body: Body, region: string) {
  const names = body.Names;
  if (names === undefined || names === null)
    throw validation(`Value null at 'names' failed to satisfy constraint: Member must not be null`);
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string'))
    throw new AwsError('SerializationException', 400, 'Names must be a list of strings.');
  const given = names as string[];
  if (given.length < 1 || given.length > MAX_NAMES)
    throw validation(
      `Value '[${given.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length between 1 and ${MAX_NAMES}`,
    );
  const catalogue = publicAmiParameters(region);
  const found = new Map<string, PublicParameter>();
  const invalid: string[] = [];
  for (const raw of given) {
    const parameter = catalogue.get(parameterName(raw.trim()));
    if (parameter) found.set(parameter.name, parameter);
    else if (!invalid.includes(raw)) invalid.push(raw);
  }
  const parameters = [...found.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    Parameters: parameters.map((parameter) => wireParameter(parameter, region)),
    InvalidParameters: invalid,
  };
}

interface StringFilter {
  Key: string;
  Option?: string;
  Values?: string[];
}

function readFilters(value: unknown): StringFilter[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new AwsError('SerializationException', 400, 'ParameterFilters must be a list.');
  return value.map((entry: unknown) => {
    const filter = entry as Partial<StringFilter> | null;
    if (!filter || typeof filter.Key !== 'string')
      throw validation(
        `Value null at 'parameterFilters.member.key' failed to satisfy constraint: Member must not be null`,
      );
    if (!['Type', 'KeyId', 'Label'].includes(filter.Key))
      throw new AwsError('InvalidFilterKey', 400, '');
    return filter as StringFilter;
  });
}

/** Public parameters are all String, with no KMS key and no labels. */
function matchesFilters(filters: StringFilter[]): boolean {
  return filters.every(
    (filter) => filter.Key === 'Type' && (filter.Values ?? []).includes('String'),
  );
}

function pageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

function readToken(token: unknown): number {
  if (token === undefined || token === null) return 0;
  if (typeof token === 'string') {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
        offset?: unknown;
      };
      if (Number.isInteger(decoded.offset) && (decoded.offset as number) >= 0)
        return decoded.offset as number;
    } catch {
      // falls through to the error below
    }
  }
  throw new AwsError('InvalidNextToken', 400, 'The specified token is not valid.');
}

function getParametersByPath(body: Body, region: string) {
  const path = requiredName(body, 'Path', 'path');
  if (!path.startsWith('/'))
    throw validation(
      `Value '${path}' at 'path' failed to satisfy constraint: Parameter path: path must begin with '/'`,
    );
  const recursive = body.Recursive === true;
  const maxResults = body.MaxResults ?? MAX_PAGE;
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults))
    throw new AwsError('SerializationException', 400, 'MaxResults must be an integer.');
  if (maxResults < 1 || maxResults > MAX_PAGE)
    throw validation(
      `Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_PAGE}`,
    );
  const filters = readFilters(body.ParameterFilters);
  const offset = readToken(body.NextToken);
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const matching = matchesFilters(filters)
    ? [...publicAmiParameters(region).values()].filter((parameter) => {
        if (!parameter.name.startsWith(prefix)) return false;
        return recursive || !parameter.name.slice(prefix.length).includes('/');
      })
    : [];
  const page = matching.slice(offset, offset + maxResults);
  const next = offset + maxResults < matching.length ? pageToken(offset + maxResults) : undefined;
  return {
    Parameters: page.map((parameter) => wireParameter(parameter, region)),
    ...(next ? { NextToken: next } : {}),
  };
}

const HANDLERS: Record<SsmOperation, (body: Body, region: string) => unknown> = {
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
};

function resourceOf(operation: SsmOperation, body: Body, region: string): string {
  const named =
    operation === 'GetParameter'
      ? body.Name
      : operation === 'GetParametersByPath'
        ? body.Path
        : undefined;
  const name = typeof named === 'string' ? parameterName(named) : '/*';
  return `arn:aws:ssm:${region}::parameter${name.startsWith('/') ? name : `/${name}`}`;
}

function resolve(context: ServiceContext): ServiceCall {
  const { request, region } = context;
  const target = request.headers['x-amz-target'] ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  if (request.method !== 'POST' || !(SSM_OPERATIONS as readonly string[]).includes(operation)) {
    throw new AwsError(
      'UnknownOperationException',
      400,
      `The sandbox's SSM has no operation for X-Amz-Target '${target || '(none)'}' (it serves ${SSM_OPERATIONS.join(', ')}).`,
    );
  }
  const op = operation as SsmOperation;
  // The body is parsed for the trail and the resource; a malformed one fails in execute(), after IAM and faults.
  let parsed: Body | undefined;
  try {
    parsed = parseBody(request.body);
  } catch {
    parsed = undefined;
  }
  return {
    operation: op,
    resource: resourceOf(op, parsed ?? {}, region),
    parameters: parsed ?? {},
    async execute() {
      const body = parsed ?? parseBody(request.body);
      const output = HANDLERS[op](body, region);
      return { response: jsonAnswer(output, context.requestId), responseElements: null };
    },
  };
}

/** The model spells these errors' member "Message"; the others "message". */
const CAPITAL_MESSAGE = new Set(['InternalServerError', 'InvalidNextToken', 'ValidationException']);

/** awsJson1_1 errors: the code in the body's __type; AWS leaves ParameterNotFound's message empty. */
function errorResponse(error: AwsError, requestId: string): AwsResponse {
  const messageMember = CAPITAL_MESSAGE.has(error.code) ? 'Message' : 'message';
  const body: Record<string, string> = { __type: error.code };
  if (error.message !== '') body[messageMember] = error.message;
  return {
    status: error.status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}

export function createSsmService(): AwsService {
  return {
    signingName: 'ssm',
    eventSource: 'ssm.amazonaws.com',
    resolve,
    errorResponse,
    authError: (failure, message) => new AwsError(AUTH_ERRORS[failure], 400, message),
    throttlingError: () => new AwsError('ThrottlingException', 400, 'Rate exceeded'),
    faultError: (fault) =>
      new AwsError(
        fault.code ?? 'InternalServerError',
        fault.status ?? 500,
        fault.message ?? 'An internal error occurred.',
      ),
    accessDenied: (principal, operation, resource) =>
      new AwsError(
        'AccessDeniedException',
        400,
        `User: ${principal.arn} is not authorized to perform: ssm:${operation} on resource: ${resource} because no identity-based policy allows the ssm:${operation} action`,
      ),
    internalError: () => new AwsError('InternalServerError', 500, 'An internal error occurred.'),
  };
}
