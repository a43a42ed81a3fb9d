import type { Session } from './sessions.ts';

/** The person a Kubernetes request acts for: impersonated by the BFF (upstream/kubeClient.ts). */
export interface KubeUserIdentity {
  user: string;
  groups: string[];
}

/**
 * A session's Kubernetes identity: the user name, the identity provider's groups, and one group
 * for the console role (`wheelhouse:<role>`), so clusters can bind local users' roles too.
 */
export function kubeIdentityOf(
  session: Pick<Session, 'user' | 'role' | 'groups'>,
): KubeUserIdentity {
  const role = `wheelhouse:${session.role}`;
  return {
    user: session.user,
    groups: [...session.groups.filter((group) => group !== role), role],
  };
}
