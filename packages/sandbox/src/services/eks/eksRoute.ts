import type { RegionState, World } from '../../world/world.ts';
import type { ServiceContext } from '../service.ts';
import type { JsonInput, QueryInput } from './eksInput.ts';

/** One EKS call being served: the caller's region state and the request's members. */
export interface EksCall {
  context: ServiceContext;
  world: World;
  state: RegionState;
  /** Decoded URI labels: name, nodegroupName, fargateProfileName, updateId, resourceArn. */
  path: Record<string, string>;
  query: QueryInput;
  body: JsonInput;
}

/** An operation of the EKS REST-JSON API: method, URI template (from the model), handler. */
export interface EksRoute {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** As in the model's requestUri, e.g. "/clusters/{name}/node-groups/{nodegroupName}". */
  path: string;
  operation: string;
  /** Returns the output structure (JSON-ready). */
  run(call: EksCall): Promise<Record<string, unknown>>;
  /** The ARN IAM checks; defaults to the cluster in the path (or all clusters). */
  resource?(call: EksCall): string;
  /** Create*, Update* and Register* honour clientRequestToken. */
  idempotent?: boolean;
}
