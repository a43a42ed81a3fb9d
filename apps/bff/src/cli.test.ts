import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TSX = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
const CLI = resolve(import.meta.dirname, 'cli.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `wheelhouse users add NAME --role operator --password-stdin` with the password on stdin. */
function usersAdd(name: string, password: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(
      TSX,
      [CLI, 'users', 'add', name, '--role', 'operator', '--password-stdin'],
      { env: { ...process.env, WHEELHOUSE_DATA_DIR: dataDir } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

describe('wheelhouse users add', () => {
  it('refuses a common password, saying why', async () => {
    const result = await usersAdd('ana', '1q2w3e4r5t6y');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/users add: the password is in the list of common passwords/);
  });

  it('refuses the user name as password, one repeated character and over 1,024 characters', async () => {
    const results = await Promise.all([
      usersAdd('operations-team', 'Operations-Team'),
      usersAdd('ana', 'zzzzzzzzzzzzzzzz'),
      usersAdd('ana', 'correct horse '.repeat(80)),
    ]);
    expect(results.map((result) => result.code)).toEqual([2, 2, 2]);
    expect(results[0].stderr).toMatch(/the password is the user name itself/);
    expect(results[1].stderr).toMatch(/the password is one character repeated/);
    expect(results[2].stderr).toMatch(/at most 1,024 characters/);
  });

  it('adds a user with an uncommon password', async () => {
    const result = await usersAdd('ana', 'violet kettle under the bridge');
    expect(result).toMatchObject({ code: 0, stdout: 'Added user ana (operator).\n' });
  });
});

describe('wheelhouse db migrate', () => {
  const migrate = (dir: string) =>
    new Promise<{ code: number; stdout: string }>((done) => {
      execFile(
        TSX,
        [CLI, 'db', 'migrate'],
        { env: { ...process.env, WHEELHOUSE_DATA_DIR: dir } },
        (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });

  it('brings a new database to the current schema once, then has nothing to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-migrate-cli-'));
    try {
      expect(await migrate(dir)).toEqual({
        code: 0,
        stdout: expect.stringMatching(/^Migrated the database schema from version 0 to \d+\.\n$/),
      });
      expect((await migrate(dir)).stdout).toMatch(
        /^Database schema is at version \d+; nothing to migrate\.\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
