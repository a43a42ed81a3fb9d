// `npm run bench -- abuse`: the console under attack, each storm in its own file.
import { watchStormBenchmark } from './abuseWatch.ts';

export async function abuseBenchmark(): Promise<void> {
  await watchStormBenchmark();
}
