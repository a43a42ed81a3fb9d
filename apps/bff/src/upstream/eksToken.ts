import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';

/** SHA-256 (or HMAC-SHA-256 with a secret) on node:crypto, in the shape SignatureV4 expects. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined
      ? createHash('sha256')
      : createHmac(
          'sha256',
          typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as Uint8Array),
        );
  }
  update(data: Uint8Array | string): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** How long the presigned URL inside a token is valid, as `aws eks get-token` makes it. */
export const TOKEN_PRESIGN_SECONDS = 60;
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';

/**
 * An EKS bearer token: `k8s-aws-v1.` + base64url(presigned STS GetCallerIdentity URL) whose signed
 * headers include `x-k8s-aws-id: <cluster name>`, exactly what `aws eks get-token` produces.
 */
export async function eksToken(options: {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** STS endpoint the cluster's authenticator checks the URL against. */
  stsEndpoint: URL;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'sts',
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const { stsEndpoint } = options;
  const now = options.now ?? new Date();
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: stsEndpoint.protocol,
      hostname: stsEndpoint.hostname,
      ...(stsEndpoint.port ? { port: Number(stsEndpoint.port) } : {}),
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: stsEndpoint.host, [CLUSTER_ID_HEADER]: options.clusterName },
    },
    { expiresIn: TOKEN_PRESIGN_SECONDS, signingDate: now },
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(presigned.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== null) query.append(key, item);
  }
  const url = `${stsEndpoint.protocol}//${stsEndpoint.host}/?${query.toString()}`;
  return {
    token: `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`,
    expiresAt: new Date(now.getTime() + TOKEN_PRESIGN_SECONDS * 1000),
  };
}
