import { load as loadYaml } from 'js-yaml';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KubeStatusError, statusBody } from './status.ts';

/** One request to a cluster's API server, with what the handlers need to read and answer it. */
export interface KubeExchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
}

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function sendJson(
  exchange: KubeExchange,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  exchange.res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-cache, private',
    'x-kubernetes-pf-flowschema-uid': 'sandbox',
  });
  exchange.res.end(exchange.method === 'HEAD' ? undefined : text);
}

export function sendError(exchange: KubeExchange, error: KubeStatusError): void {
  if (exchange.res.headersSent) {
    exchange.res.destroy();
    return;
  }
  sendJson(exchange, error.code, statusBody(error));
}

async function readText(exchange: KubeExchange): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of exchange.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new KubeStatusError(413, 'RequestEntityTooLarge', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new KubeStatusError(400, 'BadRequest', 'the request body is empty');
  return text;
}

export async function readJsonBody(exchange: KubeExchange): Promise<unknown> {
  const text = await readText(exchange);
  try {
    return JSON.parse(text);
  } catch {
    throw new KubeStatusError(
      400,
      'BadRequest',
      `couldn't get version/kind; json parse error: invalid JSON`,
    );
  }
}

/** An apply patch: YAML (JSON being YAML too). */
export async function readYamlBody(exchange: KubeExchange): Promise<unknown> {
  const text = await readText(exchange);
  try {
    return loadYaml(text);
  } catch (error) {
    throw new KubeStatusError(
      400,
      'BadRequest',
      `error decoding YAML: ${error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML'}`,
    );
  }
}

/** A query flag as Kubernetes reads it ("true", "1"). */
export function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value === 'true' || value === '1';
}

export function integerParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value))
    throw new KubeStatusError(400, 'BadRequest', `invalid value for ${name}: "${value}"`);
  return Number(value);
}
