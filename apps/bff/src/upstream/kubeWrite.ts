import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import WebSocket from 'ws';
import { KubeApiError, type KubeEndpoint, type Query } from './kubeClient.ts';

const WRITE_TIMEOUT_MS = 20_000;

function urlOf(endpoint: KubeEndpoint, path: string, query: Query): URL {
  const base = endpoint.server.pathname.replace(/\/$/, '');
  const url = new URL(base + path, endpoint.server);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

function statusError(status: number, body: string): KubeApiError {
  try {
    const parsed = JSON.parse(body) as {
      reason?: string;
      message?: string;
      details?: { causes?: Array<{ message?: string }> };
    };
    const causes = (parsed.details?.causes ?? []).map((cause) => cause.message).filter(Boolean);
    const message = [parsed.message ?? body, ...causes].join(' ');
    return new KubeApiError(status, parsed.reason ?? String(status), message);
  } catch {
    return new KubeApiError(status, String(status), body.slice(0, 500) || `HTTP ${status}`);
  }
}

/** A write (POST, PATCH, PUT, DELETE) with a JSON body; answers the parsed object or the Status as an error. */
export async function sendKubeWrite<T>(
  endpoint: KubeEndpoint,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  options: {
    contentType?: string;
    query?: Query;
    identity?: Record<string, string | string[]>;
  } = {},
): Promise<T> {
  const url = urlOf(endpoint, path, options.query ?? {});
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    ...options.identity,
    accept: 'application/json',
    ...(text !== undefined
      ? {
          'content-type': options.contentType ?? 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        }
      : {}),
    ...(await endpoint.headers()),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<T>((resolve, reject) => {
    const req = send(url, { method, agent: endpoint.agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(statusError(status, answer));
        try {
          resolve(JSON.parse(answer) as T);
        } catch {
          resolve(undefined as T);
        }
      });
    });
    req.setTimeout(WRITE_TIMEOUT_MS, () =>
      req.destroy(new KubeApiError(504, 'Timeout', 'The Kubernetes API did not answer in time.')),
    );
    req.on('error', (error) => {
      if (error instanceof KubeApiError) return reject(error);
      reject(
        new KubeApiError(
          502,
          'Unreachable',
          `Could not reach the Kubernetes API at ${url.host}: ${error.message}`,
        ),
      );
    });
    req.end(text);
  });
}

/** The exec protocol the console speaks to clusters (v5: the close frame ends stdin). */
export const KUBE_EXEC_PROTOCOL = 'v5.channel.k8s.io';

/**
 * Opens pods/<name>/exec as a WebSocket on the cluster, with the endpoint's trust and auth headers.
 * Resolves once the cluster accepted the upgrade; a refusal rejects with the API server's Status.
 */
export async function openKubeExec(
  endpoint: KubeEndpoint,
  path: string,
  query: Array<[string, string]>,
  identity: Record<string, string | string[]> = {},
): Promise<WebSocket> {
  const url = urlOf(endpoint, path, {});
  for (const [key, value] of query) url.searchParams.append(key, value);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url, [KUBE_EXEC_PROTOCOL], {
    agent: endpoint.streamAgent,
    headers: { ...identity, ...(await endpoint.headers()) },
    handshakeTimeout: WRITE_TIMEOUT_MS,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        reject(statusError(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))),
      );
    });
    socket.once('error', (error) =>
      reject(
        error instanceof KubeApiError
          ? error
          : new KubeApiError(
              502,
              'Unreachable',
              `Could not open the exec stream: ${error.message}`,
            ),
      ),
    );
  });
}
