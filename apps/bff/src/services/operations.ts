import type { Readiness, ReadinessCheck } from '@wheelhouse/contract';
import type { DatabasePing } from '../db/database.ts';
import { metricsRegistry } from '../observability/metrics.ts';

/** How long readiness waits for the AWS credential chain (instance role, SSO) before failing. */
const CREDENTIALS_TIMEOUT_MS = 3_000;

export interface OperationsDeps {
  /** Database reachable and migrated (db `pingDatabase`). */
  pingDatabase: () => DatabasePing | Promise<DatabasePing>;
  /** Resolves the console's own AWS credentials. */
  resolveCredentials: () => Promise<unknown>;
  /** True once a shutdown has begun. */
  draining: () => boolean;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness and metrics of the running console. */
export function createOperationsService(deps: OperationsDeps) {
  async function credentialsCheck(): Promise<ReadinessCheck> {
    try {
      await withTimeout(deps.resolveCredentials(), CREDENTIALS_TIMEOUT_MS, 'the credential chain');
      return { name: 'aws-credentials', ok: true };
    } catch (error) {
      return {
        name: 'aws-credentials',
        ok: false,
        reason: `AWS credentials could not be resolved: ${(error as Error).message}`,
      };
    }
  }

  return {
    async readiness(): Promise<Readiness> {
      const ping = await Promise.resolve()
        .then(deps.pingDatabase)
        .catch((error: unknown): DatabasePing => ({ ok: false, reason: String(error) }));
      const checks: ReadinessCheck[] = [
        ping.ok
          ? { name: 'database', ok: true }
          : { name: 'database', ok: false, reason: ping.reason },
        await credentialsCheck(),
        deps.draining()
          ? { name: 'shutdown', ok: false, reason: 'the console is shutting down' }
          : { name: 'shutdown', ok: true },
      ];
      return { status: checks.every((check) => check.ok) ? 'ready' : 'not-ready', checks };
    },
    async metrics(): Promise<{ contentType: string; body: string }> {
      return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
    },
  };
}
export type OperationsService = ReturnType<typeof createOperationsService>;
