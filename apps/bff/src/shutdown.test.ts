import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterList } from '@wheelhouse/contract';
import { ConsoleClient } from './testing/consoleClient.ts';
import { startConsoleOnSandbox, TEST_PASSWORD } from './testing/consoleOnSandbox.ts';

const TSX = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
const MAIN = resolve(import.meta.dirname, 'main.ts');

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = undefined;
  dataDir = undefined;
});

/** Starts `main.ts` as its own process, as `npm start` does, and answers its URL once it listens. */
function startConsoleProcess(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string }> {
  let output = '';
  child = spawn(TSX, [MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Wheelhouse is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl({ url: match[1]!, output: () => output });
      }
    };
    child!.stdout!.on('data', read);
    child!.stderr!.on('data', read);
    child!.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

const exitOf = (process: ChildProcess) =>
  new Promise<number | null>((done) => {
    if (process.exitCode !== null) done(process.exitCode);
    else process.once('exit', (code) => done(code));
  });

describe('SIGTERM', () => {
  it('lets a change that AWS takes 3 s to answer finish, completes its audit entry, then exits 0', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-shutdown-'));
    const { url, output } = await startConsoleProcess({
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_DEMO_PASSWORD: TEST_PASSWORD,
      WHEELHOUSE_LOG_FORMAT: 'json',
      WHEELHOUSE_LOG_LEVEL: 'warn',
      WHEELHOUSE_SANDBOX_FAULTS: JSON.stringify([
        { service: 'eks', operation: 'TagResource', latencyMs: 3000 },
      ]),
    });
    const operator = new ConsoleClient(url);
    await operator.signIn('operator', TEST_PASSWORD);
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const cluster = items.find((item) => item.status === 'ACTIVE' && item.version)!;

    const change = operator.request(
      'POST',
      `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/tags`,
      { add: { 'shutdown-test': 'kept' } },
    );
    // The change is on its way to AWS (3 s of injected latency) when the platform stops the pod.
    await new Promise((resolveWait) => setTimeout(resolveWait, 800));
    const sentAt = Date.now();
    child!.kill('SIGTERM');

    const response = await change;
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await exitOf(child!)).toBe(0);
    // It waited for the change rather than cutting it off.
    expect(Date.now() - sentAt).toBeGreaterThan(1500);
    expect(output()).toContain('Shutting down: finishing changes in flight');

    const db = new Database(join(dataDir, 'wheelhouse.db'), { readonly: true });
    try {
      const entries = db
        .prepare(
          `SELECT user, action, target, outcome, completed_at FROM audit WHERE action = 'cluster.tags'`,
        )
        .all() as { user: string; outcome: string; completed_at: string | null; target: string }[];
      expect(entries).toEqual([
        expect.objectContaining({
          user: 'operator',
          outcome: 'success',
          completed_at: expect.any(String),
        }),
      ]);
    } finally {
      db.close();
    }
  }, 90_000);
});

describe('shutdown', () => {
  it('closes event streams with a retry hint and waits for the change in flight', async () => {
    const c = await startConsoleOnSandbox({
      faults: [{ service: 'eks', operation: 'TagResource', latencyMs: 1500 }],
    });
    const operator = await c.signIn('operator');
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const cluster = items.find((item) => item.status === 'ACTIVE' && item.version)!;
    const base = `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}`;
    const stream = await operator.request('GET', `${base}/k8s/watch?kind=nodes`);
    expect(stream.status).toBe(200);
    const metricsBefore = await (await fetch(new URL('/metrics', c.url))).text();
    expect(metricsBefore).toMatch(/^wheelhouse_sse_streams_open [1-9]\d*$/m);

    const change = operator.request('POST', `${base}/tags`, { add: { during: 'shutdown' } });
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    const shutdown = c.shutdown(10_000);
    // The stream ends at once, telling EventSource when to come back (to another replica).
    const events = await stream.text();
    expect(events).toMatch(/retry: 2000\nevent: shutdown\n/);
    const changed = await change;
    expect(changed.status).toBe(200);
    expect(await shutdown).toEqual({ timedOut: false, unfinished: 0 });
  }, 60_000);
});
