import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@wheelhouse/contract';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

const CLUSTER = '/api/clusters/123456789012/us-east-1/payments';

async function problemOf(path: string, body: unknown): Promise<Problem> {
  const operator = await c.signIn('operator');
  const response = await operator.request('POST', path, body);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}

describe('text with bidirectional controls or lone surrogates', () => {
  it('is refused in a tag value and a tag key, naming the field', async () => {
    const value = await problemOf(`${CLUSTER}/tags`, { add: { team: 'pay\u202Eyap' } });
    expect(value.errors).toEqual([
      { field: 'add.team', message: 'must not hold a bidirectional control character (U+202E)' },
    ]);
    const key = await problemOf(`${CLUSTER}/tags`, { add: { 'te\u2066am': 'payments' } });
    expect(key.errors).toEqual([
      { field: 'add', message: 'key must not hold a bidirectional control character (U+2066)' },
    ]);
  });

  it('is refused in a Fargate selector namespace and a node group tag', async () => {
    const fargate = await problemOf(`${CLUSTER}/fargate-profiles`, {
      name: 'apps',
      podExecutionRoleArn: 'arn:aws:iam::123456789012:role/pods',
      subnets: ['subnet-0a1b2c'],
      selectors: [{ namespace: 'apps\uD800' }],
      clientRequestToken: 'token-1',
    });
    expect(fargate.errors).toEqual([
      { field: 'selectors.0.namespace', message: 'must not hold a lone surrogate (U+D800)' },
    ]);
    const nodegroup = await problemOf(`${CLUSTER}/nodegroups`, {
      name: 'general',
      nodeRole: 'arn:aws:iam::123456789012:role/nodes',
      subnets: ['subnet-0a1b2c'],
      scaling: { minSize: 1, maxSize: 2, desiredSize: 1 },
      tags: { owner: '\u2067ops' },
      clientRequestToken: 'token-2',
    });
    expect(nodegroup.errors).toEqual([
      { field: 'tags.owner', message: 'must not hold a bidirectional control character (U+2067)' },
    ]);
  });
});

describe('key/value input with __proto__ keys or NUL characters', () => {
  const registration = (tags: string) =>
    JSON.parse(
      `{"accountId":"123456789012","region":"us-east-1","name":"edge","provider":"OTHER",` +
        `"roleArn":"arn:aws:iam::123456789012:role/connector","clientRequestToken":"token-3","tags":${tags}}`,
    ) as unknown;

  it('is refused when registering a connected cluster, instead of dropping the tags', async () => {
    const proto = await problemOf(
      '/api/connected-clusters',
      registration('{"__proto__":{"team":"x"}}'),
    );
    expect(proto.errors).toEqual([{ field: 'tags', message: 'must not have the key __proto__' }]);
    const nul = await problemOf('/api/connected-clusters', registration('{"team":"pay\\u0000"}'));
    expect(nul.errors).toEqual([
      { field: 'tags.team', message: 'must not hold a NUL character (U+0000)' },
    ]);
  });

  it('is refused in cluster tags and node group labels, naming the field', async () => {
    const key = await problemOf(`${CLUSTER}/tags`, JSON.parse('{"add":{"te\\u0000am":"x"}}'));
    expect(key.errors).toEqual([
      { field: 'add', message: 'key must not hold a NUL character (U+0000)' },
    ]);
    const labels = await problemOf(
      `${CLUSTER}/nodegroups`,
      JSON.parse(
        '{"name":"general","nodeRole":"arn:aws:iam::123456789012:role/nodes","subnets":["subnet-0a1b2c"],' +
          '"scaling":{"minSize":1,"maxSize":2,"desiredSize":1},"labels":{"__proto__":{"a":"b"}},' +
          '"clientRequestToken":"token-4"}',
      ),
    );
    expect(labels.errors).toEqual([
      { field: 'labels', message: 'must not have the key __proto__' },
    ]);
  });
});
