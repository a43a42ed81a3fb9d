import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');

describe('npm run sandbox (src/cli.ts)', () => {
  it('prints the four export lines first, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
      env: { ...process.env, WHEELHOUSE_SANDBOX_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Ctrl-C')) resolve();
      });
      child.on('exit', () => reject(new Error(`cli exited early: ${stdout}`)));
    });
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^export AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^export AWS_ACCESS_KEY_ID=AKIA[A-Z2-7]{16}$/);
    expect(lines[2]).toMatch(/^export AWS_SECRET_ACCESS_KEY=[A-Za-z0-9+/]{40}$/);
    expect(lines[3]).toBe('export AWS_DEFAULT_REGION=us-east-1');
    expect(stdout).toContain('checkout-prod');
    expect(stdout).toContain('/_sandbox/health');

    const endpoint = lines[0]!.slice('export AWS_ENDPOINT_URL='.length);
    const health = await fetch(`${endpoint}/_sandbox/health`);
    expect(health.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
