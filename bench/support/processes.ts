import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');

function startNode(nodeArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE]
    : [];
  return spawn(process.execPath, [...profile, ...nodeArgs], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** Starts a TypeScript entry point under Node with tsx; it stops when our stdin pipe closes. */
export function startTs(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return startNode(['--import', 'tsx', join(ROOT, entry), ...args], env);
}

/** Starts the BFF as `npm start` runs it: the bundle `npm run bench` builds first. */
export function startBff(env: NodeJS.ProcessEnv): ChildProcess {
  const bundle = join(ROOT, 'apps/bff/dist/main.js');
  if (!existsSync(bundle))
    throw new Error(`${bundle} is missing: run the benchmarks with npm run bench`);
  return startNode(['--enable-source-maps', bundle], env);
}

export const BENCH_PASSWORD = 'benchmark-password';

/**
 * The BFF on its embedded sandbox in a fresh data directory, demo users sharing BENCH_PASSWORD;
 * `cleanUp` stops nothing, it only removes the data directory once the BFF is stopped.
 */
export function startSandboxBff(name: string): {
  bff: ChildProcess;
  password: string;
  cleanUp: () => void;
} {
  const dataDir = mkdtempSync(join(tmpdir(), `wheelhouse-bench-${name}-`));
  const bff = startBff({
    WHEELHOUSE_BACKEND: 'sandbox',
    WHEELHOUSE_PORT: '0',
    WHEELHOUSE_DATA_DIR: dataDir,
    WHEELHOUSE_DEMO_PASSWORD: BENCH_PASSWORD,
    WHEELHOUSE_LOG_LEVEL: 'warn',
    WHEELHOUSE_EXIT_ON_STDIN_END: '1',
  });
  return {
    bff,
    password: BENCH_PASSWORD,
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Resolves once stdout has shown a line matching each pattern (in any order), with the matches. */
export function waitForLines(
  child: ChildProcess,
  patterns: RegExp[],
  timeoutMs = 120_000,
): Promise<RegExpExecArray[]> {
  return new Promise((resolveLines, reject) => {
    const found: (RegExpExecArray | undefined)[] = patterns.map(() => undefined);
    const timer = setTimeout(
      () => reject(new Error(`no lines matching ${patterns.join(', ')} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`process exited (${code}) before printing ${patterns.join(', ')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      patterns.forEach((pattern, index) => (found[index] ??= pattern.exec(line) ?? undefined));
      if (found.every(Boolean)) {
        clearTimeout(timer);
        resolveLines(found as RegExpExecArray[]);
      }
    });
  });
}

/** Resolves with the first stdout line that matches. */
export async function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<RegExpExecArray> {
  return (await waitForLines(child, [pattern], timeoutMs))[0]!;
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.stdin?.end();
    setTimeout(() => child.kill('SIGTERM'), 2_000).unref();
  });
}

/** Resident set size of a process now (Linux VmRSS), in MiB: sampled to find a peak within a phase. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Peak resident set size of a process so far (Linux VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

/** Adds a console user with the CLI, as an operator would. */
export function addUser(dataDir: string, name: string, role: string, password: string): void {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'apps/bff/src/cli.ts'),
      'users',
      'add',
      name,
      '--role',
      role,
      '--password-stdin',
    ],
    {
      cwd: ROOT,
      input: `${password}\n`,
      env: { ...process.env, WHEELHOUSE_DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`users add failed: ${result.stderr}`);
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU time (user + system) a process has used so far, from /proc, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are the 12th and 13th fields after the command; in clock ticks (100 Hz on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
