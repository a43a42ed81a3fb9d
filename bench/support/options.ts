import { parseArgs } from 'node:util';

/** `--pods N` after the benchmark's name (`npm run bench -- pods --pods 30000`); `fallback` when absent. */
export function podsOption<T extends number | undefined>(fallback: T): number | T {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { pods: { type: 'string' } },
    strict: false,
  });
  if (values.pods === undefined) return fallback;
  const count = Number(values.pods);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--pods: ${String(values.pods)}`);
  return count;
}
