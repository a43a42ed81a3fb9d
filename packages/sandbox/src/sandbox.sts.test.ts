import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateClusterCommand, ListClustersCommand, TagResourceCommand } from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetCallerIdentityCommand, type Credentials } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { startSandbox, type Sandbox } from './index.ts';
import { NodeSha256 } from './auth/sha256.ts';
import { accountKeys, eksClient, stsClient, type TestCredentials } from './testing/awsClients.ts';

let sandbox: Sandbox;
// Shifts the world's clock, to let sessions expire without waiting an hour.
let clockOffsetMs = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 50, now: () => new Date(Date.now() + clockOffsetMs) });
});
afterAll(() => sandbox.close());

const keysOf = (credentials: Credentials | undefined): TestCredentials => ({
  accessKeyId: credentials!.AccessKeyId!,
  secretAccessKey: credentials!.SecretAccessKey!,
  sessionToken: credentials!.SessionToken!,
});

async function assume(
  roleArn: string,
  extra: Record<string, unknown> = {},
  as = accountKeys(sandbox),
) {
  return stsClient(sandbox, as).send(
    new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'wheelhouse-test', ...extra }),
  );
}

describe('STS through the AWS SDK v3', () => {
  it('tells the IAM user who it is', async () => {
    const identity = await stsClient(sandbox, accountKeys(sandbox)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/wheelhouse-sandbox',
    });
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{16}$/);
  });

  it('assumes a role in the second account; calls are answered for that account', async () => {
    const dev = sandbox.accounts[1]!;
    const assumed = await assume(dev.consoleRoleArn, { DurationSeconds: 900 });
    expect(assumed.AssumedRoleUser!.Arn).toBe(
      `arn:aws:sts::${dev.id}:assumed-role/WheelhouseConsole/wheelhouse-test`,
    );
    expect(assumed.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const lifetime = assumed.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(800_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    const keys = keysOf(assumed.Credentials);
    const identity = await stsClient(sandbox, keys).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: dev.id, Arn: assumed.AssumedRoleUser!.Arn });
    const { clusters } = await eksClient(sandbox, keys).send(new ListClustersCommand({}));
    expect(clusters).toEqual(['dev-sandbox', 'feature-previews', 'qa-integration']);
  });

  it('validates AssumeRole input as STS does', async () => {
    const role = sandbox.accounts[0]!.consoleRoleArn;
    await expect(assume(role, { RoleSessionName: 'x' })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining("'roleSessionName' failed to satisfy constraint"),
    });
    await expect(assume(role, { DurationSeconds: 60 })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(assume(role, { DurationSeconds: 50_000 })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(assume('arn:aws:iam::123456789012:role/DoesNotExist')).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message:
        'User: arn:aws:iam::123456789012:user/wheelhouse-sandbox is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/DoesNotExist',
    });
  });

  it('lets the read-only role read and denies its mutations like EKS', async () => {
    const readOnly = sandbox.accounts[0]!.readOnlyRoleArn;
    const keys = keysOf((await assume(readOnly)).Credentials);
    const eks = eksClient(sandbox, keys);
    expect((await eks.send(new ListClustersCommand({}))).clusters).toContain('checkout-prod');
    const arn = 'arn:aws:eks:us-east-1:123456789012:cluster/checkout-prod';
    await expect(
      eks.send(new TagResourceCommand({ resourceArn: arn, tags: { a: 'b' } })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
      message: `User: arn:aws:sts::123456789012:assumed-role/WheelhouseReadOnly/wheelhouse-test is not authorized to perform: eks:TagResource on resource: ${arn}`,
    });
    await expect(
      eks.send(
        new CreateClusterCommand({
          name: 'denied',
          roleArn: 'arn:aws:iam::123456789012:role/AmazonEKSClusterRole',
          resourcesVpcConfig: {},
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(sandbox.world.region('123456789012', 'us-east-1').clusters.has('denied')).toBe(false);
    const denied = sandbox.trail.filter((event) => event.errorCode === 'AccessDeniedException');
    expect(denied.map((event) => event.eventName)).toEqual(
      expect.arrayContaining(['TagResource', 'CreateCluster']),
    );
  });

  it('keeps SourceIdentity on chained sessions, refuses to change it, and records it in the trail', async () => {
    const first = await assume(sandbox.accounts[0]!.consoleRoleArn, {
      SourceIdentity: 'alice@example.com',
    });
    expect(first.SourceIdentity).toBe('alice@example.com');
    const firstKeys = keysOf(first.Credentials);

    const chained = await assume(
      sandbox.accounts[1]!.consoleRoleArn,
      { RoleSessionName: 'chained' },
      firstKeys,
    );
    expect(chained.SourceIdentity).toBe('alice@example.com');
    await expect(
      assume(sandbox.accounts[1]!.consoleRoleArn, { SourceIdentity: 'mallory' }, firstKeys),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      assume(sandbox.accounts[1]!.consoleRoleArn, { DurationSeconds: 7200 }, firstKeys),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('role chaining'),
    });

    const arn = 'arn:aws:eks:us-east-1:210987654321:cluster/dev-sandbox';
    await eksClient(sandbox, keysOf(chained.Credentials)).send(
      new TagResourceCommand({ resourceArn: arn, tags: { reviewed: 'yes' } }),
    );
    const event = sandbox.trail.find(
      (candidate) =>
        candidate.eventName === 'TagResource' &&
        !candidate.errorCode &&
        candidate.recipientAccountId === '210987654321',
    );
    expect(event).toMatchObject({
      eventSource: 'eks.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIdentity: 'alice@example.com',
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::210987654321:assumed-role/WheelhouseConsole/chained',
        sessionContext: { sourceIdentity: 'alice@example.com' },
      },
      requestParameters: { resourceArn: arn, tags: { reviewed: 'yes' } },
    });
    const assumeEvents = sandbox.trail.filter((candidate) => candidate.eventName === 'AssumeRole');
    expect(
      assumeEvents.some(
        (candidate) => candidate.requestParameters?.sourceIdentity === 'alice@example.com',
      ),
    ).toBe(true);
  });

  it('refuses expired temporary credentials with ExpiredTokenException', async () => {
    const keys = keysOf(
      (await assume(sandbox.accounts[0]!.consoleRoleArn, { DurationSeconds: 900 })).Credentials,
    );
    const eks = eksClient(sandbox, keys);
    await eks.send(new ListClustersCommand({}));
    clockOffsetMs = 901_000;
    try {
      await expect(eks.send(new ListClustersCommand({}))).rejects.toMatchObject({
        name: 'ExpiredTokenException',
        $metadata: { httpStatusCode: 403 },
      });
      await expect(
        stsClient(sandbox, keys).send(new GetCallerIdentityCommand({})),
      ).rejects.toMatchObject({
        name: 'ExpiredToken',
      });
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('answers GetCallerIdentity through a presigned GET URL with a signed x-k8s-aws-id header (EKS tokens)', async () => {
    const endpoint = new URL(sandbox.endpoint);
    const home = accountKeys(sandbox);
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      credentials: home,
      sha256: NodeSha256,
    });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: endpoint.hostname,
        port: Number(endpoint.port),
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: endpoint.host, 'x-k8s-aws-id': 'checkout-prod' },
      },
      { expiresIn: 60 },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>)
      .toString()
      .replace(/\+/g, '%20');
    const ok = await fetch(`${sandbox.endpoint}/?${query}`, {
      headers: { 'x-k8s-aws-id': 'checkout-prod' },
    });
    expect(ok.status).toBe(200);
    const body = await ok.text();
    expect(body).toContain('<Arn>arn:aws:iam::123456789012:user/wheelhouse-sandbox</Arn>');
    expect(body).toContain('<Account>123456789012</Account>');
    const otherCluster = await fetch(`${sandbox.endpoint}/?${query}`, {
      headers: { 'x-k8s-aws-id': 'search-prod' },
    });
    expect(otherCluster.status).toBe(403);
    expect(await otherCluster.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
