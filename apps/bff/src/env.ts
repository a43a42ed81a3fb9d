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

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A duration in seconds (`900`) or with a unit (`90s`, `30m`, `12h`), read as milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(value.trim());
      const ms = match ? Number(match[1]) * UNIT_MS[(match[2] || 's') as keyof typeof UNIT_MS] : 0;
      if (!ms) {
        ctx.addIssue({ code: 'custom', message: 'expected a duration such as 900, 30m or 12h' });
        return z.NEVER;
      }
      return ms;
    });

/** Every environment variable the BFF reads, validated once at start. */
export const EnvSchema = z.object({
  // The AWS settings the console itself uses in aws mode, read here like every other variable so that
  // `startWheelhouse({env})` depends on nothing but its argument. (The SDK's own credential chain still
  // reads profiles, SSO and instance roles when no keys are given.)
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_ENDPOINT_URL_STS: z.url().optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
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
  /** `json` or `pretty` request and event logs; unset: pretty on a terminal, JSON otherwise. */
  WHEELHOUSE_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** `1`: stop when stdin closes (test runners that start the console as a child). */
  WHEELHOUSE_EXIT_ON_STDIN_END: z
    .string()
    .optional()
    .transform((value) => value === '1'),
  /** Set when the console is served over HTTPS (directly or behind a proxy) so cookies get `Secure`. */
  WHEELHOUSE_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * The origin browsers reach the console at (e.g. `https://eks.example.com` behind a proxy): links the
   * console hands out (dashboard token URLs) are built from it, and its host is accepted in `Host`.
   * Default: the listen address.
   */
  WHEELHOUSE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://eks.example.com' })
    .optional(),
  /** More names (`host` or `host:port`) the console answers to besides the public URL and loopback. */
  WHEELHOUSE_ALLOWED_HOSTS: csv,
  /** Seconds a cluster list stays fresh in the BFF's cache. */
  WHEELHOUSE_CACHE_TTL: z.coerce.number().min(0).default(15),
  /** DescribeCluster calls in flight at once per account and region. */
  WHEELHOUSE_REGION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** A session unused this long ends (milliseconds once read). */
  WHEELHOUSE_SESSION_IDLE: duration('30m'),
  /** A session ends this long after sign-in, however busy (milliseconds once read). */
  WHEELHOUSE_SESSION_MAX: duration('12h'),
  /** Watch streams (SSE) one session may hold open at once; more are refused with 429. */
  WHEELHOUSE_WATCH_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(8),
  /** Password hashes computed at once; below libuv's pool so file reads and DNS keep a thread. */
  WHEELHOUSE_LOGIN_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /** Sign-ins that may wait for a hashing slot; the rest are refused at once with 429. */
  WHEELHOUSE_LOGIN_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** When set, `GET /metrics` wants `Authorization: Bearer <this>`; unset, it is open like the probes. */
  WHEELHOUSE_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** On SIGTERM, how long changes in flight may take to finish before the console exits anyway. */
  WHEELHOUSE_SHUTDOWN_GRACE: duration('25s'),
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

/** A variable the config file names (such as `sso.clientSecretEnv`), read here like every other one. */
export function readNamedVariable(
  name: string,
  source: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return source[name] || undefined;
}
