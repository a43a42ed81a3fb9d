/**
 * The constants the BFF, the web and the tests share, defined once. This entry imports nothing (no
 * zod), so the web's first bundle can use it without pulling in the contract's schemas:
 * `import { CSRF_HEADER } from '@wheelhouse/contract/constants'`.
 */

export const ROLES = ['admin', 'operator', 'auditor'] as const;
export type RoleName = (typeof ROLES)[number];

/**
 * The role policy: which roles each kind of route admits. The BFF guards every route with it and the
 * web shows change controls by it, so the two cannot disagree.
 */
export const ACCESS_POLICY = {
  /** Signing out, reading one's own session. */
  session: ROLES,
  /** Every read of the fleet and the audit log. */
  read: ROLES,
  /** The wall dashboard (also open to dashboard tokens). */
  dashboard: ROLES,
  /** Changes to EKS and Kubernetes resources. */
  change: ['admin', 'operator'],
  /** Users, dashboard tokens, the console itself. */
  admin: ['admin'],
} as const satisfies Record<string, readonly RoleName[]>;
export type AccessKind = keyof typeof ACCESS_POLICY;

/** Roles allowed to change EKS resources. */
export const CHANGE_ROLES: readonly RoleName[] = ACCESS_POLICY.change;

/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

export const LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;

/** The five control-plane log types, as the EKS console names them. */
export const LOG_TYPE_LABELS: Record<(typeof LOG_TYPES)[number], string> = {
  api: 'API server',
  audit: 'Audit',
  authenticator: 'Authenticator',
  controllerManager: 'Controller manager',
  scheduler: 'Scheduler',
};

/** The providers RegisterCluster accepts for a connected cluster (EKS Connector). */
export const CONNECTOR_PROVIDERS = [
  'EKS_ANYWHERE',
  'ANTHOS',
  'GKE',
  'AKS',
  'OPENSHIFT',
  'TANZU',
  'RANCHER',
  'EC2',
  'OTHER',
] as const;
