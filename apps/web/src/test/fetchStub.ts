import { vi } from 'vitest';

/** What a stubbed endpoint sees of a request. */
export interface StubRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** The request's abort signal (streamed responses end when it aborts). */
  signal: AbortSignal | undefined;
}

type Handler = (request: StubRequest) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/**
 * Replaces global fetch (the network boundary) with handlers keyed "METHOD /path".
 * A request nobody stubbed answers 501, so a test never reaches a real server by accident.
 * Returns the requests seen, in order.
 */
export function stubFetch(handlers: Record<string, Handler>): StubRequest[] {
  const seen: StubRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      const url = new URL(href, 'http://wheelhouse.test');
      const method = (init.method ?? 'GET').toUpperCase();
      const request: StubRequest = {
        method,
        path: url.pathname,
        url,
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        signal: init.signal ?? undefined,
      };
      seen.push(request);
      const handler = handlers[`${method} ${url.pathname}`];
      return handler ? handler(request) : problem(501, 'Not stubbed', `${method} ${url.pathname}`);
    }),
  );
  return seen;
}
