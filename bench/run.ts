// `npm run bench`: runs every benchmark in turn; each prints its own figures.
import { inventoryBenchmark } from './inventory.bench.ts';

const benchmarks: [string, () => Promise<void>][] = [['inventory', inventoryBenchmark]];
const only = process.argv[2];
for (const [name, run] of benchmarks) {
  if (only && name !== only) continue;
  await run();
}
