import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '@wheelhouse/contract';
import { startWheelhouse, type Wheelhouse } from '../server.ts';

// A replica whose AWS credentials cannot be resolved must leave the load balancer's rotation, and
// say why: the probe is what Kubernetes reads, the reason is what the operator reads.
describe('GET /readyz of a console without AWS credentials', () => {
  let dir: string;
  let console_: Wheelhouse;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wheelhouse-readiness-'));
    console_ = await startWheelhouse({
      env: {
        WHEELHOUSE_BACKEND: 'aws',
        AWS_REGION: 'us-east-1',
        // Every link of the SDK's default chain leads nowhere: no keys, no files, no instance role.
        AWS_PROFILE: 'wheelhouse-no-such-profile',
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        WHEELHOUSE_DATA_DIR: dir,
        WHEELHOUSE_PORT: '0',
        WHEELHOUSE_LOG_LEVEL: 'silent',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await console_?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 naming the failed check, while /healthz still says alive', async () => {
    const ready = await fetch(new URL('/readyz', console_.url));
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as Readiness;
    expect(body.status).toBe('not-ready');
    expect(body.checks).toContainEqual({ name: 'database', ok: true });
    const credentials = body.checks.find((check) => check.name === 'aws-credentials');
    expect(credentials).toMatchObject({ ok: false });
    expect(credentials?.reason).toMatch(/^AWS credentials could not be resolved: /);
    expect((await fetch(new URL('/healthz', console_.url))).status).toBe(200);
  }, 30_000);
});
