import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@wheelhouse/contract/endpoints';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

interface Operation {
  'x-roles': string[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document with every declared endpoint, its roles and its error bodies', async () => {
    const auditor = await c.signIn('auditor');
    const document = await auditor.json<Document>('/api/openapi.json');
    const validator = new Validator();
    const result = await validator.validate(
      document as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    for (const endpoint of Object.values(endpoints)) {
      const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[endpoint.method];
      expect(operation, `${endpoint.method} ${path}`).toBeDefined();
      expect(operation!['x-roles'].length, path).toBeGreaterThan(0);
      if (endpoint.access !== 'public') {
        expect(
          operation!.responses['401']?.content?.['application/problem+json']?.schema.$ref,
        ).toBe('#/components/schemas/Problem');
      }
    }
    const scale =
      document.paths['/api/clusters/{accountId}/{region}/{name}/nodegroups/{nodegroup}/scaling']!
        .post!;
    expect(scale['x-roles']).toEqual(['admin', 'operator']);
    expect(Object.keys(scale.responses)).toEqual(expect.arrayContaining(['202', '400', '403']));
  });

  it('answers 401 without a session', async () => {
    const response = await fetch(`${c.url}/api/openapi.json`);
    expect(response.status).toBe(401);
  });
});
