import { createPodIdentityAssociation } from '../eks/podIdentity.ts';
import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';

/**
 * checkout-prod's identity wiring: an OIDC provider for the company's SSO
 * (groups arrive as `sso:<group>`) and Pod Identity for two service accounts,
 * so the Access tab has something of each kind to show.
 */
export function seedDemoIdentity(world: World): void {
  for (const state of world.regionStates()) {
    const cluster = state.clusters.get('checkout-prod');
    if (cluster?.kind !== 'eks') continue;
    cluster.identityProviderConfigs.set('corporate-sso', {
      name: 'corporate-sso',
      arn: `arn:aws:eks:${cluster.region}:${cluster.accountId}:identityproviderconfig/${cluster.name}/oidc/corporate-sso/3ec9f1a2-7b44-4c1e-9d0a-5f8e2b6c1d47`,
      clusterName: cluster.name,
      issuerUrl: 'https://sso.example.com/realms/engineering',
      clientId: 'kubernetes',
      usernameClaim: 'email',
      usernamePrefix: 'sso:',
      groupsClaim: 'groups',
      groupsPrefix: 'sso:',
      requiredClaims: {},
      tags: { team: 'platform' },
      status: 'ACTIVE',
    });
    const random = seededRandom(`pod-identity:${cluster.arn}`);
    for (const [namespace, serviceAccount, role] of [
      ['payments', 'checkout-api', 'checkout-api-pods'],
      ['kube-system', 'aws-load-balancer-controller', 'aws-load-balancer-controller'],
    ] as const) {
      createPodIdentityAssociation(
        world,
        state,
        cluster.name,
        { namespace, serviceAccount, roleArn: `arn:aws:iam::${cluster.accountId}:role/${role}` },
        random,
      );
    }
  }
}
