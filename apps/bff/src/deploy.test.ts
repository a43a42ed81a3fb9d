import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from './env.ts';
import { PROBE_PATHS } from './http/hostPolicy.ts';
import { operationsRoutes } from './routes/operations.ts';
import { createOperationsService } from './services/operations.ts';

// No container engine runs where these tests run: the artefacts in deploy/ are checked against the
// code by reading them, not by building the image or applying the manifests.
const DEPLOY = resolve(import.meta.dirname, '../../../deploy');

interface Manifest {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  securityContext?: Record<string, unknown>;
}
interface PodSpec {
  serviceAccountName: string;
  terminationGracePeriodSeconds: number;
  securityContext: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
}

const manifests = readdirSync(join(DEPLOY, 'kubernetes'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => load(readFileSync(join(DEPLOY, 'kubernetes', file), 'utf8')) as Manifest);
const one = (kind: string) => {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};
const deployment = () => one('Deployment');
const podSpec = () => (deployment().spec!.template as { spec: PodSpec }).spec;
const podLabels = () =>
  (deployment().spec!.template as { metadata: { labels: Record<string, string> } }).metadata.labels;
const container = () => podSpec().containers[0]!;
const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
/** `ENV A=1 \ B=2` of the Dockerfile's last stage, as name → value. */
const dockerEnv = () => {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, block] of runtime.replace(/\\\n/g, ' ').matchAll(/^ENV (.+)$/gm)) {
    for (const [, name, value] of block!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
  }
  return env;
};
// Read by the storage module that lands with PostgreSQL support (WHEELHOUSE_DATABASE_URL, issue 10).
const PENDING_ENV = new Set(['WHEELHOUSE_DATABASE_URL']);

describe('deploy/kubernetes', () => {
  it('has a Namespace, Deployment, Service, PodDisruptionBudget and ServiceAccount, all in one namespace', () => {
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(
      ['Deployment', 'Namespace', 'PodDisruptionBudget', 'Service', 'ServiceAccount'].sort(),
    );
    const namespace = one('Namespace').metadata.name;
    for (const manifest of manifests.filter((m) => m.kind !== 'Namespace')) {
      expect(manifest.metadata.namespace, manifest.kind).toBe(namespace);
    }
  });

  it('runs 2 replicas with readiness on /readyz and liveness on /healthz, routes the console serves', () => {
    expect(deployment().spec!.replicas).toBe(2);
    const { readinessProbe, livenessProbe, ports } = container();
    expect(readinessProbe.httpGet.path).toBe('/readyz');
    expect(livenessProbe.httpGet.path).toBe('/healthz');
    const served = operationsRoutes({
      operations: createOperationsService({
        pingDatabase: () => ({ ok: true }),
        resolveCredentials: async () => ({}),
        draining: () => false,
      }),
    }).map((route) => `${route.method} ${route.path}`);
    for (const probe of [readinessProbe, livenessProbe]) {
      expect(served).toContain(`get ${probe.httpGet.path}`);
      // Probes address the pod by IP: the Host check lets these paths through.
      expect(PROBE_PATHS.has(probe.httpGet.path)).toBe(true);
      expect(ports.map((port) => port.name)).toContain(probe.httpGet.port);
    }
  });

  it('listens where the env says, the image exposes, and the Service sends traffic', () => {
    const { ports, env } = container();
    const port = ports.find((p) => p.name === 'http')!;
    const listen = EnvSchema.parse({
      WHEELHOUSE_PORT: env.find((v) => v.name === 'WHEELHOUSE_PORT')?.value,
      WHEELHOUSE_HOST: env.find((v) => v.name === 'WHEELHOUSE_HOST')?.value,
    });
    expect(listen.WHEELHOUSE_PORT).toBe(port.containerPort);
    // Loopback would be unreachable from the kubelet and the Service.
    expect(listen.WHEELHOUSE_HOST).toBe('0.0.0.0');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port.containerPort}$`, 'm'));
    expect(Number(dockerEnv().WHEELHOUSE_PORT)).toBe(port.containerPort);
    const service = one('Service').spec as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(service.ports.map((p) => p.targetPort)).toEqual(['http']);
    expect(podLabels()).toMatchObject(service.selector);
  });

  it('names only WHEELHOUSE_ variables the console reads, with values it accepts', () => {
    const known = new Set(Object.keys(EnvSchema.shape));
    const { env } = container();
    const docker = dockerEnv();
    const names = [...env.map((v) => v.name), ...Object.keys(docker)];
    // NODE_ENV and the like are Node's and the libraries'; WHEELHOUSE_* are the console's own.
    for (const name of names.filter((n) => n.startsWith('WHEELHOUSE_'))) {
      expect(known.has(name) || PENDING_ENV.has(name), name).toBe(true);
    }
    const literal = Object.fromEntries(
      env.filter((v) => v.value !== undefined && known.has(v.name)).map((v) => [v.name, v.value]),
    );
    expect(EnvSchema.safeParse(literal).error?.issues ?? []).toEqual([]);
    const dockerOwn = Object.fromEntries(
      Object.entries(docker).filter(([name]) => name.startsWith('WHEELHOUSE_')),
    );
    expect(EnvSchema.safeParse(dockerOwn).error?.issues ?? []).toEqual([]);
  });

  it('takes WHEELHOUSE_DATABASE_URL (and the metrics token) from Secrets, never inline', () => {
    const { env } = container();
    for (const name of ['WHEELHOUSE_DATABASE_URL', 'WHEELHOUSE_METRICS_TOKEN']) {
      const variable = env.find((v) => v.name === name);
      expect(variable?.value, name).toBeUndefined();
      expect(variable?.valueFrom?.secretKeyRef?.name, name).toBeTruthy();
    }
  });

  it('gives graceful shutdown its whole grace before the kubelet kills the pod', () => {
    const grace = container().env.find((v) => v.name === 'WHEELHOUSE_SHUTDOWN_GRACE')!.value;
    const graceMs = EnvSchema.parse({ WHEELHOUSE_SHUTDOWN_GRACE: grace }).WHEELHOUSE_SHUTDOWN_GRACE;
    const [command, seconds] = container().lifecycle?.preStop?.exec?.command ?? [];
    expect(command).toBe('sleep');
    expect(podSpec().terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      graceMs + Number(seconds) * 1000,
    );
  });

  it('keeps a replica through drains, and runs as a non-root service account for IRSA / Pod Identity', () => {
    const pdb = one('PodDisruptionBudget').spec as {
      minAvailable: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(pdb.minAvailable).toBeLessThan(deployment().spec!.replicas as number);
    expect(podLabels()).toMatchObject(pdb.selector.matchLabels);
    const account = one('ServiceAccount');
    expect(podSpec().serviceAccountName).toBe(account.metadata.name);
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(
      /^arn:aws:iam::\d{12}:role\//,
    );
    expect(podSpec().securityContext).toMatchObject({ runAsNonRoot: true });
    expect(podSpec().securityContext.runAsUser).toBeGreaterThan(0);
  });
});

describe('deploy/Dockerfile', () => {
  it('builds in one stage and runs the bundle with production dependencies only, as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/apps\/bff\/dist apps\/bff\/dist$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/apps\/web\/dist apps\/web\/dist$/m);
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    // What apps/bff/scripts/build.ts writes: dist/main.js from src/main.ts.
    expect(runtime).toMatch(/^CMD \["node", .*"apps\/bff\/dist\/main\.js"\]$/m);
    const build = readFileSync(resolve(import.meta.dirname, '../scripts/build.ts'), 'utf8');
    expect(build).toContain("outdir: join(ROOT, 'apps/bff/dist')");
    expect(build).toContain("entryPoints: [join(ROOT, 'apps/bff/src/main.ts')]");
  });
});
