import type { Request, Response, Router } from 'express';
import type { Role } from '@wheelhouse/contract';
import { ACCESS_POLICY } from '@wheelhouse/contract/constants';

/** Who may call a route. Mutating routes also need the session's CSRF token, except `public` ones. */
export type Access =
  /** Anyone, signed in or not (health, sign-in). */
  | 'public'
  /** Any signed-in user, acting on their own session. */
  | 'session'
  /** Any signed-in user: reads. */
  | 'read'
  /** Any signed-in user, or a wall screen holding a dashboard token: the dashboard's reads only. */
  | 'dashboard'
  /** Operators and admins: changes to AWS resources. */
  | 'change'
  /** Admins only. */
  | 'admin';

export const ROLES_FOR: Record<Exclude<Access, 'public'>, readonly Role[]> = ACCESS_POLICY;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One HTTP route of the API, declared with its access rule so it cannot be registered without one. */
export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  /** Name recorded in the audit log for attempts at this route, e.g. `nodegroup.scale`. */
  action?: string;
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
