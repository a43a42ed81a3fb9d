import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsError } from '../awsError.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { CredentialStore } from '../auth/credentialStore.ts';
import { isReadOnlyOperation, type Principal } from '../auth/principals.ts';
import { AuthError, readSignatureClaim, type SignatureClaim } from '../auth/sigv4.ts';
import type { FaultInjector } from '../faults/faultController.ts';
import { queryError } from '../services/queryProtocol.ts';
import { restJsonError } from '../services/restJsonProtocol.ts';
import type { AwsResponse, AwsService, ServiceCall, ServiceRegistry } from '../services/service.ts';
import { trailIdentity, type Trail } from '../trail/trail.ts';
import type { World } from '../world/world.ts';
import type { SandboxRequest } from './request.ts';

/** One AWS call as observers see it (the conformance test checks every one against the model). */
export interface AwsExchange {
  service?: string;
  operation?: string;
  accountId?: string;
  region?: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ExchangeObserver = (exchange: AwsExchange) => void;

export interface PipelineDeps {
  world: World;
  registry: ServiceRegistry;
  credentials: CredentialStore;
  faults: FaultInjector;
  trail: Trail;
  observers: Set<ExchangeObserver>;
}

/** Without a usable signature the service is unknown: answer in the protocol the request looks like. */
function looksLikeQuery(request: SandboxRequest): boolean {
  return (
    'Action' in request.query ||
    (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
  );
}

function fallbackError(request: SandboxRequest, error: AwsError, requestId: string): AwsResponse {
  return looksLikeQuery(request) ? queryError(error, requestId) : restJsonError(error, requestId);
}

/** The scope's service, read leniently so even a malformed signature gets its service's error format. */
function scopeService(request: SandboxRequest): string | undefined {
  const credential =
    request.headers.authorization ?? [request.query['X-Amz-Credential']].flat().join('') ?? '';
  return /(?:^|Credential=|\s)[^/\s,]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(credential)?.[1];
}

/**
 * Serves one signed AWS call: authenticate (SigV4), pick the service from the
 * credential scope, resolve the operation, inject faults, check IAM, run it,
 * and write the trail for mutating calls.
 */
export async function handleAwsRequest(
  request: SandboxRequest,
  deps: PipelineDeps,
): Promise<AwsResponse> {
  const requestId = randomUUID();
  const exchange: Omit<AwsExchange, 'status' | 'headers' | 'body'> = {};
  const finish = (response: AwsResponse) => {
    for (const observer of deps.observers) observer({ ...exchange, ...response });
    return response;
  };

  let service = deps.registry.get(scopeService(request) ?? '');
  let claim: SignatureClaim | undefined;
  try {
    claim = readSignatureClaim(request);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const awsError = service
      ? service.authError(error.failure, error.message)
      : new AwsError('IncompleteSignatureException', 400, error.message);
    return finish(
      service
        ? service.errorResponse(awsError, requestId)
        : fallbackError(request, awsError, requestId),
    );
  }
  if (!claim) {
    const message = looksLikeQuery(request)
      ? 'Request is missing Authentication Token'
      : 'Missing Authentication Token';
    const code = looksLikeQuery(request)
      ? 'MissingAuthenticationToken'
      : 'MissingAuthenticationTokenException';
    return finish(fallbackError(request, new AwsError(code, 403, message), requestId));
  }
  service = deps.registry.get(claim.service);
  exchange.service = claim.service;
  exchange.region = claim.region;
  if (!service) {
    const error = new AwsError(
      looksLikeQuery(request) ? 'InvalidAction' : 'UnknownOperationException',
      400,
      `The sandbox does not simulate the '${claim.service}' service (it has: ${deps.registry.names().join(', ')}).`,
    );
    return finish(fallbackError(request, error, requestId));
  }

  let principal: Principal;
  try {
    principal = await authenticate(request, claim, deps.credentials, {
      host: new Date(),
      world: deps.world.now(),
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return finish(
      service.errorResponse(service.authError(error.failure, error.message), requestId),
    );
  }
  exchange.accountId = principal.accountId;

  let call: ServiceCall | undefined;
  try {
    call = service.resolve({
      world: deps.world,
      credentials: deps.credentials,
      principal,
      region: claim.region,
      requestId,
      request,
    });
    exchange.operation = call.operation;
    const result = await runCall(service, call, principal, claim.region, deps);
    recordTrail(
      deps,
      service,
      call,
      principal,
      request,
      requestId,
      claim.region,
      result.responseElements,
    );
    return finish(result.response);
  } catch (error) {
    const awsError = error instanceof AwsError ? error : service.internalError();
    if (!(error instanceof AwsError)) console.error('[sandbox] internal error', error);
    if (call)
      recordTrail(deps, service, call, principal, request, requestId, claim.region, null, awsError);
    return finish(service.errorResponse(awsError, requestId));
  }
}

async function runCall(
  service: AwsService,
  call: ServiceCall,
  principal: Principal,
  region: string,
  deps: PipelineDeps,
) {
  const fault = deps.faults.decide({
    service: service.signingName,
    operation: call.operation,
    region,
    accountId: principal.accountId,
  });
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.throttle) throw service.throttlingError();
  if (fault.error) throw service.faultError(fault.error);
  if (principal.access === 'read-only' && !isReadOnlyOperation(call.operation)) {
    throw service.accessDenied(principal, call.operation, call.resource);
  }
  return call.execute();
}

function recordTrail(
  deps: PipelineDeps,
  service: AwsService,
  call: ServiceCall,
  principal: Principal,
  request: SandboxRequest,
  requestId: string,
  region: string,
  responseElements: Record<string, unknown> | null,
  error?: AwsError,
): void {
  if (isReadOnlyOperation(call.operation)) return;
  const sourceIdentity = principal.type === 'AssumedRole' ? principal.sourceIdentity : undefined;
  deps.trail.record({
    eventTime: deps.world.now().toISOString(),
    eventSource: service.eventSource,
    eventName: call.operation,
    awsRegion: region,
    sourceIPAddress: request.remoteAddress ?? 'unknown',
    userAgent: request.headers['user-agent'] ?? '',
    userIdentity: trailIdentity(principal),
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    requestParameters: Object.keys(call.parameters).length > 0 ? call.parameters : null,
    responseElements,
    ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    requestID: requestId,
    recipientAccountId: principal.accountId,
  });
}
