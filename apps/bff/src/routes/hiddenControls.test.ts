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
