import {
  CONSOLE_ROLE,
  READ_ONLY_ROLE,
  createAccount,
  roleArnOf,
  userArn,
  type AccountRecord,
} from '../accounts.ts';
import { seedAccessEntries } from './accessEntrySeed.ts';
import type { World } from '../world.ts';
import { releasedVersions, versionStatus } from '../versionCalendar.ts';
import { seedNodegroupCompute } from './computeSeed.ts';
import { seedFleetAddons } from './addonSeed.ts';
import { seedEksCluster } from './seedBuilders.ts';

/** A world for benchmarks: N accounts x regions x clusters, all ACTIVE. */
export interface GeneratedWorld {
  accounts: number;
  regions: string[];
  clustersPerRegion: number;
}

/** Account ids: the first is the demo's home account, so docs and keys stay familiar. */
export function generatedAccounts(spec: GeneratedWorld): AccountRecord[] {
  return Array.from({ length: Math.max(1, spec.accounts) }, (_, index) =>
    index === 0
      ? createAccount('123456789012', 'bench-000')
      : createAccount(String(200_000_000_000 + index), `bench-${String(index).padStart(3, '0')}`),
  );
}

export function seedGeneratedWorld(world: World, spec: GeneratedWorld): void {
  const now = world.now();
  const home = world.accounts[0]!;
  const versions = releasedVersions(now).filter(
    (entry) => versionStatus(entry, now) !== 'UNSUPPORTED',
  );
  const width = Math.max(4, String(spec.clustersPerRegion).length);
  for (const account of world.accounts) {
    for (const region of spec.regions) {
      for (let index = 0; index < spec.clustersPerRegion; index++) {
        const entry = versions[index % versions.length]!;
        const cluster = seedEksCluster(world, account.id, region, {
          name: `cluster-${String(index + 1).padStart(width, '0')}`,
          version: entry.version,
          createdAt: new Date(entry.releaseDate.getTime() + 10 * 86_400_000).toISOString(),
          tags: {
            team: `team-${index % 7}`,
            env: index % 3 === 0 ? 'prod' : 'dev',
            'cost-center': `cc-${1000 + (index % 11)}`,
          },
          nodegroups: [{ name: 'default', instanceTypes: ['m6i.large'], scaling: [1, 2, 4] }],
        });
        // The console reads as the home user, or through each account's roles.
        seedAccessEntries(cluster, {
          console: [
            userArn(home),
            ...[home, account].flatMap((owner) => [
              roleArnOf(owner, READ_ONLY_ROLE),
              roleArnOf(owner, CONSOLE_ROLE),
            ]),
          ],
        });
      }
    }
  }
  seedNodegroupCompute(world);
  seedFleetAddons(world);
}
