import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { startSandbox, type Sandbox } from './index.ts';
import { isLoopback } from './http/adminRouter.ts';
import { NodeSha256 } from './auth/sha256.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'empty' });
});
afterAll(() => sandbox.close());

interface SignedFetch {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  body?: string;
  service?: string;
  secret?: string;
  accessKeyId?: string;
  signingDate?: Date;
  contentType?: string;
}

/** Signs a request with the SDK's own signer (optionally with wrong inputs) and sends it with fetch. */
async function signedFetch(options: SignedFetch = {}): Promise<Response> {
  const url = new URL(sandbox.endpoint);
  const home = sandbox.accounts[0]!;
  const signer = new SignatureV4({
    service: options.service ?? 'eks',
    region: 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? home.accessKeyId,
      secretAccessKey: options.secret ?? home.secretAccessKey,
    },
    sha256: NodeSha256,
  });
  const headers: Record<string, string> = { host: url.host };
  if (options.contentType) headers['content-type'] = options.contentType;
  const signed = await signer.sign(
    {
      method: options.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      path: options.path ?? '/clusters',
      query: options.query ?? {},
      headers,
      ...(options.body !== undefined ? { body: options.body } : {}),
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  const query = new URLSearchParams(options.query ?? {}).toString();
  const { host: _host, ...sendHeaders } = signed.headers;
  return fetch(`${sandbox.endpoint}${options.path ?? '/clusters'}${query ? `?${query}` : ''}`, {
    method: options.method ?? 'GET',
    headers: sendHeaders,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}

async function jsonError(response: Response) {
  return {
    status: response.status,
    type: response.headers.get('x-amzn-errortype'),
    requestId: response.headers.get('x-amzn-requestid'),
    body: (await response.json()) as { message: string },
  };
}

describe('SigV4 authentication', () => {
  it('accepts a correctly signed request', async () => {
    const response = await signedFetch();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ clusters: [] });
  });

  it('refuses an unsigned request', async () => {
    const error = await jsonError(await fetch(`${sandbox.endpoint}/clusters`));
    expect(error).toMatchObject({
      status: 403,
      type: 'MissingAuthenticationTokenException',
      body: { message: 'Missing Authentication Token' },
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a request signed with the wrong secret', async () => {
    const error = await jsonError(
      await signedFetch({ secret: 'wrong-secret-key-wrong-secret-key-wrong0' }),
    );
    expect(error).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(error.body.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses an unknown access key', async () => {
    const error = await jsonError(await signedFetch({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00' }));
    expect(error).toMatchObject({
      status: 403,
      type: 'UnrecognizedClientException',
      body: { message: 'The security token included in the request is invalid.' },
    });
  });

  it('refuses a request whose body was changed after signing', async () => {
    const url = new URL(sandbox.endpoint);
    const home = sandbox.accounts[0]!;
    const signer = new SignatureV4({
      service: 'eks',
      region: 'us-east-1',
      credentials: { accessKeyId: home.accessKeyId, secretAccessKey: home.secretAccessKey },
      sha256: NodeSha256,
      applyChecksum: false,
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      path: '/cluster-registrations',
      headers: { host: url.host, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'a',
        connectorConfig: { provider: 'GKE', roleArn: 'arn:aws:iam::123456789012:role/x' },
      }),
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${sandbox.endpoint}/cluster-registrations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'b',
        connectorConfig: { provider: 'GKE', roleArn: 'arn:aws:iam::123456789012:role/x' },
      }),
    });
    expect((await jsonError(response)).type).toBe('InvalidSignatureException');
    expect(sandbox.world.region('123456789012', 'us-east-1').clusters.size).toBe(0);
  });

  it('refuses a signature older than 15 minutes', async () => {
    const error = await jsonError(
      await signedFetch({ signingDate: new Date(Date.now() - 20 * 60_000) }),
    );
    expect(error).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(error.body.message).toMatch(/^Signature expired: /);
  });

  it('answers STS auth failures in XML with the query protocol codes', async () => {
    const form = 'Action=GetCallerIdentity&Version=2011-06-15';
    const contentType = 'application/x-www-form-urlencoded';
    const unsigned = await fetch(sandbox.endpoint, {
      method: 'POST',
      body: form,
      headers: { 'content-type': contentType },
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const wrong = await signedFetch({
      service: 'sts',
      method: 'POST',
      path: '/',
      body: form,
      contentType,
      secret: 'wrong-secret-key-wrong-secret-key-wrong0',
    });
    expect(wrong.status).toBe(403);
    const xml = await wrong.text();
    expect(xml).toMatch(
      /^<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>SignatureDoesNotMatch<\/Code><Message>/,
    );
    expect(xml).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
    const unknown = await signedFetch({
      service: 'sts',
      method: 'POST',
      path: '/',
      body: form,
      contentType,
      accessKeyId: 'AKIAUNKNOWNUNKNOWN00',
    });
    expect(await unknown.text()).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('refuses services it does not simulate and unknown EKS paths', async () => {
    expect((await signedFetch({ service: 's3', path: '/' })).status).toBe(400);
    const unknown = await jsonError(await signedFetch({ path: '/no-such-thing' }));
    expect(unknown).toMatchObject({ status: 404, type: 'UnknownOperationException' });
  });
});

describe('admin API reach', () => {
  it('answers loopback callers only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
