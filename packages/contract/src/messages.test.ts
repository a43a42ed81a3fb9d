import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CreateFargateProfileRequest, ScalingConfig } from './index.ts';

const messages = (schema: z.ZodType, input: unknown) =>
  Object.fromEntries(
    (schema.safeParse(input).error?.issues ?? []).map((issue) => [
      issue.path.join('.') || '(body)',
      issue.message,
    ]),
  );

describe('validation messages', () => {
  it('are ours, in words, for each kind of mistake', () => {
    const schema = z
      .object({
        size: z.number().int().min(1).max(5),
        count: z.number().int(),
        name: z.string().min(1).max(4),
        mode: z.enum(['API', 'CONFIG_MAP']),
        url: z.url(),
        subnets: z.array(z.string()).min(1),
        at: z.iso.datetime(),
        missing: z.string(),
      })
      .strict();
    expect(
      messages(schema, {
        size: 0,
        count: 1.5,
        name: 'toolong',
        mode: 'IAM',
        url: 'nowhere',
        subnets: [],
        at: 'yesterday',
        extra: true,
      }),
    ).toEqual({
      size: 'must be at least 1',
      count: 'must be a whole number',
      name: 'must have at most 4 characters',
      mode: 'must be one of API, CONFIG_MAP',
      url: 'must be a URL',
      subnets: 'must have at least one item',
      at: 'must be a date and time such as 2026-12-03T10:00:00Z',
      missing: 'is required',
      '(body)': 'is not a field this request takes: extra',
    });
    expect(messages(z.object({ name: z.string().min(1) }), { name: '' })).toEqual({
      name: 'must not be empty',
    });
  });

  it('read the same in contract schemas, which keep the wording they spell out themselves', () => {
    expect(messages(ScalingConfig, { minSize: -1, maxSize: 2.5, desiredSize: 'three' })).toEqual({
      minSize: 'must be at least 0',
      maxSize: 'must be a whole number',
      desiredSize: 'must be a number',
    });
    expect(
      messages(CreateFargateProfileRequest, {
        name: 'jobs',
        podExecutionRoleArn: 'arn:aws:iam::123456789012:role/pods',
        subnets: [],
        selectors: [],
        clientRequestToken: 'token-0001',
      }),
    ).toEqual({
      subnets: 'needs at least one private subnet',
      selectors: 'needs at least one selector',
    });
  });
});
