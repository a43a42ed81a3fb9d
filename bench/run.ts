// `npm run bench`: runs every benchmark in turn (or the one named), each printing its own figures.
import { abuseBenchmark } from './abuse.ts';
import { fleetBenchmark } from './fleet.bench.ts';
import { inventoryBenchmark } from './inventory.bench.ts';
import { podsBenchmark } from './pods.bench.ts';
import { replicasBenchmark } from './replicas.bench.ts';
import { searchBenchmark } from './search.bench.ts';

const benchmarks: [string, () => Promise<void>][] = [
  ['inventory', inventoryBenchmark],
  ['pods', podsBenchmark],
  ['search', searchBenchmark],
  ['abuse', abuseBenchmark],
  ['fleet', fleetBenchmark],
  ['replicas', replicasBenchmark],
];
const only = process.argv[2];
for (const [name, run] of benchmarks) {
  if (only && name !== only) continue;
  await run();
}
