import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from './index.ts';
import { hiddenControlProblem, keyValueMap, noHiddenControls, noProtoKey, text } from './text.ts';

describe('hiddenControlProblem', () => {
  it.each([
    ['prod\u202Edorp', 'bidirectional control character (U+202E)'],
    ['\u202Aa', 'bidirectional control character (U+202A)'],
    ['a\u2066b\u2069', 'bidirectional control character (U+2066)'],
    ['x\u2069', 'bidirectional control character (U+2069)'],
    ['a\uD800', 'lone surrogate (U+D800)'],
    ['\uDC00a', 'lone surrogate (U+DC00)'],
    ['team\u0000', 'NUL character (U+0000)'],
    ['\u0000', 'NUL character (U+0000)'],
  ])('refuses %j naming the character', (value, problem) => {
    expect(hiddenControlProblem(value)).toBe(`must not hold a ${problem}`);
  });

  it.each(['prod', 'équipe-données', 'チーム', 'emoji 😀 ok', 'a\u200Db', 'tab\there', ''])(
    'accepts %j',
    (value) => {
      expect(hiddenControlProblem(value)).toBeUndefined();
    },
  );
});

/** Every string inside a schema, with the path it sits at (record keys as `<key>`). */
function stringLeaves(schema: z.ZodType, path: string): { path: string; schema: z.ZodType }[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, at = path) => stringLeaves(def[key] as z.ZodType, at);
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        stringLeaves(value, `${path}.${key}`),
      );
    case 'array':
      return inner('element', `${path}[]`);
    case 'record':
      return [...inner('keyType', `${path}.<key>`), ...inner('valueType', `${path}.<value>`)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => stringLeaves(option, path));
    default:
      return [];
  }
}

// Sign-in is exempt: a password may hold any character, and the user name has its own rule.
const changeSchemas = Object.entries(contract).filter(
  ([name]) => (name.endsWith('Request') && name !== 'LoginRequest') || name === 'FargateMatchQuery',
) as [string, z.ZodType][];

describe('the text check', () => {
  it('is on every text field of every change request', () => {
    expect(changeSchemas.length).toBeGreaterThanOrEqual(12);
    const leaves = changeSchemas.flatMap(([name, schema]) => stringLeaves(schema, name));
    expect(leaves.length).toBeGreaterThanOrEqual(30);
    for (const leaf of leaves) {
      const checks = (leaf.schema._zod.def as { checks?: unknown[] }).checks ?? [];
      expect(checks, leaf.path).toContain(noHiddenControls);
    }
  });

  it('names the field that holds the character', () => {
    const result = contract.CreateFargateProfileRequest.safeParse({
      name: 'apps',
      podExecutionRoleArn: 'arn:aws:iam::123456789012:role/pods',
      subnets: ['subnet-1'],
      selectors: [{ namespace: 'team\u202Eppa' }],
      clientRequestToken: 'token-1',
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['selectors', 0, 'namespace'],
        message: 'must not hold a bidirectional control character (U+202E)',
      }),
    ]);
  });

  it('still chains like a string', () => {
    const bounded = text.min(2).max(3);
    expect(bounded.safeParse('ab').success).toBe(true);
    expect(bounded.safeParse('abcd').success).toBe(false);
    expect(bounded.safeParse('a\u2067').success).toBe(false);
  });
});

/** Every key/value map inside a schema, and whether the `__proto__` check runs before it. */
function recordLeaves(schema: z.ZodType, path: string): { path: string; guarded: boolean }[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, at = path) => recordLeaves(def[key] as z.ZodType, at);
  switch (def.type) {
    case 'record':
      return [{ path, guarded: false }];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        recordLeaves(value, `${path}.${key}`),
      );
    case 'array':
      return inner('element', `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      if (def.in === noProtoKey) {
        return recordLeaves(def.out as z.ZodType, path).map((leaf) => ({ ...leaf, guarded: true }));
      }
      return [...inner('in'), ...inner('out')];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => recordLeaves(option, path));
    default:
      return [];
  }
}

describe('key/value maps', () => {
  it('refuse a __proto__ key, naming the field, in every change request', () => {
    const leaves = changeSchemas.flatMap(([name, schema]) => recordLeaves(schema, name));
    expect(leaves.length).toBeGreaterThanOrEqual(6);
    for (const leaf of leaves) expect(leaf.guarded, leaf.path).toBe(true);
  });

  it('name the field that holds __proto__ instead of dropping it', () => {
    const result = contract.RegisterClusterRequest.safeParse(
      JSON.parse(
        '{"accountId":"123456789012","region":"us-east-1","name":"edge","provider":"OTHER","roleArn":"arn:aws:iam::123456789012:role/connector","clientRequestToken":"token-1","tags":{"__proto__":{"team":"x"}}}',
      ),
    );
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['tags'], message: 'must not have the key __proto__' }),
    ]);
  });

  it('keep ordinary keys, and the checks of keys and values', () => {
    const tags = keyValueMap(text, text);
    expect(tags.parse({ team: 'payments', constructor: 'x' })).toEqual({
      team: 'payments',
      constructor: 'x',
    });
    expect(tags.safeParse({ team: 'pay\u0000ments' }).error?.issues).toEqual([
      expect.objectContaining({
        path: ['team'],
        message: 'must not hold a NUL character (U+0000)',
      }),
    ]);
  });
});
