import type { Request, Response } from 'express';
import type { z } from 'zod';
import * as schemas from '@wheelhouse/contract';
import type {
  EndpointSpec,
  ParsedBodyOf,
  ParsedParamsOf,
  ParsedQueryOf,
  ResponseOf,
  SchemaName,
} from '@wheelhouse/contract/endpoints';
import { changeContextOf } from '../auth/access.ts';
import type { ChangeContext } from '../services/changeRunner.ts';
import type { RouteDef } from './routing.ts';
import { parseInput } from './validate.ts';

/** What a handler of a declared endpoint gets: its input parsed by the contract's schemas. */
export interface EndpointInput<E extends EndpointSpec> {
  params: ParsedParamsOf<E>;
  query: ParsedQueryOf<E>;
  body: ParsedBodyOf<E>;
  /** Who asks, for the audit entry and AssumeRole of a change. */
  change: () => ChangeContext;
  req: Request;
  res: Response;
}

/**
 * Returns the success body (sent as JSON with the declared status), or `undefined` for 204; a
 * handler that streams or redirects writes to `res` itself, and nothing more is sent.
 */
export type EndpointHandler<E extends EndpointSpec> = (
  input: EndpointInput<E>,
) => ResponseOf<E> | void | Promise<ResponseOf<E> | void>;

export const schemaNamed = (name: SchemaName): z.ZodType => schemas[name];

const parse = (name: SchemaName | undefined, input: unknown): unknown =>
  name === undefined ? undefined : parseInput(schemaNamed(name), input);

/** The route of a declared endpoint: method, path, access and audit action all come from the contract. */
export function serve<E extends EndpointSpec>(endpoint: E, handler: EndpointHandler<E>): RouteDef {
  return {
    method: endpoint.method,
    path: endpoint.path,
    access: endpoint.access,
    ...(endpoint.action ? { action: endpoint.action } : {}),
    endpoint,
    handler: async (req, res) => {
      const params = parse(endpoint.params, req.params);
      const query = parse(endpoint.query, req.query);
      // A DELETE may come without a body; its confirmation fields are then reported missing.
      const body = parse(endpoint.body, endpoint.method === 'delete' ? (req.body ?? {}) : req.body);
      const result = await handler({
        params,
        query,
        body,
        change: () => changeContextOf(req, res),
        req,
        res,
      } as EndpointInput<E>);
      if (res.headersSent || res.destroyed) return;
      if (result === undefined) res.status(204).end();
      else res.status(endpoint.status ?? 200).json(result);
    },
  };
}
