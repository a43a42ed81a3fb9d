// Runs a sandbox in its own process for benchmarks, so it does not share the BFF's event loop.
// Options arrive as JSON in argv[2]; the first stdout line is {endpoint, accounts}.
import { startSandbox, type SandboxOptions } from '@wheelhouse/sandbox';

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
const sandbox = await startSandbox({ ...options, port: 0 });
process.stdout.write(
  `${JSON.stringify({ endpoint: sandbox.endpoint, accounts: sandbox.accounts })}\n`,
);
process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0))).resume();
