import { z } from 'zod';
import { ACCESS_POLICY } from '@wheelhouse/contract/constants';
import type { EndpointSpec, SchemaName } from '@wheelhouse/contract/endpoints';
import { schemaNamed } from './endpoint.ts';

/** The roles an access rule lets in, as the README and the OpenAPI document name them. */
export function rolesOf(endpoint: Pick<EndpointSpec, 'access'>): string[] {
  if (endpoint.access === 'public') return ['anyone'];
  const roles = [...ACCESS_POLICY[endpoint.access]];
  return endpoint.access === 'dashboard' ? [...roles, 'dashboard token'] : roles;
}

/** The problem statuses an endpoint can answer, from its access rule, its inputs and its own list. */
export function problemStatuses(endpoint: EndpointSpec): number[] {
  const statuses = new Set<number>(endpoint.problems ?? []);
  if (endpoint.params || endpoint.query || endpoint.body) statuses.add(400);
  if (endpoint.access !== 'public') statuses.add(401);
  if (endpoint.access === 'change' || endpoint.access === 'admin') statuses.add(403);
  if (endpoint.method !== 'get' && endpoint.access !== 'public') statuses.add(403);
  if (endpoint.access === 'change') statuses.add(502).add(503);
  if (endpoint.params) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

// Transforms and defaults have no JSON Schema: requests are described as sent, answers as received.
const jsonSchema = (name: SchemaName, io: 'input' | 'output') =>
  z.toJSONSchema(schemaNamed(name), { io, unrepresentable: 'any', target: 'draft-2020-12' });

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

type ParameterObject = { name: string; in: 'path' | 'query'; required: boolean; schema: unknown };

function parametersOf(name: SchemaName, where: 'path' | 'query'): ParameterObject[] {
  const schema = jsonSchema(name, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([param, property]) => ({
    name: param,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(param),
    schema: property,
  }));
}

/** An OpenAPI 3.1 document of the declared endpoints, from the contract's zod schemas. */
export function openApiDocument(endpoints: Record<string, EndpointSpec>, version: string) {
  const schemas: Record<string, unknown> = {
    Problem: jsonSchema('Problem', 'output'),
  };
  const paths: Record<string, Record<string, unknown>> = {};
  const use = (name: SchemaName, io: 'input' | 'output') => {
    const key = io === 'input' ? `${name}Input` : name;
    schemas[key] ??= jsonSchema(name, io);
    return ref(key);
  };
  for (const [operationId, endpoint] of Object.entries(endpoints)) {
    const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
    const status = String(endpoint.status ?? (endpoint.response ? 200 : 204));
    const success: Record<string, unknown> = { description: endpoint.summary };
    const content: Record<string, unknown> = {};
    if (endpoint.response)
      content['application/json'] = { schema: use(endpoint.response, 'output') };
    if (endpoint.produces) {
      content[endpoint.produces.type] = {
        schema: { type: 'string', description: endpoint.produces.description },
      };
    }
    if (Object.keys(content).length) success.content = content;
    const responses: Record<string, unknown> = { [status]: success };
    if (endpoint.orNoContent) responses['204'] = { description: 'no content' };
    for (const problem of problemStatuses(endpoint)) {
      responses[String(problem)] = {
        description: 'a problem (RFC 9457)',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      };
    }
    const roles = rolesOf(endpoint);
    paths[path] ??= {};
    paths[path][endpoint.method] = {
      operationId,
      summary: endpoint.summary,
      description: `Roles: ${roles.join(', ')}.${endpoint.action ? ` Audit action: \`${endpoint.action}\`.` : ''}`,
      'x-roles': roles,
      ...(endpoint.action ? { 'x-audit-action': endpoint.action } : {}),
      parameters: [
        ...(endpoint.params ? parametersOf(endpoint.params, 'path') : []),
        ...(endpoint.query ? parametersOf(endpoint.query, 'query') : []),
      ],
      ...(endpoint.body
        ? {
            requestBody: {
              required: endpoint.method !== 'delete',
              content: { 'application/json': { schema: use(endpoint.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...(endpoint.access === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Wheelhouse BFF', version },
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'wh_session' },
      },
    },
    security: [{ session: [] }],
    paths,
  };
}
