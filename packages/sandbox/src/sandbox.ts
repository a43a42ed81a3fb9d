import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerAdminRoutes, type SandboxAccount } from './adminRoutes.ts';
import { CredentialStore } from './auth/credentialStore.ts';
import { readSandboxEnv } from './env.ts';
import {
  FaultInjector,
  parseFaultsJson,
  type FaultController,
  type FaultRule,
} from './faults/faultController.ts';
import { ADMIN_PREFIX, AdminRouter, isLoopback } from './http/adminRouter.ts';
import { handleAwsRequest, type ExchangeObserver } from './http/awsPipeline.ts';
import { BodyTooLargeError, readRequest } from './http/request.ts';
import { registerKubeAdminRoutes } from './kube/kubeAdminRoutes.ts';
import type { KubeDirectory, Kubeconfig } from './kube/kubeDirectory.ts';
import { installKubernetes } from './kube/kubeRegistry.ts';
import { createAutoScalingService } from './services/autoscaling/autoScalingService.ts';
import { registerComputeAdminRoutes } from './services/ec2/computeAdminRoutes.ts';
import { createEc2Service } from './services/ec2/ec2Service.ts';
import { createEksService } from './services/eks/eksService.ts';
import { ServiceRegistry } from './services/service.ts';
import { createSsmService } from './services/ssm/ssmService.ts';
import { createStsService } from './services/sts/stsService.ts';
import { Trail, type TrailEvent } from './trail/trail.ts';
import { CONSOLE_ROLE, READ_ONLY_ROLE, roleArnOf, type AccountRecord } from './world/accounts.ts';
import { realClock } from './world/clock.ts';
import { installEksSimulation } from './world/eks/simulation.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from './world/seed/demoWorld.ts';
import {
  generatedAccounts,
  seedGeneratedWorld,
  type GeneratedWorld,
} from './world/seed/generatedWorld.ts';
import { DEFAULT_TIMINGS, World, type TransitionTimings } from './world/world.ts';
import { waitFor, type WaitForOptions } from './waitFor.ts';

export interface SandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Default 'demo' (the seeded world); 'empty' has the demo accounts and regions but no clusters. */
  world?: 'demo' | 'empty' | GeneratedWorld;
  /** Time multiplier for transitions (default WHEELHOUSE_SANDBOX_SPEED or 1). */
  speed?: number;
  /** Initial fault rules (default: WHEELHOUSE_SANDBOX_FAULTS, a JSON array). */
  faults?: FaultRule[];
  /** Clock source for the world's dates (default real time). */
  now?: () => Date;
  /** Transition durations in simulated ms (instance launch, node group updates, ...), over the defaults. */
  timings?: Partial<TransitionTimings>;
  /**
   * Kubernetes API servers and simulation for serving clusters (default true).
   * false keeps DescribeCluster's placeholder endpoint and starts no server.
   */
  kubernetes?: boolean;
}

/** A running sandbox. */
export interface Sandbox {
  /** One endpoint for every AWS service, e.g. 'http://127.0.0.1:4510'. */
  endpoint: string;
  /** The first account is the home account whose keys the console uses. */
  accounts: SandboxAccount[];
  regions: string[];
  faults: FaultController;
  /** CloudTrail-like record of every mutating call, oldest first. */
  readonly trail: TrailEvent[];
  /** The simulated world (clusters, clock, scheduler): for tests and the simulations added later. */
  world: World;
  /** AWS services by signing name: later tasks register EC2 and Auto Scaling here. */
  services: ServiceRegistry;
  /** The /_sandbox/ admin API: later tasks add routes here. */
  admin: AdminRouter;
  /** The clusters' Kubernetes (undefined with `kubernetes: false`). */
  kubernetes: KubeDirectory | undefined;
  /**
   * A kubeconfig (YAML-shaped JSON: clusters, users, contexts, current-context) for a
   * connected cluster: its API server, CA and static bearer token; undefined unless ACTIVE.
   * Load it with client-node's `kc.loadFromString(JSON.stringify(config))`.
   */
  connectedKubeconfig(
    accountId: string,
    region: string,
    name: string,
  ): Promise<Kubeconfig | undefined>;
  /** Sees every AWS response the sandbox sends; returns the unsubscribe function. */
  observe(observer: ExchangeObserver): () => void;
  /** Polls until `probe` yields a value (e.g. a cluster turned ACTIVE). */
  waitFor<T>(
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    options?: WaitForOptions,
  ): Promise<T>;
  close(): Promise<void>;
}

const TICK_MS = 200;

function publicAccount(account: AccountRecord): SandboxAccount {
  return {
    id: account.id,
    name: account.name,
    accessKeyId: account.accessKeyId,
    secretAccessKey: account.secretAccessKey,
    consoleRoleArn: roleArnOf(account, CONSOLE_ROLE),
    readOnlyRoleArn: roleArnOf(account, READ_ONLY_ROLE),
  };
}

/** Builds the world the options ask for, seeded. */
export function buildWorld(
  options: Pick<SandboxOptions, 'world' | 'speed' | 'now' | 'timings'> = {},
): World {
  const env = readSandboxEnv();
  const clock = realClock(options.speed ?? env.speed ?? 1, options.now);
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const spec = options.world ?? 'demo';
  let world: World;
  if (typeof spec === 'object') {
    world = new World(generatedAccounts(spec), [...spec.regions], clock, timings);
    seedGeneratedWorld(world, spec);
  } else {
    world = new World(demoAccounts(), [...DEMO_REGIONS], clock, timings);
    if (spec === 'demo') seedDemoWorld(world);
  }
  installEksSimulation(world);
  return world;
}

function initialFaults(options: SandboxOptions): FaultRule[] {
  if (options.faults) return options.faults;
  const json = readSandboxEnv().faultsJson;
  return json ? parseFaultsJson(json) : [];
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const world = buildWorld(options);
  const faults = new FaultInjector(initialFaults(options));
  const trail = new Trail();
  const credentials = new CredentialStore(world.accounts);
  const services = new ServiceRegistry();
  services.register(createEksService());
  services.register(createStsService());
  services.register(createEc2Service());
  services.register(createAutoScalingService());
  services.register(createSsmService());
  const observers = new Set<ExchangeObserver>();
  const accounts = world.accounts.map(publicAccount);
  const admin = new AdminRouter();
  registerAdminRoutes(admin, { world, faults, trail, registry: services, accounts });
  registerComputeAdminRoutes(admin, world);
  const kubernetes =
    options.kubernetes === false
      ? undefined
      : installKubernetes(world, credentials, {
          seed: typeof options.world === 'object' ? 'generated' : 'demo',
          faults,
        });
  if (kubernetes) registerKubeAdminRoutes(admin, world, kubernetes.directory);
  const deps = { world, registry: services, credentials, faults, trail, observers };

  const server: Server = createServer((req, res) => {
    const send = (status: number, headers: Record<string, string>, body: string) => {
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    };
    const json = (status: number, body: unknown) =>
      send(status, { 'content-type': 'application/json' }, JSON.stringify(body));
    readRequest(req)
      .then(async (request) => {
        if (request.rawPath === ADMIN_PREFIX || request.rawPath.startsWith(`${ADMIN_PREFIX}/`)) {
          if (!isLoopback(request.remoteAddress)) {
            json(403, { message: 'The sandbox admin API answers loopback callers only.' });
            return;
          }
          const answer = await admin.handle(request);
          json(answer.status, answer.body);
          return;
        }
        const response = await handleAwsRequest(request, deps);
        send(response.status, response.headers, response.body);
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          json(413, { message: error.message });
          return;
        }
        console.error('[sandbox] request failed', error);
        if (!res.headersSent) json(500, { message: 'internal sandbox error' });
        else res.destroy();
      });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  kubernetes?.directory.setSandboxEndpoint(endpoint);
  const ticker = setInterval(() => {
    try {
      world.tick();
    } catch (error) {
      console.error('[sandbox] world tick failed', error);
    }
  }, TICK_MS);
  ticker.unref();

  let closed: Promise<void> | undefined;
  return {
    endpoint,
    accounts,
    regions: [...world.regions],
    faults,
    get trail() {
      return trail.list();
    },
    world,
    services,
    admin,
    kubernetes: kubernetes?.directory,
    async connectedKubeconfig(accountId, region, name) {
      return kubernetes?.directory.connectedKubeconfig(accountId, region, name);
    },
    observe(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
    waitFor,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(async () => {
        kubernetes?.uninstall();
        await kubernetes?.directory.close();
      });
      return closed;
    },
  };
}
