import { findResourceType, type ResourceType } from '../objects/resourceTypes.ts';
import { kubeErrors } from './status.ts';

/** A request for a resource, parsed from its URL as the API server's request info resolver does. */
export interface ResourceRequest {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Parses the segments after /api/v1 or /apis/<group>/<version>:
 * `<plural>[/<name>[/<sub>]]` or `namespaces/<ns>/<plural>[/<name>[/<sub>]]`
 * (`namespaces/<name>` itself is the namespace).
 */
export function parseResourcePath(
  group: string,
  version: string,
  segments: string[],
): ResourceRequest {
  let namespace: string | undefined;
  let rest = segments;
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    namespace = segments[1]!;
    rest = segments.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const type = plural ? findResourceType(group, version, plural) : undefined;
  if (!type || extra.length > 0) throw kubeErrors.pathNotFound();
  if (namespace !== undefined && !type.namespaced) throw kubeErrors.pathNotFound();
  if (subresource !== undefined && !type.subresources.some((sub) => sub.name === subresource)) {
    throw kubeErrors.pathNotFound();
  }
  return {
    type,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
  };
}

/** The authorization verb of an HTTP request on a resource. */
export function verbOf(method: string, request: ResourceRequest, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (request.name !== undefined) return 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return request.name !== undefined ? 'delete' : 'deletecollection';
    default:
      throw kubeErrors.methodNotAllowed(method);
  }
}
