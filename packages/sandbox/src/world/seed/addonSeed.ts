import { randomUUID } from 'node:crypto';
import { compatibleVersions, findCatalogueAddon } from '../eks/addonCatalogue.ts';
import { addonArn } from '../eks/addons.ts';
import type { AddonRecord, EksClusterRecord, HealthIssue } from '../eks/types.ts';
import { hashSeed } from '../random.ts';
import type { World } from '../world.ts';

/**
 * The seeded clusters' add-ons: every running EKS cluster has vpc-cni,
 * coredns and kube-proxy, most have the EBS CSI driver and the Pod Identity
 * agent; some run older builds than the default, one is DEGRADED, one has a
 * field someone edited by hand (a conflict for the next update).
 */

const CORE = ['vpc-cni', 'coredns', 'kube-proxy'];
const OPTIONAL = ['aws-ebs-csi-driver', 'eks-pod-identity-agent'];

/** Which build a seeded add-on runs: 0 newest; older for some clusters, chosen by name so the world is stable. */
function seededVersion(cluster: EksClusterRecord, addonName: string): string | undefined {
  const entry = findCatalogueAddon(addonName);
  const compatible = entry ? compatibleVersions(entry, cluster.version) : [];
  if (compatible.length === 0) return undefined;
  const age = hashSeed(`addon:${cluster.arn}:${addonName}`) % 3;
  return compatible[Math.min(age, compatible.length - 1)]!.addonVersion;
}

export function seedAddon(
  cluster: EksClusterRecord,
  addonName: string,
  addonVersion: string,
  extra: Partial<Pick<AddonRecord, 'status' | 'health' | 'conflicts'>> = {},
): AddonRecord {
  const createdAt = new Date(cluster.createdAt.getTime() + 20 * 60_000);
  const addon: AddonRecord = {
    name: addonName,
    arn: addonArn(cluster, addonName, randomUUID()),
    clusterName: cluster.name,
    status: 'ACTIVE',
    addonVersion,
    health: [],
    createdAt,
    modifiedAt: createdAt,
    podIdentityAssociations: [],
    tags: {},
    conflicts: [],
    updates: [],
    ...extra,
  };
  cluster.addons.set(addonName, addon);
  return addon;
}

const DEGRADED: HealthIssue = {
  code: 'InsufficientNumberOfReplicas',
  message: "The add-on is unhealthy because it doesn't have the desired number of replicas.",
  resourceIds: ['kube-system/coredns'],
};

/** The usual add-ons on every running EKS cluster of the world (some builds behind). */
export function seedFleetAddons(world: World): void {
  for (const state of world.regionStates()) {
    for (const cluster of state.clusters.values()) {
      if (cluster.kind !== 'eks' || cluster.status === 'CREATING') continue;
      const optional = OPTIONAL.filter(
        (name) => hashSeed(`addon-optional:${cluster.arn}:${name}`) % 4 !== 0,
      );
      for (const name of [...CORE, ...optional]) {
        const version = seededVersion(cluster, name);
        if (version) seedAddon(cluster, name, version);
      }
    }
  }
}

/** The fleet's add-ons plus the demo's trouble: a DEGRADED coredns and a hand-edited one. */
export function seedDemoAddons(world: World): void {
  seedFleetAddons(world);
  const prod = world.accounts[0]!.id;
  const ml = world.region(prod, 'eu-west-1').clusters.get('ml-training');
  const coredns = ml?.kind === 'eks' ? ml.addons.get('coredns') : undefined;
  if (coredns) {
    coredns.status = 'DEGRADED';
    coredns.health = [DEGRADED];
  }
  const tools = world.region(prod, 'us-east-1').clusters.get('platform-tools');
  const toolsDns = tools?.kind === 'eks' ? tools.addons.get('coredns') : undefined;
  if (toolsDns) toolsDns.conflicts = ['ConfigMap coredns - .data.Corefile'];
}
