import { describe, expect, it } from 'vitest';
import {
  configurationSchemaKeys,
  configurationSchemaProblems,
} from './configurationSchemaCheck.ts';

const schema = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  definitions: { quantity: { type: 'string', pattern: '^[0-9]+(Mi|Gi|m)?$' } },
  properties: {
    replicaCount: { type: 'integer', minimum: 1 },
    mode: { type: 'string', enum: ['iptables', 'ipvs'] },
    resources: {
      type: 'object',
      properties: {
        limits: { type: 'object', properties: { memory: { $ref: '#/definitions/quantity' } } },
      },
    },
    tolerations: { type: 'array', items: { type: 'object', required: ['key'] } },
  },
});

describe('configuration values against an add-on schema', () => {
  it('accepts values that fit', () => {
    expect(
      configurationSchemaProblems(schema, {
        replicaCount: 3,
        mode: 'ipvs',
        resources: { limits: { memory: '170Mi' } },
        tolerations: [{ key: 'dedicated' }],
      }),
    ).toEqual([]);
  });

  it('names each place that does not, in ajv’s words', () => {
    expect(
      configurationSchemaProblems(schema, {
        replicaCount: 0,
        mode: 'nftables',
        colour: 'blue',
        resources: { limits: { memory: 'lots' } },
        tolerations: [{}],
      }),
    ).toEqual([
      '/replicaCount: must be >= 1',
      '/mode: must be equal to one of the allowed values: iptables, ipvs',
      '/colour: is not allowed by the schema',
      '/resources/limits/memory: must match pattern "^[0-9]+(Mi|Gi|m)?$"',
      "/tolerations/0: must have required property 'key'",
    ]);
    expect(configurationSchemaProblems(schema, { replicaCount: 'two' })).toEqual([
      '/replicaCount: must be integer',
    ]);
  });

  it('leaves values alone when there is no schema to hold them to, and lists the settings offered', () => {
    expect(configurationSchemaProblems('', { anything: true })).toEqual([]);
    expect(configurationSchemaKeys(schema)).toEqual([
      'replicaCount',
      'mode',
      'resources',
      'tolerations',
    ]);
  });
});
