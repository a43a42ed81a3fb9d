import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ClusterList } from '@wheelhouse/contract';
import { openDatabase } from './db/database.ts';
import { ConsoleClient } from './testing/consoleClient.ts';

const MAIN = resolve(import.meta.dirname, 'main.ts');
const PASSWORD = 'abandoned-change-test';
const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-kill9-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the console as its own process on `dir`; resolves with its URL once it listens. */
function startConsole(env: Record<string, string> = {}) {
  // node itself with tsx's loader (not the tsx CLI, which would run it as a grandchild): SIGKILL
  // then ends the console's own process.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: dir,
      WHEELHOUSE_DEMO_PASSWORD: PASSWORD,
      WHEELHOUSE_INSTANCE_ID: 'console-1',
      WHEELHOUSE_LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise<{ child: ChildProcess; url: string }>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Wheelhouse is running at (\S+)/.exec(out)?.[1];
      if (url) done({ child, url });
    });
    child.once('exit', (code) => fail(new Error(`console exited (${code}) before listening`)));
  });
}

async function tagEntries(): Promise<Pick<AuditEntry, 'outcome' | 'instance'>[]> {
  const db = openDatabase(dir);
  try {
    return await db.kysely
      .selectFrom('audit')
      .select(['outcome', 'instance'])
      .where('action', '=', 'cluster.tags')
      .execute()
      .then((rows) => rows.map((row) => ({ outcome: row.outcome, instance: row.instance ?? '' })));
  } finally {
    await db.close();
  }
}

describe('a console killed in the middle of a change', () => {
  it('leaves the change as unknown after its restart, not pending forever', async () => {
    // EKS takes its time over the tag change, so the process dies while the call is in flight.
    const first = await startConsole({
      WHEELHOUSE_SANDBOX_FAULTS: JSON.stringify([
        { service: 'eks', operation: 'TagResource', latencyMs: 60_000 },
      ]),
    });
    const operator = new ConsoleClient(first.url);
    await operator.signIn('operator', PASSWORD);
    const cluster = (await operator.json<ClusterList>('/api/clusters')).items.find(
      (item) => !item.connected,
    )!;
    void operator
      .request(
        'POST',
        `/api/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}/tags`,
        {
          add: { team: 'payments' },
        },
      )
      .catch(() => undefined);
    for (let i = 0; i < 100 && (await tagEntries()).length === 0; i++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(await tagEntries()).toEqual([{ outcome: 'pending', instance: 'console-1' }]);
    first.child.kill('SIGKILL');
    await new Promise((done) => first.child.once('exit', done));
    expect(await tagEntries()).toEqual([{ outcome: 'pending', instance: 'console-1' }]);

    const second = await startConsole();
    expect(await tagEntries()).toEqual([{ outcome: 'unknown', instance: 'console-1' }]);
    second.child.kill('SIGTERM');
    await new Promise((done) => second.child.once('exit', done));
  }, 120_000);
});
