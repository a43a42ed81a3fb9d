import * as sdk from '@aws-sdk/client-eks';
import type { Sandbox } from '../sandbox.ts';
import { accountKeys, eksClient } from './awsClients.ts';

/** Runs a call and ignores its failure: the answer is what we record. */
const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

/**
 * The conformance scenario for access entries and access policies: every
 * operation on its success path and its usual failures (unknown entry,
 * duplicate, CONFIG_MAP cluster, bad scope, unknown policy).
 */
export async function driveAccessEntries(sandbox: Sandbox): Promise<void> {
  const eks = eksClient(sandbox, accountKeys(sandbox));
  const clusterName = 'checkout-prod';
  const principalArn = 'arn:aws:iam::123456789012:role/conformance-readers';
  const viewPolicy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

  const policies = await eks.send(new sdk.ListAccessPoliciesCommand({ maxResults: 5 }));
  await eks.send(new sdk.ListAccessPoliciesCommand({ nextToken: policies.nextToken! }));
  const listed = await eks.send(new sdk.ListAccessEntriesCommand({ clusterName, maxResults: 2 }));
  await eks.send(new sdk.ListAccessEntriesCommand({ clusterName, nextToken: listed.nextToken! }));
  await eks.send(
    new sdk.ListAccessEntriesCommand({ clusterName, associatedPolicyArn: viewPolicy }),
  );
  await attempt(eks.send(new sdk.ListAccessEntriesCommand({ clusterName: 'legacy-billing' })));

  await eks.send(
    new sdk.CreateAccessEntryCommand({
      clusterName,
      principalArn,
      kubernetesGroups: ['readers'],
      tags: { team: 'qa' },
    }),
  );
  await attempt(eks.send(new sdk.CreateAccessEntryCommand({ clusterName, principalArn })));
  await attempt(
    eks.send(
      new sdk.CreateAccessEntryCommand({
        clusterName,
        principalArn: 'arn:aws:sts::123456789012:assumed-role/x/session',
      }),
    ),
  );
  await attempt(
    eks.send(new sdk.CreateAccessEntryCommand({ clusterName: 'legacy-billing', principalArn })),
  );
  await eks.send(new sdk.DescribeAccessEntryCommand({ clusterName, principalArn }));
  await attempt(
    eks.send(
      new sdk.DescribeAccessEntryCommand({
        clusterName,
        principalArn: 'arn:aws:iam::123456789012:role/ghost',
      }),
    ),
  );
  await eks.send(
    new sdk.UpdateAccessEntryCommand({ clusterName, principalArn, kubernetesGroups: ['viewers'] }),
  );
  await eks.send(
    new sdk.AssociateAccessPolicyCommand({
      clusterName,
      principalArn,
      policyArn: viewPolicy,
      accessScope: { type: 'namespace', namespaces: ['payments', 'web'] },
    }),
  );
  await attempt(
    eks.send(
      new sdk.AssociateAccessPolicyCommand({
        clusterName,
        principalArn,
        policyArn: viewPolicy,
        accessScope: { type: 'namespace' },
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.AssociateAccessPolicyCommand({
        clusterName,
        principalArn,
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/NoSuchPolicy',
        accessScope: { type: 'cluster' },
      }),
    ),
  );
  await eks.send(new sdk.ListAssociatedAccessPoliciesCommand({ clusterName, principalArn }));
  await eks.send(
    new sdk.DisassociateAccessPolicyCommand({ clusterName, principalArn, policyArn: viewPolicy }),
  );
  await attempt(
    eks.send(
      new sdk.DisassociateAccessPolicyCommand({ clusterName, principalArn, policyArn: viewPolicy }),
    ),
  );
  await eks.send(new sdk.DeleteAccessEntryCommand({ clusterName, principalArn }));
  await attempt(eks.send(new sdk.DeleteAccessEntryCommand({ clusterName, principalArn })));
}
