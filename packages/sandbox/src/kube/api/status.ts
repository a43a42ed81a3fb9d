/** A failure the Kubernetes API answers with a Status object. */
export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The Status body of an error answer, as the API server writes it. */
export function statusBody(error: KubeStatusError): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: error.reason,
    ...(error.details ? { details: error.details } : {}),
    code: error.code,
  };
}

export const kubeErrors = {
  unauthorized: () => new KubeStatusError(401, 'Unauthorized', 'Unauthorized'),
  notFound: (resource: string, name: string, group = '') =>
    new KubeStatusError(
      404,
      'NotFound',
      `${group ? `${resource}.${group}` : resource} "${name}" not found`,
      { name, ...(group ? { group } : {}), kind: resource },
    ),
  pathNotFound: () =>
    new KubeStatusError(404, 'NotFound', 'the server could not find the requested resource'),
  badRequest: (message: string) => new KubeStatusError(400, 'BadRequest', message),
  methodNotAllowed: (method: string) =>
    new KubeStatusError(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method})`,
    ),
  conflict: (message: string) => new KubeStatusError(409, 'Conflict', message),
  alreadyExists: (message: string) => new KubeStatusError(409, 'AlreadyExists', message),
  invalid: (message: string) => new KubeStatusError(422, 'Invalid', message),
  expired: (message: string) => new KubeStatusError(410, 'Expired', message),
  gone: (message: string) => new KubeStatusError(410, 'Gone', message),
  unsupportedMediaType: (type: string) =>
    new KubeStatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got ${type})`,
    ),
};
