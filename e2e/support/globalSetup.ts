import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts the real console (built SPA + BFF + embedded sandbox) on a free port, as `npm start` does,
 * and hands its URL, the sandbox's endpoint and the demo password to the specs through the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-e2e-'));
  const password = `e2e-${Math.random().toString(36).slice(2)}`;
  // The bundle `npm start` runs (built by `npm run test:e2e`), not the TypeScript sources.
  const bundle = join(ROOT, 'apps/bff/dist/main.js');
  if (!existsSync(bundle))
    throw new Error(`${bundle} is missing: run the specs with npm run test:e2e`);
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    cwd: ROOT,
    env: {
      ...process.env,
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_DEMO_PASSWORD: password,
      WHEELHOUSE_LOG_LEVEL: 'warn',
      WHEELHOUSE_SANDBOX_SPEED: process.env.WHEELHOUSE_SANDBOX_SPEED ?? '20',
      // The console stops when this runner goes away, even if it is killed.
      WHEELHOUSE_EXIT_ON_STDIN_END: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });

  // main.ts prints the console's URL, then the embedded sandbox's endpoint (its admin API drives scenarios).
  const urls = await new Promise<{ url: string; sandbox: string }>((resolveUrls, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the console did not start within 60 s')),
      60_000,
    );
    child.once('exit', (code) =>
      reject(new Error(`the console exited during start (code ${code})`)),
    );
    let url = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      url ||= /Wheelhouse is running at (\S+)/.exec(line)?.[1] ?? '';
      const sandbox = /Sandbox AWS endpoint: (\S+)/.exec(line)?.[1];
      if (url && sandbox) {
        clearTimeout(timer);
        resolveUrls({ url, sandbox });
      }
    });
  });
  process.env.WHEELHOUSE_E2E_URL = urls.url;
  process.env.WHEELHOUSE_E2E_SANDBOX = urls.sandbox;
  process.env.WHEELHOUSE_E2E_PASSWORD = password;

  return async () => {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
