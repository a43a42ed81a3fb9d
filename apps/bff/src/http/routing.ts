import type { Request, Response, Router } from 'express';
import type { Role } from '@wheelhouse/contract';
import type { EndpointSpec, HttpMethod, RouteAccess } from '@wheelhouse/contract/endpoints';
import { ACCESS_POLICY } from '@wheelhouse/contract/constants';

/** Who may call a route (declared endpoints carry it in the contract). */
export type Access = RouteAccess;

export const ROLES_FOR: Record<Exclude<Access, 'public'>, readonly Role[]> = ACCESS_POLICY;

export type Method = HttpMethod;

/** One HTTP route of the API, declared with its access rule so it cannot be registered without one. */
export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  /** Name recorded in the audit log for attempts at this route, e.g. `nodegroup.scale`. */
  action?: string;
  /** The contract declaration the route serves; old-style routes have none. */
  endpoint?: EndpointSpec;
  handler: (req: Request, res: Response) => unknown;
}

export const isMutation = (method: Method) => method !== 'get';

export type AccessGuard = (
  route: RouteDef,
) => ((req: Request, res: Response, next: () => void) => void)[];

/** Registers routes, each behind the guards its access rule calls for. */
export function registerRoutes(router: Router, routes: RouteDef[], guard: AccessGuard): void {
  for (const route of routes) {
    if (isMutation(route.method) && route.access === 'read') {
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: a mutating route cannot be 'read'`,
      );
    }
    if (
      isMutation(route.method) &&
      (route.access === 'change' || route.access === 'admin') &&
      !route.action
    ) {
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: a change route must name its audit action`,
      );
    }
    router[route.method](route.path, ...guard(route), route.handler);
  }
}
