import { createAccount, type AccountRecord } from '../accounts.ts';
import type { World } from '../world.ts';
import { startUpdate } from '../eks/updates.ts';
import { findVersion } from '../versionCalendar.ts';
import { clusterArn } from '../eks/arns.ts';
import { seededRandom } from '../random.ts';
import type { ConnectedClusterRecord } from '../eks/types.ts';
import { seedDemoAccessEntries } from './accessEntrySeed.ts';
import { seedDemoIdentity } from './identitySeed.ts';
import { seedEksCluster, type ClusterDef } from './seedBuilders.ts';
import { PROD_CLUSTERS, DEV_CLUSTERS } from './demoClusters.ts';
import { seedNodegroupCompute } from './computeSeed.ts';
import { seedSelfManagedGroups } from './selfManagedGroups.ts';
import { seedDemoAddons } from './addonSeed.ts';
import { seedDeprecatedApiClients } from './apiClientSeed.ts';

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** The two demo accounts: production (home, whose keys the console uses) and development. */
export function demoAccounts(): AccountRecord[] {
  return [
    createAccount('123456789012', 'sandbox-prod'),
    createAccount('210987654321', 'sandbox-dev'),
  ];
}

/** Seeds the demo world: 14 EKS clusters in mixed states and 2 connected clusters; dev has nothing in ap-southeast-2. */
export function seedDemoWorld(world: World): void {
  const [prod, dev] = world.accounts as [AccountRecord, AccountRecord];
  const seed = (accountId: string, byRegion: Record<string, ClusterDef[]>) => {
    for (const [region, defs] of Object.entries(byRegion)) {
      for (const def of defs) seedEksCluster(world, accountId, region, def);
    }
  };
  seed(prod.id, PROD_CLUSTERS);
  seed(dev.id, DEV_CLUSTERS);
  // Touch the empty region so it exists (with its network) like the others.
  world.region(dev.id, 'ap-southeast-2');

  // analytics-next is still being created, slowly: ACTIVE after 45 simulated minutes.
  const creating = world.region(prod.id, 'us-east-1').clusters.get('analytics-next')!;
  world.scheduler.after(45 * 60_000, () => {
    if (creating.status === 'CREATING') creating.status = 'ACTIVE';
  });

  // search-prod is being upgraded 1.34 → 1.35; done after 15 simulated minutes.
  const upgrading = world.region(prod.id, 'us-east-1').clusters.get('search-prod')!;
  if (upgrading.kind === 'eks') {
    const target = findVersion('1.35')!;
    const update = startUpdate(
      world,
      upgrading,
      'VersionUpdate',
      [
        { type: 'Version', value: target.version },
        { type: 'PlatformVersion', value: target.platformVersion },
      ],
      15 * 60_000,
      () => {
        upgrading.version = target.version;
        upgrading.platformVersion = target.platformVersion;
        if (upgrading.status === 'UPDATING') upgrading.status = 'ACTIVE';
      },
    );
    update.createdAt = new Date(world.now().getTime() - 4 * 60_000);
  }

  seedConnectedClusters(world, prod.id, dev.id);
  seedDemoAccessEntries(world);
  seedDemoIdentity(world);
  seedNodegroupCompute(world);
  seedSelfManagedGroups(world);
  seedDemoAddons(world);
  seedDeprecatedApiClients(world);
}

function seedConnectedClusters(world: World, prodId: string, devId: string): void {
  const random = seededRandom('demo:connected');
  const now = world.now();
  const gkeCreated = new Date('2025-06-10T09:30:00Z');
  const gke: ConnectedClusterRecord = {
    kind: 'connected',
    name: 'gke-analytics',
    arn: clusterArn('us-east-1', prodId, 'gke-analytics'),
    accountId: prodId,
    region: 'us-east-1',
    createdAt: gkeCreated,
    status: 'ACTIVE',
    tags: { team: 'data', env: 'prod', 'cost-center': 'cc-2040' },
    health: [],
    connector: {
      activationId: random.uuid(),
      activationCode: random.hex(20),
      activationExpiry: new Date(gkeCreated.getTime() + world.timings.activationLifetimeMs),
      provider: 'GKE',
      roleArn: `arn:aws:iam::${prodId}:role/AmazonEKSConnectorAgentRole`,
    },
  };
  world.region(prodId, 'us-east-1').clusters.set(gke.name, gke);

  // Registered a day ago; its agent has not connected yet, the activation expires in two days.
  const aksCreated = new Date(now.getTime() - 24 * 3_600_000);
  const aks: ConnectedClusterRecord = {
    kind: 'connected',
    name: 'aks-partner',
    arn: clusterArn('eu-west-1', devId, 'aks-partner'),
    accountId: devId,
    region: 'eu-west-1',
    createdAt: aksCreated,
    status: 'PENDING',
    tags: { team: 'partners', env: 'dev', 'cost-center': 'cc-3100' },
    health: [],
    connector: {
      activationId: random.uuid(),
      activationCode: random.hex(20),
      activationExpiry: new Date(aksCreated.getTime() + world.timings.activationLifetimeMs),
      provider: 'AKS',
      roleArn: `arn:aws:iam::${devId}:role/AmazonEKSConnectorAgentRole`,
    },
  };
  world.region(devId, 'eu-west-1').clusters.set(aks.name, aks);
}
