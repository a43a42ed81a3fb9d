import type { IncomingMessage } from 'node:http';

/** An HTTP request as the sandbox sees it: raw path and query kept for SigV4, decoded views for routing. */
export interface SandboxRequest {
  method: string;
  /** Path exactly as sent (still %-encoded): what the client signed. */
  rawPath: string;
  /** Path split on "/" and decoded segment by segment ("%2F" inside a segment stays in it). */
  segments: string[];
  /** Decoded query parameters; repeated names collect into arrays. */
  query: Record<string, string | string[]>;
  /** Lower-case header names; repeated headers joined with ", " (Node's behaviour). */
  headers: Record<string, string>;
  body: Buffer;
  remoteAddress: string | undefined;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The request body exceeded what any AWS call of the sandbox needs. */
export class BodyTooLargeError extends Error {}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses "a=1&b=2&b=3" without turning "+" into a space: SigV4 clients encode spaces as %20. */
export function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (!raw) return query;
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

/** All values of a query parameter (empty when absent). */
export function queryValues(query: SandboxRequest['query'], name: string): string[] {
  const value = query[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(chunk as Buffer);
  }
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath,
    segments: rawPath
      .split('/')
      .filter((segment) => segment !== '')
      .map(decode),
    query: parseQuery(queryStart === -1 ? '' : url.slice(queryStart + 1)),
    headers,
    body: Buffer.concat(chunks),
    remoteAddress: req.socket.remoteAddress,
  };
}
