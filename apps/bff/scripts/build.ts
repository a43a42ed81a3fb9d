// Bundles the BFF for `npm start`: our workspace code (bff, contract, sandbox) into dist/, third-party
// packages left to node_modules (native better-sqlite3, pino's workers and the SDK load as published).
// Running the bundle instead of TypeScript through tsx drops tsx's loader thread and compiler:
// about a third less memory at idle and a faster start (README, Benchmarks).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORKSPACES = ['apps/bff', 'packages/contract', 'packages/sandbox'];

function dependenciesOf(workspace: string): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {});
}

const external = [...new Set(WORKSPACES.flatMap(dependenciesOf))].filter(
  (name) => !name.startsWith('@wheelhouse/'),
);

await build({
  // The sandbox is a devDependency with its own entry (dist/sandbox.js): main.js imports it only in
  // sandbox mode, so a production install (`npm ci --omit=dev`) never needs it or its packages.
  entryPoints: {
    main: join(ROOT, 'apps/bff/src/main.ts'),
    sandbox: join(ROOT, 'packages/sandbox/src/index.ts'),
  },
  outdir: join(ROOT, 'apps/bff/dist'),
  bundle: true,
  // Code main.js and sandbox.js share goes to chunks/; the sandbox is never loaded in aws mode.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
