// `npm run bench -- abuse`: the console under attack, each storm in its own file.
import { abuseSignInBenchmark } from './abuseSignIn.ts';
import { watchStormBenchmark } from './abuseWatch.ts';

export async function abuseBenchmark(): Promise<void> {
  await abuseSignInBenchmark();
  await watchStormBenchmark();
}
