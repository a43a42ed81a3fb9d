import { endpoints as e, endpoints } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import { openApiDocument } from '../http/openapi.ts';
import type { RouteDef } from '../http/routing.ts';

export function openApiRoutes(): RouteDef[] {
  // Built once: the declarations do not change while the console runs.
  let document: ReturnType<typeof openApiDocument> | undefined;
  return [serve(e.openApi, () => (document ??= openApiDocument(endpoints, '0.1.0')))];
}
