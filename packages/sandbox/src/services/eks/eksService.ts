import { AwsError } from '../../awsError.ts';
import type { AuthFailure } from '../../auth/sigv4.ts';
import { EKS_ERROR_MEMBERS } from '../../world/eks/eksErrors.ts';
import { jsonResponse, restJsonError } from '../restJsonProtocol.ts';
import type { AwsService, ServiceCall, ServiceContext } from '../service.ts';
import { accessEntryRoutes } from './accessEntryRoutes.ts';
import { addonRoutes } from './addonRoutes.ts';
import { clusterRoutes } from './clusterRoutes.ts';
import { computeRoutes } from './computeRoutes.ts';
import { JsonInput, QueryInput } from './eksInput.ts';
import { identityRoutes } from './identityRoutes.ts';
import { insightRoutes } from './insightRoutes.ts';
import type { EksCall, EksRoute } from './eksRoute.ts';
import { resourceRoutes } from './resourceRoutes.ts';

const AUTH_ERRORS: Record<AuthFailure, [code: string, status: number]> = {
  missing: ['MissingAuthenticationTokenException', 403],
  incomplete: ['IncompleteSignatureException', 400],
  unknownKey: ['UnrecognizedClientException', 403],
  badSignature: ['InvalidSignatureException', 403],
  expiredSignature: ['InvalidSignatureException', 403],
  expiredToken: ['ExpiredTokenException', 403],
  invalidToken: ['UnrecognizedClientException', 403],
};

interface CompiledRoute {
  route: EksRoute;
  segments: string[];
}

function compile(routes: EksRoute[]): CompiledRoute[] {
  return routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
}

/** Matches decoded path segments against a URI template; `{resourceArn}` takes the rest (an unencoded ARN has "/"). */
function match(compiled: CompiledRoute, segments: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const [index, template] of compiled.segments.entries()) {
    const segment = segments[index];
    if (segment === undefined) return undefined;
    if (template === '{resourceArn}') {
      labels.resourceArn = segments.slice(index).join('/');
      return labels;
    }
    if (template.startsWith('{')) labels[template.slice(1, -1)] = segment;
    else if (template !== segment) return undefined;
  }
  return segments.length === compiled.segments.length ? labels : undefined;
}

/** The built-in routes: every EKS operation the sandbox serves. */
export const EKS_ROUTES: readonly EksRoute[] = [
  ...clusterRoutes,
  ...resourceRoutes,
  ...computeRoutes,
  ...accessEntryRoutes,
  ...identityRoutes,
  ...addonRoutes,
  ...insightRoutes,
];

/** Amazon EKS over REST-JSON, routed by method and URI as botocore's model defines them. */
export function createEksService(extraRoutes: EksRoute[] = []): AwsService {
  const routes = compile([...EKS_ROUTES, ...extraRoutes]);

  function resolve(context: ServiceContext): ServiceCall {
    const { request, world, principal, region } = context;
    let found: { route: EksRoute; path: Record<string, string> } | undefined;
    for (const compiled of routes) {
      if (compiled.route.method !== request.method) continue;
      const path = match(compiled, request.segments);
      if (path) {
        found = { route: compiled.route, path };
        break;
      }
    }
    if (!found) {
      throw new AwsError(
        'UnknownOperationException',
        404,
        `No EKS operation for ${request.method} ${request.rawPath}`,
      );
    }
    const { route, path } = found;
    const state = world.region(principal.accountId, region);
    const query = new QueryInput(request);
    // The body is parsed lazily: a malformed body must fail inside execute(), after IAM and faults.
    let body: JsonInput | undefined;
    const call: EksCall = {
      context,
      world,
      state,
      path,
      query,
      get body() {
        body ??= JsonInput.parse(request.body);
        return body;
      },
    };
    const resource = () => {
      try {
        return (
          route.resource?.(call) ??
          `arn:aws:eks:${region}:${principal.accountId}:cluster/${path.name ?? '*'}`
        );
      } catch {
        return `arn:aws:eks:${region}:${principal.accountId}:cluster/*`;
      }
    };
    const rawBody = (() => {
      try {
        return call.body.raw;
      } catch {
        return {};
      }
    })();
    return {
      operation: route.operation,
      resource: resource(),
      parameters: { ...path, ...request.query, ...rawBody },
      async execute() {
        const run = () => route.run(call);
        const token = route.idempotent ? call.body.optionalString('clientRequestToken') : undefined;
        const { clientRequestToken: _token, ...params } = rawBody;
        const output = await world.idempotency.run(
          `${principal.accountId}|${region}|${route.operation}`,
          token,
          { path, params },
          run,
        );
        return { response: jsonResponse(200, output, context.requestId), responseElements: output };
      },
    };
  }

  return {
    signingName: 'eks',
    eventSource: 'eks.amazonaws.com',
    resolve,
    errorResponse(error, requestId) {
      // Only the members the error's shape declares (InvalidRequestException has no fargateProfileName, ...).
      const allowed = EKS_ERROR_MEMBERS[error.code] ?? [];
      const fields = Object.fromEntries(
        Object.entries(error.fields).filter(([name]) => allowed.includes(name)),
      );
      return restJsonError(
        new AwsError(error.code, error.status, error.message, fields, error.fault),
        requestId,
      );
    },
    authError(failure, message) {
      const [code, status] = AUTH_ERRORS[failure];
      return new AwsError(code, status, message);
    },
    throttlingError: () => new AwsError('ThrottlingException', 429, 'Rate exceeded'),
    faultError: (fault) =>
      new AwsError(
        fault.code ?? 'ServiceUnavailableException',
        fault.status ?? 503,
        fault.message ?? 'Service is unavailable. Please try again later.',
      ),
    accessDenied: (principal, operation, resource) =>
      new AwsError(
        'AccessDeniedException',
        403,
        `User: ${principal.arn} is not authorized to perform: eks:${operation} on resource: ${resource}`,
      ),
    internalError: () => new AwsError('ServerException', 500, 'An internal error occurred.'),
  };
}
