import type { CredentialStore } from '../../auth/credentialStore.ts';
import type { Principal } from '../../auth/principals.ts';
import type { AuthError } from '../../auth/sigv4.ts';
import { readSignatureClaim, verifySignature } from '../../auth/sigv4.ts';
import { parseQuery, type SandboxRequest } from '../../http/request.ts';

/**
 * EKS bearer tokens, verified as the cluster's authenticator does but locally:
 * `k8s-aws-v1.` + base64url(a presigned STS GetCallerIdentity URL) whose
 * signed headers include `x-k8s-aws-id`. The signature is recomputed with the
 * host the URL names and this cluster's name as x-k8s-aws-id, so a token
 * minted for another cluster fails. Lifetime follows EKS, not X-Amz-Expires:
 * `aws eks get-token` presigns for 60 s yet EKS honours a token for 15 minutes
 * after its X-Amz-Date, so the sandbox accepts [X-Amz-Date − 15 min, + 15 min].
 */

export const TOKEN_PREFIX = 'k8s-aws-v1.';
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Why a token was refused (the answer is always 401 Unauthorized; this goes to the log). */
export class TokenRejected extends Error {}

export interface TokenCheck {
  clusterName: string;
  credentials: CredentialStore;
  /** Hosts a token's URL may name besides STS's own: the sandbox's endpoint (host:port). */
  sandboxHosts: string[];
  /** The host clock (what clients sign with) and the world clock (session expiry). */
  hostNow: Date;
  worldNow: Date;
}

const STS_HOST = /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

export async function verifyEksToken(token: string, check: TokenCheck): Promise<Principal> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new TokenRejected('not an EKS token');
  const text = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TokenRejected('the token does not hold a URL');
  }
  if (!STS_HOST.test(url.hostname) && !check.sandboxHosts.includes(url.host)) {
    throw new TokenRejected(`unexpected STS host ${url.host}`);
  }
  if (url.pathname !== '/') throw new TokenRejected('unexpected path');
  const rawQuery = text.slice(text.indexOf('?') + 1);
  const request: SandboxRequest = {
    method: 'GET',
    rawPath: '/',
    segments: [],
    query: parseQuery(text.includes('?') ? rawQuery : ''),
    headers: { host: url.host, 'x-k8s-aws-id': check.clusterName },
    body: Buffer.alloc(0),
    remoteAddress: undefined,
  };
  if (request.query.Action !== 'GetCallerIdentity')
    throw new TokenRejected('not GetCallerIdentity');
  let claim;
  try {
    claim = readSignatureClaim(request);
  } catch (error) {
    throw new TokenRejected((error as AuthError).message);
  }
  if (!claim || claim.mode !== 'presigned' || claim.service !== 'sts') {
    throw new TokenRejected('not a presigned STS URL');
  }
  if (!claim.signedHeaders.includes('x-k8s-aws-id') || !claim.signedHeaders.includes('host')) {
    throw new TokenRejected('x-k8s-aws-id is not a signed header');
  }
  const age = check.hostNow.getTime() - claim.signingDate.getTime();
  if (age > TOKEN_LIFETIME_MS) throw new TokenRejected('X-Amz-Date is more than 15 minutes old');
  if (-age > TOKEN_LIFETIME_MS) throw new TokenRejected('X-Amz-Date is in the future');
  const key = check.credentials.lookup(claim.accessKeyId);
  if (!key) throw new TokenRejected('unknown access key');
  if (key.sessionToken !== claim.securityToken) throw new TokenRejected('session token mismatch');
  if (!(await verifySignature(request, claim, key.secretAccessKey))) {
    throw new TokenRejected('signature mismatch (or a token for another cluster)');
  }
  const { principal } = key;
  if (principal.type === 'AssumedRole' && principal.expiresAt <= check.worldNow) {
    throw new TokenRejected('expired role session');
  }
  return principal;
}
