import type { IncomingMessage } from 'node:http';
import { kubeErrors } from '../api/status.ts';
import type { ObjectStore } from '../objects/objectStore.ts';
import { forbidden, isAllowed, type KubeUser, type RequestAttributes } from './authorizer.ts';
import { rbacAllows } from './rbac.ts';

/**
 * EKS evaluates its access policies alongside RBAC: a request is allowed when either allows it
 * (system:masters and the policies are in `user.grants`, RBAC bindings in the cluster's objects).
 */
export function allows(store: ObjectStore, user: KubeUser, request: RequestAttributes): boolean {
  return isAllowed(user, request) || rbacAllows(store, user, request);
}

function headerValues(req: IncomingMessage, name: string): string[] {
  return (req.headersDistinct[name] ?? []).map((value) => value.trim()).filter(Boolean);
}

/**
 * The API server's impersonation filter: with `Impersonate-User` (and any `Impersonate-Group`), the
 * authenticated caller must be allowed to `impersonate` that user and each group, and the request then
 * runs as them (plus system:authenticated), with no EKS access policies of its own: an impersonated name
 * is no IAM principal. Without the headers the request runs as the caller.
 */
export function impersonate(req: IncomingMessage, store: ObjectStore, caller: KubeUser): KubeUser {
  const [username, ...more] = headerValues(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  if (username === undefined) {
    if (groups.length > 0) {
      throw kubeErrors.badRequest(
        `requested [${groups.map((group) => `{Group  ${group}  }`).join(' ')}] without impersonating a user`,
      );
    }
    return caller;
  }
  if (more.length > 0) throw kubeErrors.badRequest('only one Impersonate-User header may be given');
  const checks: RequestAttributes[] = [
    { verb: 'impersonate', group: '', resource: 'users', name: username },
    ...groups.map((group) => ({
      verb: 'impersonate',
      group: '',
      resource: 'groups',
      name: group,
    })),
  ];
  for (const check of checks) {
    if (!allows(store, caller, check)) throw forbidden(caller, check);
  }
  const asGroups = groups.includes('system:authenticated')
    ? groups
    : [...groups, 'system:authenticated'];
  return { username, groups: asGroups, grants: [] };
}
