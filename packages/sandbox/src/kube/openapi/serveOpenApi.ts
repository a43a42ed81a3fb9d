import type { KubeExchange } from '../api/httpExchange.ts';
import { KubeStatusError, kubeErrors } from '../api/status.ts';
import { openApiV2Document, openApiV3Discovery, openApiV3Document } from './openapiDocuments.ts';

function send(exchange: KubeExchange, text: string, cache: string): void {
  exchange.res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': cache,
  });
  exchange.res.end(exchange.method === 'HEAD' ? undefined : text);
}

/** Whether an Accept header admits JSON (kube-apiserver's negotiation: any JSON type, or a wildcard). */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .some((type) => type === '*/*' || type === 'application/*' || type === 'application/json');
}

/** GET /openapi/v2, /openapi/v3 and /openapi/v3/<group version>; `segments` follow "openapi". */
export function serveOpenApi(exchange: KubeExchange, segments: string[]): void {
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD')
    throw kubeErrors.methodNotAllowed(exchange.method);
  if (!acceptsJson(exchange.req.headers.accept)) {
    // The sandbox writes no protobuf; this is kube-apiserver's answer to a type it cannot produce.
    throw new KubeStatusError(
      406,
      'NotAcceptable',
      'only the following media types are accepted: application/json',
    );
  }
  const [version, ...rest] = segments;
  if (version === 'v2' && rest.length === 0)
    return send(exchange, openApiV2Document(), 'no-cache, private');
  if (version === 'v3') {
    if (rest.length === 0)
      return send(exchange, JSON.stringify(openApiV3Discovery()), 'no-cache, private');
    const document = openApiV3Document(rest.join('/'));
    if (document) {
      const pinned = exchange.query.get('hash') === document.hash;
      return send(exchange, document.text, pinned ? 'public, immutable' : 'no-cache, private');
    }
  }
  throw kubeErrors.pathNotFound();
}
