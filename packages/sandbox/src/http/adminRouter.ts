import type { SandboxRequest } from './request.ts';

/** An answer of the admin API (always JSON). */
export interface AdminResponse {
  status: number;
  body: unknown;
}

/** A request to the admin API, with the URI labels of its route. */
export interface AdminRequest {
  request: SandboxRequest;
  params: Record<string, string>;
  /** The body parsed as JSON (undefined when empty); throws AdminInputError when it is not JSON. */
  json(): unknown;
}

export type AdminHandler = (request: AdminRequest) => AdminResponse | Promise<AdminResponse>;

/** Bad input to the admin API: answered 400 with the message. */
export class AdminInputError extends Error {}

interface AdminRoute {
  method: string;
  segments: string[];
  handler: AdminHandler;
}

export const ADMIN_PREFIX = '/_sandbox';

/**
 * The unsigned admin API under /_sandbox/: routes are added by whoever owns
 * the thing they control (faults, trail, later cluster connection), e.g.
 * `router.add('POST', '/clusters/{accountId}/{region}/{name}/connect', handler)`.
 */
export class AdminRouter {
  private readonly routes: AdminRoute[] = [];

  add(method: string, path: string, handler: AdminHandler): void {
    this.routes.push({
      method: method.toUpperCase(),
      segments: path.split('/').filter(Boolean),
      handler,
    });
  }

  list(): string[] {
    return this.routes.map(
      (route) => `${route.method} ${ADMIN_PREFIX}/${route.segments.join('/')}`,
    );
  }

  async handle(request: SandboxRequest): Promise<AdminResponse> {
    // segments[0] is "_sandbox"
    const segments = request.segments.slice(1);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      try {
        return await route.handler({ request, params, json: () => parseJson(request.body) });
      } catch (error) {
        if (error instanceof AdminInputError)
          return { status: 400, body: { message: error.message } };
        throw error;
      }
    }
    return pathMatched
      ? { status: 405, body: { message: `${request.method} is not allowed on ${request.rawPath}` } }
      : {
          status: 404,
          body: { message: `No admin endpoint ${request.rawPath}`, endpoints: this.list() },
        };
  }
}

function matchSegments(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index]!;
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AdminInputError('The request body is not valid JSON.');
  }
}

/** Loopback callers only: the admin API is unsigned. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
