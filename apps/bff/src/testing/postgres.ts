import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A PostgreSQL server of the tests' own, in a temporary folder, on a free loopback port. */
export interface TestPostgres {
  /** The URL of a new, empty database on this server. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Debian's server binaries, newest version first; undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. Under CI=true a missing server is
 * a failure (the caller throws); elsewhere the caller says so loudly and runs the SQLite half.
 */
export function postgresUnavailable(): string | undefined {
  return postgresBinDir()
    ? undefined
    : 'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): ' +
        'the PostgreSQL half of the storage tests did NOT run. apt-get install postgresql';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let uniq = 0;

/** initdb into a temporary folder and pg_ctl start (as the `postgres` user when running as root). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresUnavailable());
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-pg-'));
  const data = join(dir, 'data');
  // The server refuses to run as root: the folder then belongs to the postgres user, who runs it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { cwd: dir })
      : run(join(bin, command), args, { cwd: dir });
  await exec('initdb', ['-D', data, '-U', 'wheelhouse', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  await exec('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const base = `postgres://wheelhouse@127.0.0.1:${port}`;
  return {
    async freshDatabase() {
      const name = `t${process.pid}_${++uniq}`;
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
