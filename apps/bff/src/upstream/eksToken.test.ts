import { describe, expect, it } from 'vitest';
import { eksToken } from './eksToken.ts';

const credentials = async () => ({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
});

describe('eksToken', () => {
  it('is k8s-aws-v1. + base64url of a presigned GetCallerIdentity URL that signs x-k8s-aws-id', async () => {
    const { token, expiresAt } = await eksToken({
      clusterName: 'payments',
      region: 'eu-west-1',
      credentials,
      stsEndpoint: new URL('https://sts.eu-west-1.amazonaws.com'),
      now: new Date('2026-11-26T12:00:00Z'),
    });
    expect(token.startsWith('k8s-aws-v1.')).toBe(true);
    expect(token).not.toMatch(/[+/=]/);
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString());
    expect(url.origin).toBe('https://sts.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(
      'AKIDEXAMPLE/20261126/eu-west-1/sts/aws4_request',
    );
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261126T120000Z');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(expiresAt.toISOString()).toBe('2026-11-26T12:01:00.000Z');
  });

  it('signs differently for another cluster, so a token cannot be replayed on it', async () => {
    const at = {
      region: 'eu-west-1',
      credentials,
      stsEndpoint: new URL('https://sts.eu-west-1.amazonaws.com'),
      now: new Date('2026-11-26T12:00:00Z'),
    };
    const a = await eksToken({ ...at, clusterName: 'a' });
    const b = await eksToken({ ...at, clusterName: 'b' });
    const signature = (token: string) =>
      new URL(Buffer.from(token.slice(11), 'base64url').toString()).searchParams.get(
        'X-Amz-Signature',
      );
    expect(signature(a.token)).not.toBe(signature(b.token));
  });
});
