import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SandboxRequest } from '../http/request.ts';
import { NodeSha256, sha256Hex } from './sha256.ts';

/** How a SigV4 check failed; each protocol maps these to its own error codes. */
export type AuthFailure =
  | 'missing'
  | 'incomplete'
  | 'unknownKey'
  | 'badSignature'
  | 'expiredSignature'
  | 'expiredToken'
  | 'invalidToken';

export class AuthError extends Error {
  constructor(
    readonly failure: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What a request's signature claims: who, when, for which region and service. */
export interface SignatureClaim {
  mode: 'header' | 'presigned';
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  signingDate: Date;
  /** Presigned URLs only. */
  expiresSeconds?: number;
  securityToken?: string;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_SKEW_MS = 15 * 60_000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

function parseAmzDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

function firstQuery(request: SandboxRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseCredential(credential: string) {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || parts.some((part) => part === '')) {
    throw new AuthError(
      'incomplete',
      `Credential should be scoped to a valid region and service: '${credential}'.`,
    );
  }
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  return { accessKeyId, scopeDate, region, service };
}

/**
 * Reads the SigV4 claim of a request, from the Authorization header or a
 * presigned query string; undefined when the request is not signed at all.
 */
export function readSignatureClaim(request: SandboxRequest): SignatureClaim | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization.trim());
    if (!match) {
      throw new AuthError(
        'incomplete',
        "Authorization header requires the 'AWS4-HMAC-SHA256' algorithm.",
      );
    }
    const fields = new Map<string, string>();
    for (const part of match[1]!.split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
      if (!fields.get(required)) {
        throw new AuthError(
          'incomplete',
          `Authorization header requires '${required}' parameter. Authorization=${authorization}`,
        );
      }
    }
    const amzDate = request.headers['x-amz-date'];
    const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
    if (!amzDate || !signingDate) {
      throw new AuthError(
        'incomplete',
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    const token = request.headers['x-amz-security-token'];
    return {
      mode: 'header',
      ...parseCredential(fields.get('Credential')!),
      signedHeaders: fields.get('SignedHeaders')!.split(';'),
      signature: fields.get('Signature')!,
      amzDate,
      signingDate,
      ...(token !== undefined ? { securityToken: token } : {}),
    };
  }
  const algorithm = firstQuery(request, 'X-Amz-Algorithm');
  if (algorithm === undefined) return undefined;
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new AuthError('incomplete', `Unsupported X-Amz-Algorithm: ${algorithm}`);
  }
  const values: Record<string, string | undefined> = {};
  for (const name of [
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-SignedHeaders',
    'X-Amz-Signature',
    'X-Amz-Expires',
  ]) {
    values[name] = firstQuery(request, name);
    if (!values[name]) {
      throw new AuthError('incomplete', `AWS query-string parameters must include '${name}'.`);
    }
  }
  const signingDate = parseAmzDate(values['X-Amz-Date']!);
  const expiresSeconds = Number(values['X-Amz-Expires']);
  if (
    !signingDate ||
    !Number.isInteger(expiresSeconds) ||
    expiresSeconds < 1 ||
    expiresSeconds > MAX_PRESIGN_SECONDS
  ) {
    throw new AuthError('incomplete', 'X-Amz-Date or X-Amz-Expires is malformed.');
  }
  const token = firstQuery(request, 'X-Amz-Security-Token');
  return {
    mode: 'presigned',
    ...parseCredential(values['X-Amz-Credential']!),
    signedHeaders: values['X-Amz-SignedHeaders']!.split(';'),
    signature: values['X-Amz-Signature']!,
    amzDate: values['X-Amz-Date']!,
    signingDate,
    expiresSeconds,
    ...(token !== undefined ? { securityToken: token } : {}),
  };
}

const compact = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Refuses claims that are too old or too new, against the host clock (what the client signed with). */
export function checkFreshness(claim: SignatureClaim, hostNow: Date): void {
  if (claim.scopeDate !== claim.amzDate.slice(0, 8)) {
    throw new AuthError(
      'badSignature',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claim.scopeDate}' != '${claim.amzDate.slice(0, 8)}', from '${claim.amzDate}'.`,
    );
  }
  const signed = claim.signingDate.getTime();
  const now = hostNow.getTime();
  if (signed - now > MAX_SKEW_MS) {
    throw new AuthError(
      'expiredSignature',
      `Signature not yet current: ${claim.amzDate} is still later than ${compact(new Date(now + MAX_SKEW_MS))} (${compact(hostNow)} + 15 min.)`,
    );
  }
  if (claim.mode === 'header' && now - signed > MAX_SKEW_MS) {
    throw new AuthError(
      'expiredSignature',
      `Signature expired: ${claim.amzDate} is now earlier than ${compact(new Date(now - MAX_SKEW_MS))} (${compact(hostNow)} - 15 min.)`,
    );
  }
  if (claim.mode === 'presigned' && now > signed + claim.expiresSeconds! * 1000) {
    throw new AuthError(
      'expiredSignature',
      `Request has expired: signed at ${claim.amzDate}, valid for ${claim.expiresSeconds} seconds.`,
    );
  }
}

function sameSignature(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Recomputes the signature with @smithy/signature-v4 (the SDK's own signer),
 * over exactly the headers the client listed as signed, the raw path (the
 * signer escapes it once more, as SigV4 does for every service but S3) and
 * the actual body, and compares.
 */
export async function verifySignature(
  request: SandboxRequest,
  claim: SignatureClaim,
  secretAccessKey: string,
): Promise<boolean> {
  const headers: Record<string, string> = {};
  for (const name of claim.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== sha256Hex(request.body)) return false;
  const signer = new SignatureV4({
    service: claim.service,
    region: claim.region,
    credentials: { accessKeyId: claim.accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signable = new Set(claim.signedHeaders);
  const base = {
    method: request.method,
    protocol: 'http:',
    hostname: (request.headers.host ?? '').replace(/:\d+$/, ''),
    path: request.rawPath,
    headers,
  };
  if (claim.mode === 'header') {
    const signed = await signer.sign(
      { ...base, query: request.query, body: request.body },
      { signingDate: claim.signingDate, signableHeaders: signable },
    );
    const authorization = signed.headers.authorization ?? '';
    return (
      authorization.includes(`SignedHeaders=${claim.signedHeaders.join(';')},`) &&
      sameSignature(/Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '', claim.signature)
    );
  }
  const query = { ...request.query };
  delete query['X-Amz-Signature'];
  const presigned = await signer.presign(
    { ...base, query, ...(request.body.length > 0 ? { body: request.body } : {}) },
    {
      signingDate: claim.signingDate,
      expiresIn: claim.expiresSeconds!,
      signableHeaders: signable,
      // Signed x-amz-* headers were sent as headers; keep them there.
      unhoistableHeaders: new Set(claim.signedHeaders.filter((name) => name.startsWith('x-amz-'))),
    },
  );
  const expected = presigned.query?.['X-Amz-Signature'];
  return (
    presigned.query?.['X-Amz-SignedHeaders'] === claim.signedHeaders.join(';') &&
    typeof expected === 'string' &&
    sameSignature(expected, claim.signature)
  );
}
