import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseQuery, type SandboxRequest } from '../http/request.ts';
import { NodeSha256 } from './sha256.ts';
import { AuthError, checkFreshness, readSignatureClaim, verifySignature } from './sigv4.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

function request(partial: Partial<SandboxRequest> & { url?: string }): SandboxRequest {
  const url = partial.url ?? '/';
  const [rawPath, rawQuery = ''] = url.split('?') as [string, string?];
  return {
    method: 'GET',
    rawPath,
    segments: rawPath.split('/').filter(Boolean).map(decodeURIComponent),
    query: parseQuery(rawQuery),
    headers: {},
    body: Buffer.alloc(0),
    remoteAddress: '127.0.0.1',
    ...partial,
  };
}

// AWS's SigV4 test suite, "get-vanilla" and "get-vanilla-query-order-key-case".
const VECTOR_HEADERS = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
const vanilla = (url: string, signature: string) =>
  request({
    url,
    headers: {
      ...VECTOR_HEADERS,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
  });

describe('SigV4 verification', () => {
  it('accepts the AWS test suite get-vanilla request', async () => {
    const req = vanilla('/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    const claim = readSignatureClaim(req)!;
    expect(claim).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-east-1',
      service: 'service',
    });
    expect(await verifySignature(req, claim, SECRET)).toBe(true);
  });

  it('accepts the AWS test suite query-order request (query sorted before signing)', async () => {
    const req = vanilla(
      '/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
    expect(await verifySignature(req, readSignatureClaim(req)!, SECRET)).toBe(true);
  });

  it('rejects the vector with another secret, another path or a changed signature', async () => {
    const good = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
    const req = vanilla('/', good);
    expect(await verifySignature(req, readSignatureClaim(req)!, 'not-the-secret')).toBe(false);
    const moved = vanilla('/other', good);
    expect(await verifySignature(moved, readSignatureClaim(moved)!, SECRET)).toBe(false);
    const changed = vanilla('/', good.replace(/^5/, '6'));
    expect(await verifySignature(changed, readSignatureClaim(changed)!, SECRET)).toBe(false);
  });

  it('verifies what the SDK signer produces for a %-encoded ARN path (double encoding) and a body', async () => {
    const signer = new SignatureV4({
      service: 'eks',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
      sha256: NodeSha256,
    });
    const path = `/tags/${encodeURIComponent('arn:aws:eks:eu-west-1:123456789012:cluster/demo')}`;
    const body = JSON.stringify({ tags: { team: 'a b' } });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path,
      query: { tagKeys: ['b', 'a'] },
      headers: { host: '127.0.0.1:4510', 'content-type': 'application/json' },
      body,
    });
    const req = request({
      method: 'POST',
      url: `${path}?tagKeys=b&tagKeys=a`,
      headers: Object.fromEntries(
        Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      body: Buffer.from(body),
    });
    const claim = readSignatureClaim(req)!;
    expect(await verifySignature(req, claim, SECRET)).toBe(true);
    expect(await verifySignature({ ...req, body: Buffer.from('{}') }, claim, SECRET)).toBe(false);
  });

  it('verifies a presigned URL with an extra signed header (EKS token style)', async () => {
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
      sha256: NodeSha256,
    });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: '127.0.0.1:4510', 'x-k8s-aws-id': 'checkout-prod' },
      },
      { expiresIn: 60 },
    );
    const rawQuery = Object.entries(presigned.query!)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const req = request({
      url: `/?${rawQuery}`,
      headers: { host: '127.0.0.1:4510', 'x-k8s-aws-id': 'checkout-prod' },
    });
    const claim = readSignatureClaim(req)!;
    expect(claim.mode).toBe('presigned');
    expect(claim.signedHeaders).toEqual(['host', 'x-k8s-aws-id']);
    expect(await verifySignature(req, claim, SECRET)).toBe(true);
    const otherCluster = { ...req, headers: { ...req.headers, 'x-k8s-aws-id': 'other' } };
    expect(await verifySignature(otherCluster, claim, SECRET)).toBe(false);
  });

  it('refuses signatures older than 15 minutes and expired presigned URLs', () => {
    const claim = readSignatureClaim(vanilla('/', 'ab'))!;
    expect(() => checkFreshness(claim, new Date('2015-08-30T12:40:00Z'))).not.toThrow();
    expect(() => checkFreshness(claim, new Date('2015-08-30T12:52:00Z'))).toThrow(
      /Signature expired/,
    );
    expect(() => checkFreshness(claim, new Date('2015-08-30T12:20:00Z'))).toThrow(
      /not yet current/,
    );
    const presigned = { ...claim, mode: 'presigned' as const, expiresSeconds: 60 };
    expect(() => checkFreshness(presigned, new Date('2015-08-30T12:36:30Z'))).not.toThrow();
    expect(() => checkFreshness(presigned, new Date('2015-08-30T12:37:01Z'))).toThrow(AuthError);
  });

  it('says a request without any signature is unsigned, and a malformed header is incomplete', () => {
    expect(readSignatureClaim(request({ url: '/clusters' }))).toBeUndefined();
    expect(() =>
      readSignatureClaim(request({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } })),
    ).toThrow(AuthError);
  });
});
