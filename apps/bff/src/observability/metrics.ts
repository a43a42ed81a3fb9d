import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The console's Prometheus metrics, served by `GET /metrics`. One registry per process, as
 * prom-client intends: counters only grow, so tests read them before and after what they do.
 * Every label has a bounded set of values (route patterns, AWS operation names, cluster names of the
 * fleet), never a raw URL or a user's input.
 */
export const metricsRegistry = new Registry();

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'wheelhouse_http_request_duration_seconds',
  help: 'HTTP requests the console answered, by method, Express route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const awsCallDuration = new Histogram({
  name: 'wheelhouse_aws_call_duration_seconds',
  help: 'AWS SDK calls (retries included), by service, operation and outcome.',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const kubeCallDuration = new Histogram({
  name: 'wheelhouse_kubernetes_call_duration_seconds',
  help: 'Kubernetes API calls, by cluster (account/region/name) and outcome.',
  labelNames: ['cluster', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const cacheLookups = new Counter({
  name: 'wheelhouse_cache_lookups_total',
  help: 'Lookups in the BFF caches, by cache and result (hit or miss).',
  labelNames: ['cache', 'result'] as const,
  registers: [metricsRegistry],
});

export const sseStreamsOpen = new Gauge({
  name: 'wheelhouse_sse_streams_open',
  help: 'Server-sent event streams open to browsers.',
  registers: [metricsRegistry],
});

export const auditWrites = new Counter({
  name: 'wheelhouse_audit_writes_total',
  help: 'Audit log writes, by phase (begin, complete, record) and outcome.',
  labelNames: ['phase', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** What the database reports about its connections when scraped (see db `databasePoolStats`). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

let poolStatsSource: (() => PoolStats) | undefined;
/** Where `wheelhouse_db_pool_connections` reads from; the last console started in the process wins. */
export function reportPoolStats(source: () => PoolStats): void {
  poolStatsSource = source;
}

new Gauge({
  name: 'wheelhouse_db_pool_connections',
  help: 'Database connections, by state (total, idle, in_use, waiting).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    if (!poolStatsSource) return;
    const stats = poolStatsSource();
    this.set({ state: 'total' }, stats.total);
    this.set({ state: 'idle' }, stats.idle);
    this.set({ state: 'in_use' }, stats.total - stats.idle);
    this.set({ state: 'waiting' }, stats.waiting);
  },
});

/** A Prometheus outcome label for a failed call: throttling apart from other errors. */
export function outcomeOf(error: unknown): 'throttled' | 'error' {
  const name = (error as { name?: unknown; code?: unknown } | undefined)?.name;
  return typeof name === 'string' && /Throttl|TooManyRequests|RequestLimitExceeded/.test(name)
    ? 'throttled'
    : 'error';
}
