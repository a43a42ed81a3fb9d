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
  /** Seconds a cluster list stays fresh in the BFF's cache. */
  WHEELHOUSE_CACHE_TTL: z.coerce.number().min(0).default(15),
  /** DescribeCluster calls in flight at once per account and region. */
  WHEELHOUSE_REGION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});
export type Env = z.infer<typeof EnvSchema>;

/** Reads the environment; throws a readable message naming each bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The AWS SDK's own settings that the BFF also needs (home region, STS endpoint for EKS tokens). */
export interface AwsEnv {
  region?: string;
  stsEndpoint?: string;
}

/**
 * Read from the process environment, never from a test's `env`: the AWS SDK reads them there, and
 * the console must agree with the SDK on region and endpoint.
 */
export function readAwsEnv(): AwsEnv {
  const { AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL } = process.env;
  const region = AWS_REGION || AWS_DEFAULT_REGION;
  const stsEndpoint = AWS_ENDPOINT_URL_STS || AWS_ENDPOINT_URL;
  return { ...(region ? { region } : {}), ...(stsEndpoint ? { stsEndpoint } : {}) };
}
