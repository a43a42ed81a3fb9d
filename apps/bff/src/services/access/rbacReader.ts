import type { ClusterRef, SourceError } from '@wheelhouse/contract';
import type { KubeAccess } from '../../upstream/kubeAccess.ts';
import { KubeApiError } from '../../upstream/kubeClient.ts';
import type { RbacBinding, RbacObjects, RbacRole } from './whoCan.ts';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const KINDS = {
  roles: 'roles',
  clusterRoles: 'clusterroles',
  roleBindings: 'rolebindings',
  clusterRoleBindings: 'clusterrolebindings',
} as const;

/**
 * Lists the cluster's RBAC objects through its Kubernetes API. A kind the API does not serve (404)
 * or may not be read counts as none of it, named in `errors`, so the EKS half of the answer still shows.
 */
export function createRbacReader(kube: KubeAccess) {
  return {
    async read(ref: ClusterRef): Promise<{ objects: RbacObjects; errors: SourceError[] }> {
      const errors: SourceError[] = [];
      const objects: RbacObjects = {
        roles: [],
        clusterRoles: [],
        roleBindings: [],
        clusterRoleBindings: [],
      };
      const fail = (code: string, message: string) =>
        errors.push({
          accountId: ref.accountId,
          region: ref.region,
          cluster: ref.name,
          code,
          message,
        });
      let client;
      try {
        client = await kube.clientFor(ref);
      } catch (error) {
        fail('KubernetesUnavailable', `RBAC objects: ${(error as Error).message}`);
        return { objects, errors };
      }
      await Promise.all(
        (Object.keys(KINDS) as Array<keyof typeof KINDS>).map(async (key) => {
          try {
            const list = await client.get<{ items?: Array<RbacRole & RbacBinding> }>(
              `${RBAC}/${KINDS[key]}`,
            );
            objects[key] = list.items ?? [];
          } catch (error) {
            if (error instanceof KubeApiError) {
              fail(
                error.status === 404 ? 'NotServed' : error.reason || String(error.status),
                error.status === 404
                  ? `RBAC objects: the cluster's Kubernetes API does not serve ${RBAC}/${KINDS[key]} (404); counted as none.`
                  : `RBAC objects: Kubernetes answered ${error.status} for ${KINDS[key]}: ${error.message}`,
              );
            } else {
              fail(
                'KubernetesUnavailable',
                `RBAC objects (${KINDS[key]}): ${(error as Error).message}`,
              );
            }
          }
        }),
      );
      return { objects, errors };
    },
  };
}
export type RbacReader = ReturnType<typeof createRbacReader>;
