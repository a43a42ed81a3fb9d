import * as sdk from '@aws-sdk/client-eks';
import type { Sandbox } from '../sandbox.ts';
import { waitFor } from '../waitFor.ts';
import { accountKeys, eksClient } from './awsClients.ts';

/** Runs a call and ignores its failure: the answer is what we record. */
const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

/**
 * The conformance scenario for OIDC identity provider configs and Pod
 * Identity associations: every operation on its success path and its usual
 * failures (second provider, bad issuer, unknown name or id, duplicate
 * service account, bad role).
 */
export async function driveIdentity(sandbox: Sandbox): Promise<void> {
  const eks = eksClient(sandbox, accountKeys(sandbox));
  const clusterName = 'search-prod';
  const oidc = {
    identityProviderConfigName: 'conformance-sso',
    issuerUrl: 'https://idp.example.com',
    clientId: 'kubernetes',
    groupsClaim: 'groups',
    groupsPrefix: 'oidc:',
  };
  await eks.send(new sdk.ListIdentityProviderConfigsCommand({ clusterName: 'checkout-prod' }));
  await eks.send(
    new sdk.DescribeIdentityProviderConfigCommand({
      clusterName: 'checkout-prod',
      identityProviderConfig: { type: 'oidc', name: 'corporate-sso' },
    }),
  );
  await attempt(
    eks.send(
      new sdk.DescribeIdentityProviderConfigCommand({
        clusterName,
        identityProviderConfig: { type: 'oidc', name: 'ghost' },
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.AssociateIdentityProviderConfigCommand({
        clusterName,
        oidc: { ...oidc, issuerUrl: 'http://idp.example.com' },
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.AssociateIdentityProviderConfigCommand({
        clusterName: 'checkout-prod',
        oidc,
      }),
    ),
  );
  await eks.send(
    new sdk.AssociateIdentityProviderConfigCommand({ clusterName, oidc, tags: { team: 'qa' } }),
  );
  await eks.send(new sdk.ListIdentityProviderConfigsCommand({ clusterName, maxResults: 1 }));
  const disassociate = new sdk.DisassociateIdentityProviderConfigCommand({
    clusterName,
    identityProviderConfig: { type: 'oidc', name: 'conformance-sso' },
  });
  // Refused while the association is in progress; accepted once the config is ACTIVE.
  await attempt(eks.send(disassociate));
  await waitFor(
    async () => {
      const { identityProviderConfig } = await eks.send(
        new sdk.DescribeIdentityProviderConfigCommand({
          clusterName,
          identityProviderConfig: { type: 'oidc', name: 'conformance-sso' },
        }),
      );
      return identityProviderConfig?.oidc?.status === 'ACTIVE';
    },
    { description: 'conformance-sso ACTIVE' },
  );
  await eks.send(disassociate);

  const created = await eks.send(
    new sdk.CreatePodIdentityAssociationCommand({
      clusterName,
      namespace: 'search',
      serviceAccount: 'indexer',
      roleArn: 'arn:aws:iam::123456789012:role/search-indexer',
      tags: { team: 'search' },
    }),
  );
  const associationId = created.association!.associationId!;
  await attempt(
    eks.send(
      new sdk.CreatePodIdentityAssociationCommand({
        clusterName,
        namespace: 'search',
        serviceAccount: 'indexer',
        roleArn: 'arn:aws:iam::123456789012:role/search-indexer',
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.CreatePodIdentityAssociationCommand({
        clusterName,
        namespace: 'search',
        serviceAccount: 'crawler',
        roleArn: 'not-a-role',
      }),
    ),
  );
  await eks.send(
    new sdk.ListPodIdentityAssociationsCommand({ clusterName, namespace: 'search', maxResults: 1 }),
  );
  await eks.send(new sdk.DescribePodIdentityAssociationCommand({ clusterName, associationId }));
  await attempt(
    eks.send(
      new sdk.DescribePodIdentityAssociationCommand({
        clusterName,
        associationId: 'a-00000000000000000',
      }),
    ),
  );
  await eks.send(
    new sdk.UpdatePodIdentityAssociationCommand({
      clusterName,
      associationId,
      roleArn: 'arn:aws:iam::123456789012:role/search-indexer-v2',
    }),
  );
  await eks.send(new sdk.DeletePodIdentityAssociationCommand({ clusterName, associationId }));
  await attempt(
    eks.send(new sdk.DeletePodIdentityAssociationCommand({ clusterName, associationId })),
  );
}
