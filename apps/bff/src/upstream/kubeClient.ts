import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { createInterface } from 'node:readline';
import { openKubeExec, sendKubeWrite } from './kubeWrite.ts';

/** How to reach one cluster's Kubernetes API: TLS verified against its CA by the agent. */
export interface KubeEndpoint {
  server: URL;
  /** Keep-alive agent carrying the cluster CA (and client certificates, if the kubeconfig has them). */
  agent: HttpsAgent | HttpAgent;
  /**
   * The same trust for long-lived streams (watches, log follows): they hold their socket for minutes,
   * so on `agent`'s bounded pool a few of them would leave lists and gets waiting for a free socket.
   */
  streamAgent: HttpsAgent | HttpAgent;
  /** Fresh auth headers for each request (bearer tokens rotate). */
  headers(): Promise<Record<string, string>>;
}

/**
 * Whom a request acts for: the signed-in user and groups the BFF impersonates (Impersonate-User,
 * one Impersonate-Group per group), so the cluster's RBAC decides and its audit log names them.
 * Undefined: the console's own identity.
 */
export interface KubeIdentity {
  user: string;
  groups: string[];
}

function impersonationHeaders(
  identity: KubeIdentity | undefined,
): Record<string, string | string[]> {
  if (!identity) return {};
  // An array makes Node send the header once per group, as client-go does.
  return {
    'impersonate-user': identity.user,
    ...(identity.groups.length > 0 ? { 'impersonate-group': identity.groups } : {}),
  };
}

/** A Kubernetes API answer that was not a success, with the Status it carried. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

const REQUEST_TIMEOUT_MS = 20_000;

function urlOf(endpoint: KubeEndpoint, path: string, query: Query): URL {
  const base = endpoint.server.pathname.replace(/\/$/, '');
  const url = new URL(base + path, endpoint.server);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

async function open(
  endpoint: KubeEndpoint,
  path: string,
  query: Query,
  options: {
    accept?: string;
    signal?: AbortSignal;
    timeoutMs?: number;
    streaming?: boolean;
    identity?: KubeIdentity | undefined;
    method?: 'GET' | 'POST';
    body?: string;
  },
): Promise<IncomingMessage> {
  const url = urlOf(endpoint, path, query);
  const headers = {
    accept: options.accept ?? 'application/json',
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(await endpoint.headers()),
    ...impersonationHeaders(options.identity),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.streaming ? endpoint.streamAgent : endpoint.agent,
        headers,
        signal: options.signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(res);
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => reject(statusError(status, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    if (options.timeoutMs !== 0) {
      req.setTimeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS, () =>
        req.destroy(
          new KubeApiError(
            504,
            'Timeout',
            `The Kubernetes API did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`,
          ),
        ),
      );
    }
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof KubeApiError || error.name === 'AbortError') return reject(error);
      reject(
        new KubeApiError(
          502,
          'Unreachable',
          `Could not reach the Kubernetes API at ${url.host}: ${error.message}`,
        ),
      );
    });
    req.end(options.body);
  });
}

function statusError(status: number, body: string): KubeApiError {
  try {
    const parsed = JSON.parse(body) as { reason?: string; message?: string };
    return new KubeApiError(status, parsed.reason ?? String(status), parsed.message ?? body);
  } catch {
    return new KubeApiError(status, String(status), body.slice(0, 500) || `HTTP ${status}`);
  }
}

async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A small Kubernetes API client over one keep-alive connection pool per cluster. The generated
 * @kubernetes/client-node APIs build a new TLS agent per request and convert every object into model
 * classes; for lists of 10,000 pods plain JSON over a reused connection is several times cheaper.
 */
const METADATA_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

export function createKubeClient(endpoint: KubeEndpoint, identity?: KubeIdentity) {
  return {
    /** Whom this client acts for (undefined: the console itself). */
    identity,
    async get<T>(path: string, query: Query = {}): Promise<T> {
      return JSON.parse(await readAll(await open(endpoint, path, query, { identity }))) as T;
    },
    /**
     * A list of the objects' metadata only (PartialObjectMetadataList, as `kubectl get -o name` and
     * the garbage collector ask for it): a pod's name and labels without its spec and status, a
     * tenth of the bytes to read and parse. A server that cannot answer it sends the full list,
     * which has the same `items[].metadata`.
     */
    async listMetadata<T extends { items: { metadata: object }[] }>(
      path: string,
      query: Query = {},
    ): Promise<T> {
      const res = await open(endpoint, path, query, { identity, accept: METADATA_LIST_ACCEPT });
      return JSON.parse(await readAll(res)) as T;
    },
    /** A create (POST) of a JSON body, e.g. a SelfSubjectAccessReview. */
    async post<T>(path: string, body: unknown): Promise<T> {
      const res = await open(
        endpoint,
        path,
        {},
        {
          identity,
          method: 'POST',
          body: JSON.stringify(body),
        },
      );
      return JSON.parse(await readAll(res)) as T;
    },
    async text(path: string, query: Query = {}): Promise<string> {
      return readAll(await open(endpoint, path, query, { accept: 'text/plain', identity }));
    },
    /** Streams a response (watch, log follow) line by line until it ends or `signal` aborts. */
    async lines(
      path: string,
      query: Query,
      onLine: (line: string) => void,
      signal: AbortSignal,
    ): Promise<void> {
      const res = await open(endpoint, path, query, {
        signal,
        timeoutMs: 0,
        accept: 'application/json',
        streaming: true,
        identity,
      });
      const reader = createInterface({ input: res, crlfDelay: Infinity });
      signal.addEventListener('abort', () => res.destroy(), { once: true });
      try {
        for await (const line of reader) if (line) onLine(line);
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    },
    /** A write with a JSON body (patch, create, delete); the API server's Status becomes a KubeApiError. */
    write<T>(
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      path: string,
      body: unknown,
      options: { contentType?: string; query?: Query } = {},
    ): Promise<T> {
      return sendKubeWrite<T>(endpoint, method, path, body, {
        ...options,
        identity: impersonationHeaders(identity),
      });
    },
    /** pods/<name>/exec as a WebSocket (v5.channel.k8s.io) with this client's trust and auth. */
    exec(path: string, query: Array<[string, string]>) {
      return openKubeExec(endpoint, path, query, impersonationHeaders(identity));
    },
    /** The raw streaming response, e.g. to pipe followed logs to the browser. */
    stream(path: string, query: Query, signal: AbortSignal): Promise<IncomingMessage> {
      return open(endpoint, path, query, {
        signal,
        timeoutMs: 0,
        accept: 'text/plain',
        streaming: true,
        identity,
      });
    },
  };
}
export type KubeClient = ReturnType<typeof createKubeClient>;
