// `npm run bench -- abuse`: the console under attack. Each part is its own file.
import { abuseSignInBenchmark } from './abuseSignIn.ts';

export async function abuseBenchmark(): Promise<void> {
  await abuseSignInBenchmark();
}
