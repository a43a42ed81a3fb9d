import type { z } from 'zod';
import type * as Schemas from './index.ts';

/**
 * Who may call an endpoint. Mutating endpoints also need the session's CSRF token, except `public`
 * ones. The roles behind each rule are ACCESS_POLICY's.
 */
export type RouteAccess =
  /** Anyone, signed in or not (sign-in). */
  | 'public'
  /** Any signed-in user, acting on their own session. */
  | 'session'
  /** Any signed-in user: reads. */
  | 'read'
  /** Any signed-in user, or a wall screen holding a dashboard token: the dashboard's reads only. */
  | 'dashboard'
  /** Operators and admins: changes to AWS resources. */
  | 'change'
  /** Admins only. */
  | 'admin';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The name of a zod schema exported by the contract (constants and types left out). */
export type SchemaName = {
  [K in keyof typeof Schemas]: (typeof Schemas)[K] extends z.ZodType ? K : never;
}[keyof typeof Schemas];

type SchemaOf<N extends SchemaName> = (typeof Schemas)[N];

/**
 * One endpoint of the BFF's HTTP API, declared once. Schemas are named, not held: the declarations
 * stay plain data, so the web's first bundle can build its calls from them without shipping zod.
 */
export interface EndpointSpec {
  method: HttpMethod;
  /** Express-style path, `:param` for each parameter of `params`. */
  path: string;
  access: RouteAccess;
  /** Name recorded in the audit log for attempts at this endpoint, e.g. `nodegroup.scale`. */
  action?: string;
  /** One line for the README route table and the OpenAPI document. */
  summary: string;
  params?: SchemaName;
  query?: SchemaName;
  body?: SchemaName;
  /** The JSON body of a success; none for 204 answers and for `produces` streams and redirects. */
  response?: SchemaName;
  /** Status of a success (default 200). */
  status?: number;
  /** The endpoint may also answer 204 with no body (e.g. sign-out without an SSO logout URL). */
  orNoContent?: true;
  /** What a success carries when it is not JSON (a stream, a download, a redirect's target). */
  produces?: { type: string; description: string };
  /** Statuses this endpoint answers with a problem+json besides the ones its access rule implies. */
  problems?: readonly number[];
}

/** Declares an endpoint; the literal types are kept, so calls and handlers are typed from it. */
export function defineEndpoint<const E extends EndpointSpec>(spec: E): E {
  const declared = new Set([...spec.path.matchAll(/:(\w+)/g)].map((match) => match[1]));
  if (declared.size > 0 && !spec.params) {
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path}: path parameters need a params schema`,
    );
  }
  return spec;
}

type Input<N> = N extends SchemaName ? z.input<SchemaOf<N>> : undefined;
type Output<N> = N extends SchemaName ? z.output<SchemaOf<N>> : undefined;

/** What a caller sends in the path. */
export type ParamsOf<E extends EndpointSpec> = Input<E['params']>;
/** What a caller sends as the query. */
export type QueryOf<E extends EndpointSpec> = Input<E['query']>;
/** What a caller sends as the body. */
export type BodyOf<E extends EndpointSpec> = Input<E['body']>;
/** The parsed path parameters a handler receives. */
export type ParsedParamsOf<E extends EndpointSpec> = Output<E['params']>;
/** The parsed query a handler receives. */
export type ParsedQueryOf<E extends EndpointSpec> = Output<E['query']>;
/** The parsed body a handler receives. */
export type ParsedBodyOf<E extends EndpointSpec> = Output<E['body']>;
/** The JSON a success carries (undefined for no body). */
export type ResponseOf<E extends EndpointSpec> = E['response'] extends SchemaName
  ? Output<E['response']> | (E['orNoContent'] extends true ? undefined : never)
  : undefined;

type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/**
 * The URL of an endpoint for these parameters: each path segment escaped, empty query values left
 * out, arrays repeated (`label=a&label=b`). A string query is taken as an encoded search already.
 */
export function endpointUrl(
  endpoint: Pick<EndpointSpec, 'path'>,
  params?: Record<string, string | number>,
  query?: Record<string, QueryValue> | string,
): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const pairs: string[] = [];
  if (typeof query === 'string') {
    if (query) pairs.push(query);
  } else {
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
      }
    }
  }
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}
