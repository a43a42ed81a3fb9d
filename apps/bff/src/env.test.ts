import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

const sourceRoot = import.meta.dirname;

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : runtimeSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('environment', () => {
  it('is read in env.ts alone: no other runtime module looks at process.env', () => {
    const readers = runtimeSources(sourceRoot)
      .filter((path) => !path.endsWith('/env.ts'))
      .filter((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          // The one allowed use: handing the whole environment to readEnv as its default source.
          .some((line) => /process\.env\b/.test(line) && !/readEnv\(.*process\.env\)/.test(line)),
      )
      .map((path) => relative(sourceRoot, path));
    expect(readers).toEqual([]);
  });

  it("takes aws mode's region and endpoints from the environment it is given", () => {
    const env = readEnv({
      WHEELHOUSE_BACKEND: 'aws',
      AWS_DEFAULT_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL_STS: 'https://sts.eu-west-3.amazonaws.com',
    });
    expect(env).toMatchObject({
      AWS_DEFAULT_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL_STS: 'https://sts.eu-west-3.amazonaws.com',
    });
  });

  it('names each bad variable', () => {
    expect(() => readEnv({ WHEELHOUSE_PORT: 'eighty', AWS_ENDPOINT_URL: 'not a url' })).toThrow(
      /WHEELHOUSE_PORT[\s\S]*AWS_ENDPOINT_URL|AWS_ENDPOINT_URL[\s\S]*WHEELHOUSE_PORT/,
    );
  });
});

describe('sign-in hashing settings', () => {
  it('defaults to 2 hashes in flight and 16 waiting', () => {
    const env = readEnv({});
    expect([env.WHEELHOUSE_LOGIN_CONCURRENCY, env.WHEELHOUSE_LOGIN_QUEUE]).toEqual([2, 16]);
  });

  it('refuses a bound that would let hashing take every libuv thread, naming the variable', () => {
    expect(() => readEnv({ WHEELHOUSE_LOGIN_CONCURRENCY: '4' })).toThrow(
      /WHEELHOUSE_LOGIN_CONCURRENCY: must be below UV_THREADPOOL_SIZE \(4\)/,
    );
    expect(readEnv({ WHEELHOUSE_LOGIN_CONCURRENCY: '4', UV_THREADPOOL_SIZE: '8' })).toMatchObject({
      WHEELHOUSE_LOGIN_CONCURRENCY: 4,
    });
    expect(() => readEnv({ WHEELHOUSE_LOGIN_QUEUE: '-1' })).toThrow(/WHEELHOUSE_LOGIN_QUEUE/);
  });
});

describe('session limits from the environment', () => {
  it('default to 30 idle minutes and 12 hours in all', () => {
    const env = readEnv({});
    expect(env.WHEELHOUSE_SESSION_IDLE).toBe(30 * 60_000);
    expect(env.WHEELHOUSE_SESSION_MAX).toBe(12 * 3_600_000);
  });

  it('read seconds, or a number with s, m or h', () => {
    const env = readEnv({ WHEELHOUSE_SESSION_IDLE: '900', WHEELHOUSE_SESSION_MAX: '8h' });
    expect(env.WHEELHOUSE_SESSION_IDLE).toBe(900_000);
    expect(env.WHEELHOUSE_SESSION_MAX).toBe(8 * 3_600_000);
    expect(readEnv({ WHEELHOUSE_SESSION_IDLE: '90s' }).WHEELHOUSE_SESSION_IDLE).toBe(90_000);
    expect(readEnv({ WHEELHOUSE_SESSION_IDLE: '15m' }).WHEELHOUSE_SESSION_IDLE).toBe(900_000);
  });

  it('refuse what is not a duration, naming the variable', () => {
    for (const value of ['soon', '0', '-5m', '10d']) {
      expect(() => readEnv({ WHEELHOUSE_SESSION_IDLE: value }), value).toThrow(
        /WHEELHOUSE_SESSION_IDLE: expected a duration/,
      );
    }
  });
});
