import { z } from 'zod';

const csv = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .optional();

/** Every environment variable the BFF reads, validated once at start. */
export const EnvSchema = z.object({
  WHEELHOUSE_BACKEND: z.enum(['sandbox', 'aws']).default('sandbox'),
  WHEELHOUSE_HOST: z.string().default('127.0.0.1'),
  WHEELHOUSE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WHEELHOUSE_REGIONS: csv,
  WHEELHOUSE_CONFIG: z.string().optional(),
  WHEELHOUSE_DATA_DIR: z.string().default('./.wheelhouse'),
  WHEELHOUSE_DEMO_PASSWORD: z.string().min(1).optional(),
  WHEELHOUSE_WEB_DIST: z.string().optional(),
  WHEELHOUSE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Set when the console is served over HTTPS (directly or behind a proxy) so cookies get `Secure`. */
  WHEELHOUSE_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Seconds a cluster list stays fresh in the BFF's cache. */
  WHEELHOUSE_CACHE_TTL: z.coerce.number().min(0).default(15),
  /** DescribeCluster calls in flight at once per account and region. */
  WHEELHOUSE_REGION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Password hashes computed at once; below libuv's pool so file reads and DNS keep a thread. */
  WHEELHOUSE_LOGIN_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /** Sign-ins that may wait for a hashing slot; the rest are refused at once with 429. */
  WHEELHOUSE_LOGIN_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** libuv's thread pool size (Node's own variable): the hashing bound is checked against it. */
  UV_THREADPOOL_SIZE: z.coerce.number().int().min(1).max(1024).default(4),
});
export type Env = z.infer<typeof EnvSchema>;

/** Reads the environment; throws a readable message naming each bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const { WHEELHOUSE_LOGIN_CONCURRENCY: hashing, UV_THREADPOOL_SIZE: pool } = parsed.data;
  if (hashing >= pool) {
    throw new Error(
      `Invalid environment:\n  WHEELHOUSE_LOGIN_CONCURRENCY: must be below UV_THREADPOOL_SIZE (${pool}), so that password hashing never holds every thread file reads and DNS need`,
    );
  }
  return parsed.data;
}
