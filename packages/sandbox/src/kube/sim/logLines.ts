import type { Random } from '../../world/random.ts';

/** What a container's log looks like, by the kind of software its image runs. */
export type LogFlavour =
  | 'api'
  | 'web'
  | 'worker'
  | 'coredns'
  | 'cni'
  | 'kube-proxy'
  | 'metrics-server'
  | 'autoscaler'
  | 'karpenter'
  | 'redis'
  | 'postgres';

export function flavourOfImage(image: string): LogFlavour {
  const name = image.split('/').pop()!.split(':')[0]!;
  if (name.includes('coredns')) return 'coredns';
  if (name.includes('amazon-k8s-cni') || name === 'aws-node') return 'cni';
  if (name.includes('kube-proxy')) return 'kube-proxy';
  if (name.includes('metrics-server')) return 'metrics-server';
  if (name.includes('cluster-autoscaler')) return 'autoscaler';
  if (name.includes('karpenter') || name === 'controller') return 'karpenter';
  if (name.includes('redis')) return 'redis';
  if (name.includes('postgres')) return 'postgres';
  if (/nginx|storefront|frontend|web|ui|preview/.test(name)) return 'web';
  if (/worker|batch|report|job|migrat|etl|train|backfill|cron|export|settle/.test(name))
    return 'worker';
  return 'api';
}

/** Simulated seconds between two lines of a busy container of this flavour. */
export const LINE_INTERVAL_MS: Record<LogFlavour, number> = {
  api: 2_000,
  web: 1_500,
  worker: 3_000,
  coredns: 10_000,
  cni: 30_000,
  'kube-proxy': 60_000,
  'metrics-server': 20_000,
  autoscaler: 10_000,
  karpenter: 15_000,
  redis: 30_000,
  postgres: 20_000,
};

const PATHS = [
  '/api/orders',
  '/api/cart',
  '/api/payments',
  '/healthz',
  '/api/products',
  '/api/users/me',
];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT'];
const STATUSES = [200, 200, 200, 200, 201, 204, 304, 404, 500];

const klog = (level: string, at: Date, file: string, message: string) => {
  const iso = at.toISOString();
  return `${level}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000       1 ${file}] ${message}`;
};

const ip = (random: Random) => `10.0.${random.int(0, 95)}.${random.int(2, 254)}`;

/** One log line of a running container. */
export function logLine(flavour: LogFlavour, random: Random, at: Date, sequence: number): string {
  const iso = at.toISOString();
  switch (flavour) {
    case 'api': {
      const status = random.pick(STATUSES);
      return JSON.stringify({
        time: iso,
        level: status >= 500 ? 'error' : 'info',
        msg: status >= 500 ? 'request failed' : 'request handled',
        method: random.pick(METHODS),
        path: random.pick(PATHS),
        status,
        duration_ms: random.int(2, status >= 500 ? 3000 : 180),
        request_id: random.hex(16),
      });
    }
    case 'web':
      return `${ip(random)} - - [${at.toUTCString().slice(5, 25)} +0000] "${random.pick(METHODS)} ${random.pick(['/', '/products', '/cart', '/static/app.js', '/checkout'])} HTTP/1.1" ${random.pick(STATUSES)} ${random.int(200, 48_000)} "-" "Mozilla/5.0"`;
    case 'worker':
      return `${iso} INFO  processed batch seq=${sequence} records=${random.int(50, 5000)} took=${random.int(40, 900)}ms`;
    case 'coredns':
      return `[INFO] ${ip(random)}:${random.int(30_000, 60_000)} - ${random.int(1, 65_000)} "A IN ${random.pick(['checkout.payments', 'redis.payments', 'api.web', 'kubernetes.default'])}.svc.cluster.local. udp 62 false 512" NOERROR qr,aa,rd 120 0.000${random.int(100, 999)}s`;
    case 'cni':
      return JSON.stringify({
        level: 'info',
        ts: iso,
        caller: 'ipamd/ipamd.go:1472',
        msg: `IP pool stats: Total IPs/Prefixes = ${random.int(14, 58)}/0, AssignedIPs/CooldownIPs: ${random.int(2, 20)}/0, c.maxIPsPerENI = 14`,
      });
    case 'kube-proxy':
      return klog(
        'I',
        at,
        'proxier.go:805',
        '"SyncProxyRules complete" ipFamily="IPv4" elapsed="' + random.int(8, 90) + '.2ms"',
      );
    case 'metrics-server':
      return klog(
        'I',
        at,
        'server.go:136',
        `"Scraped nodes" count=${random.int(2, 12)} duration="${random.int(20, 300)}ms"`,
      );
    case 'autoscaler':
      return klog('I', at, 'static_autoscaler.go:303', 'Starting main loop');
    case 'karpenter':
      return JSON.stringify({
        level: 'INFO',
        time: iso,
        logger: 'controller',
        message: 'computed consolidation decisions',
        commit: 'a1b2c3d',
        controller: 'disruption',
        decisions: 0,
      });
    case 'redis':
      return `1:M ${at.toUTCString().slice(5, 25)}.${random.int(100, 999)} * ${random.int(1, 100)} changes in 300 seconds. Saving...`;
    case 'postgres':
      return `${iso.replace('T', ' ').slice(0, 23)} UTC [${random.int(100, 999)}] LOG:  checkpoint complete: wrote ${random.int(1, 400)} buffers`;
  }
}

/** The lines a container prints when it starts. */
export function startupLines(flavour: LogFlavour, container: string): string[] {
  switch (flavour) {
    case 'coredns':
      return [
        '.:53',
        '[INFO] plugin/reload: Running configuration SHA512 = 8a1e7a…',
        'CoreDNS-1.11.4',
        'linux/amd64, go1.22.8',
      ];
    case 'web':
      return [
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        'nginx: [notice] start worker processes',
      ];
    case 'redis':
      return [
        '1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:M * Ready to accept connections tcp',
      ];
    case 'postgres':
      return [
        'LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu',
        'LOG:  database system is ready to accept connections',
      ];
    default:
      return [`starting ${container}`, `${container} listening on :8080`];
  }
}

/** The last words of a container that crashes (its `kubectl logs --previous`). */
export function crashLines(container: string): string[] {
  return [
    `loading configuration for ${container}`,
    'connecting to database at postgres.payments.svc.cluster.local:5432',
    'panic: failed to connect to database: dial tcp 10.0.41.17:5432: connect: connection refused',
    '',
    'goroutine 1 [running]:',
    'main.main()',
    `\t/src/cmd/${container}/main.go:48 +0x1c5`,
  ];
}
