import type { Problem } from '@wheelhouse/contract';
import { CSRF_HEADER } from '@wheelhouse/contract/constants';
import {
  endpointUrl,
  type BodyOf,
  type EndpointSpec,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type SchemaName,
} from '@wheelhouse/contract/endpoints';

export { CSRF_HEADER };

/** Contract schemas a response can be checked against (in development and tests only). */
export type ContractSchemaName = SchemaName;

/** A failed API call: the HTTP status (0 when no response arrived) and the problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for a 401: the session is missing or expired. */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

let csrfToken: string | undefined;

/** Remembers the session's CSRF token; the session module calls this whenever it learns or loses it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Check the response body against this contract schema (development and tests only). */
  schema?: ContractSchemaName;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Calls the BFF (same origin, cookie credentials) and returns the JSON body, or throws ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, undefined, 'Cannot reach the Wheelhouse server. Check your connection.');
  }

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json();
  if (import.meta.env.DEV && request.schema) await checkContract(request.schema, body, path);
  return body as T;
}

/** What a call of a declared endpoint sends: its path parameters, query and body, as the contract types them. */
export type CallInput<E extends EndpointSpec> = (E['params'] extends SchemaName
  ? { params: ParamsOf<E> }
  : { params?: undefined }) &
  (E['query'] extends SchemaName ? { query?: QueryOf<E> | string } : { query?: undefined }) &
  (E['body'] extends SchemaName ? { body: BodyOf<E> } : { body?: undefined }) & {
    signal?: AbortSignal;
  };

/** The URL of a declared endpoint for a call's parameters and query. */
export function endpointHref<E extends EndpointSpec>(
  endpoint: E,
  input: { params?: unknown; query?: unknown },
): string {
  return endpointUrl(
    endpoint,
    input.params as Record<string, string> | undefined,
    input.query as Parameters<typeof endpointUrl>[2],
  );
}

/** Calls a declared endpoint: method, path and answer type come from its contract declaration. */
export function apiCall<E extends EndpointSpec>(
  endpoint: E,
  input: CallInput<E>,
): Promise<ResponseOf<E>> {
  return apiFetch<ResponseOf<E>>(endpointHref(endpoint, input), {
    method: endpoint.method.toUpperCase() as NonNullable<ApiRequest['method']>,
    body: input.body,
    signal: input.signal,
    ...(endpoint.response ? { schema: endpoint.response } : {}),
  });
}

/** The problem+json body of a failed response, when it has one. */
export async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const { title, status } = body as Record<string, unknown>;
  return typeof title === 'string' && typeof status === 'number';
}

/**
 * Catches drift between the BFF and the contract early. The dynamic import sits in a branch that
 * production builds drop, so zod never reaches the shipped bundle.
 */
async function checkContract(schema: ContractSchemaName, body: unknown, path: string) {
  const contract = await import('@wheelhouse/contract');
  const result = contract[schema].safeParse(body);
  if (!result.success) {
    throw new Error(`Response of ${path} does not match ${schema}: ${result.error.message}`);
  }
}
