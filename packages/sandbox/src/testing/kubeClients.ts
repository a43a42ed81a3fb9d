import { request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../auth/sha256.ts';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import type { Sandbox } from '../sandbox.ts';
import { eksClient, type TestCredentials } from './awsClients.ts';

/** Test clients for the per-cluster Kubernetes APIs: EKS tokens as `aws eks get-token` mints them, and raw HTTPS. */

export interface TokenOptions {
  clusterName: string;
  region?: string;
  /** Host the presigned URL names (default sts.<region>.amazonaws.com, as get-token does). */
  host?: string;
  signingDate?: Date;
  expiresIn?: number;
}

/** `k8s-aws-v1.` + base64url(presigned GetCallerIdentity URL signing x-k8s-aws-id). */
export async function eksBearerToken(
  credentials: TestCredentials,
  options: TokenOptions,
): Promise<string> {
  const region = options.region ?? 'us-east-1';
  const host = options.host ?? `sts.${region}.amazonaws.com`;
  const signer = new SignatureV4({
    service: 'sts',
    region,
    credentials,
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host.split(':')[0]!,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, 'x-k8s-aws-id': options.clusterName },
    },
    {
      expiresIn: options.expiresIn ?? 60,
      ...(options.signingDate ? { signingDate: options.signingDate } : {}),
    },
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(presigned.query ?? {})) {
    for (const item of [value].flat()) if (typeof item === 'string') query.append(key, item);
  }
  return `k8s-aws-v1.${Buffer.from(`https://${host}/?${query.toString()}`).toString('base64url')}`;
}

export interface KubeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** One HTTPS request to a cluster's API, verifying TLS against its CA. */
export function kubeRequest(
  endpoint: string,
  caPem: string,
  token: string | undefined,
  path: string,
  options: {
    method?: string;
    body?: unknown;
    accept?: string;
    contentType?: string;
    /** More request headers; an array sends the header once per value (Impersonate-Group). */
    headers?: Record<string, string | string[]>;
  } = {},
): Promise<KubeResponse> {
  const url = new URL(path, endpoint);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        ca: caPem,
        headers: {
          accept: options.accept ?? 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': options.contentType ?? 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A cluster's API endpoint and CA PEM, from DescribeCluster as a client would read them. */
export async function clusterAccess(
  sandbox: Sandbox,
  credentials: TestCredentials,
  name: string,
  region = 'us-east-1',
): Promise<{ endpoint: string; ca: string }> {
  const { cluster } = await eksClient(sandbox, credentials, region).send(
    new DescribeClusterCommand({ name }),
  );
  return {
    endpoint: cluster!.endpoint!,
    ca: Buffer.from(cluster!.certificateAuthority!.data!, 'base64').toString('utf8'),
  };
}

/** A streaming GET (watch, log follow): collects lines until `stop()` or the server ends it. */
export function streamLines(
  endpoint: string,
  caPem: string,
  token: string,
  path: string,
): { lines: string[]; status: Promise<number>; ended: Promise<void>; stop(): void } {
  const lines: string[] = [];
  let buffer = '';
  let resolveStatus!: (status: number) => void;
  let resolveEnded!: () => void;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const req = httpsRequest(
    new URL(path, endpoint),
    { ca: caPem, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
    (res) => {
      resolveStatus(res.statusCode ?? 0);
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        lines.push(...parts);
      });
      res.on('end', () => {
        if (buffer) lines.push(buffer);
        resolveEnded();
      });
      res.on('error', () => resolveEnded());
    },
  );
  req.on('error', () => {
    resolveStatus(0);
    resolveEnded();
  });
  req.end();
  return { lines, status, ended, stop: () => req.destroy() };
}
