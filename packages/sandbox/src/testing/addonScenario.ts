import * as sdk from '@aws-sdk/client-eks';
import type { Sandbox } from '../sandbox.ts';
import { waitFor } from '../waitFor.ts';
import { accountKeys, eksClient } from './awsClients.ts';

/** Runs a call and ignores its failure: the answer is what we record. */
const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

/**
 * The conformance scenario for EKS add-ons: the catalogue, install, update
 * (its AddonUpdate record), remove, and the usual refusals (unknown add-on,
 * incompatible version, second install, update while UPDATING, bad enum,
 * configuration values the build's schema refuses) and the configuration schemas.
 */
export async function driveAddons(sandbox: Sandbox): Promise<void> {
  const eks = eksClient(sandbox, accountKeys(sandbox));
  const clusterName = 'checkout-prod';
  await eks.send(new sdk.DescribeAddonVersionsCommand({}));
  const insights = await eks.send(
    new sdk.ListInsightsCommand({ clusterName, filter: { categories: ['UPGRADE_READINESS'] } }),
  );
  for (const insight of insights.insights ?? [])
    await eks.send(new sdk.DescribeInsightCommand({ clusterName, id: insight.id! }));
  await attempt(eks.send(new sdk.DescribeInsightCommand({ clusterName, id: 'ghost' })));
  // legacy-billing has clients of removed APIs (client stats, resources) and a DEGRADED node group.
  const legacy = await eks.send(new sdk.ListInsightsCommand({ clusterName: 'legacy-billing' }));
  for (const insight of legacy.insights ?? [])
    await eks.send(
      new sdk.DescribeInsightCommand({ clusterName: 'legacy-billing', id: insight.id! }),
    );
  await eks.send(
    new sdk.DescribeAddonVersionsCommand({ kubernetesVersion: '1.34', addonName: 'coredns' }),
  );
  await eks.send(new sdk.DescribeAddonVersionsCommand({ maxResults: 2 }));
  await attempt(eks.send(new sdk.DescribeAddonVersionsCommand({ maxResults: 0 })));
  await eks.send(
    new sdk.DescribeAddonConfigurationCommand({
      addonName: 'coredns',
      addonVersion: 'v1.12.1-eksbuild.2',
    }),
  );
  await eks.send(
    new sdk.DescribeAddonConfigurationCommand({
      addonName: 'vpc-cni',
      addonVersion: 'v1.20.4-eksbuild.2',
    }),
  );
  await attempt(
    eks.send(
      new sdk.DescribeAddonConfigurationCommand({
        addonName: 'ghost',
        addonVersion: 'v1.0.0-eksbuild.1',
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.DescribeAddonConfigurationCommand({
        addonName: 'coredns',
        addonVersion: 'v0.0.1-eksbuild.1',
      }),
    ),
  );
  await eks.send(new sdk.ListAddonsCommand({ clusterName }));
  await eks.send(new sdk.ListAddonsCommand({ clusterName, maxResults: 1 }));
  await attempt(eks.send(new sdk.ListAddonsCommand({ clusterName: 'ghost' })));
  await eks.send(new sdk.DescribeAddonCommand({ clusterName, addonName: 'vpc-cni' }));
  await attempt(eks.send(new sdk.DescribeAddonCommand({ clusterName, addonName: 'ghost' })));
  await attempt(eks.send(new sdk.CreateAddonCommand({ clusterName, addonName: 'vpc-cni' })));
  await attempt(eks.send(new sdk.CreateAddonCommand({ clusterName, addonName: 'not-an-addon' })));
  await attempt(
    eks.send(
      new sdk.CreateAddonCommand({
        clusterName,
        addonName: 'amazon-cloudwatch-observability',
        addonVersion: 'v0.0.1-eksbuild.1',
      }),
    ),
  );
  await attempt(
    eks.send(
      new sdk.CreateAddonCommand({
        clusterName,
        addonName: 'amazon-cloudwatch-observability',
        configurationValues: '{"containerLogs":{"enabled":"yes"}}',
      }),
    ),
  );
  await eks.send(
    new sdk.CreateAddonCommand({
      clusterName,
      addonName: 'amazon-cloudwatch-observability',
      configurationValues: '{"containerLogs":{"enabled":false}}',
      tags: { team: 'qa' },
    }),
  );
  await waitFor(async () => {
    const { addon } = await eks.send(
      new sdk.DescribeAddonCommand({ clusterName, addonName: 'amazon-cloudwatch-observability' }),
    );
    return addon?.status === 'ACTIVE';
  });
  const { addonVersion } = (
    await eks.send(new sdk.DescribeAddonCommand({ clusterName, addonName: 'kube-proxy' }))
  ).addon!;
  const { update } = await eks.send(
    new sdk.UpdateAddonCommand({
      clusterName,
      addonName: 'kube-proxy',
      addonVersion: addonVersion!,
      resolveConflicts: 'OVERWRITE',
    }),
  );
  await attempt(eks.send(new sdk.UpdateAddonCommand({ clusterName, addonName: 'kube-proxy' })));
  await attempt(
    eks.send(
      new sdk.UpdateAddonCommand({
        clusterName,
        addonName: 'vpc-cni',
        resolveConflicts: 'SOMETIMES' as sdk.ResolveConflicts,
      }),
    ),
  );
  await eks.send(new sdk.ListUpdatesCommand({ name: clusterName, addonName: 'kube-proxy' }));
  await eks.send(
    new sdk.DescribeUpdateCommand({
      name: clusterName,
      updateId: update!.id!,
      addonName: 'kube-proxy',
    }),
  );
  await eks.send(
    new sdk.DeleteAddonCommand({
      clusterName,
      addonName: 'amazon-cloudwatch-observability',
      preserve: true,
    }),
  );
  await attempt(eks.send(new sdk.DeleteAddonCommand({ clusterName, addonName: 'ghost' })));
}
