import { readFileSync } from 'node:fs';
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

const CLUSTER = '/api/clusters/:accountId/:region/:name';

/**
 * Every `METHOD /path` in the first column of the README's route tables (the tables whose first
 * header is "route"), `...` spelled out, query and body examples left off. WebSocket routes are
 * left out: OpenAPI 3.1 has no operation for an upgrade.
 */
function readmeRoutes(): string[] {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const routes = new Set<string>();
  let inRouteTable = false;
  for (const line of readme.split('\n')) {
    if (!line.startsWith('|')) {
      inRouteTable = false;
      continue;
    }
    const first = line.split(/(?<!\\)\|/)[1]?.trim() ?? '';
    if (/^route\b/.test(first)) {
      inRouteTable = true;
      continue;
    }
    if (!inRouteTable || first.includes('(WebSocket)')) continue;
    for (const [, method, path] of first.matchAll(/`(GET|POST|PUT|PATCH|DELETE) ([^`?\s]+)/g)) {
      routes.add(`${method} ${path!.replace(/^\.\.\./, CLUSTER)}`);
    }
  }
  return [...routes];
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

  it('documents every route the README lists in its route tables', async () => {
    const auditor = await c.signIn('auditor');
    const document = await auditor.json<Document>('/api/openapi.json');
    expect((await new Validator().validate(document as never)).valid).toBe(true);
    // Parameter names differ between the hand-written tables (`:ns`) and the declarations.
    const shape = (path: string) => path.replace(/\{\w+\}|:\w+/g, '{}');
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${shape(path)}`),
      ),
    );
    const listed = readmeRoutes();
    expect(listed.length).toBeGreaterThanOrEqual(Object.keys(endpoints).length);
    for (const route of listed) {
      const [method, path] = route.split(' ') as [string, string];
      expect(documented, route).toContain(`${method} ${shape(path)}`);
    }
  });

  it('answers 401 without a session', async () => {
    const response = await fetch(`${c.url}/api/openapi.json`);
    expect(response.status).toBe(401);
  });
});
