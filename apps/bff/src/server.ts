import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Sandbox, SandboxOptions } from '@wheelhouse/sandbox';
import type { Sources } from '@wheelhouse/contract';
import { createApp } from './app.ts';
import { createAuditLog, heartbeat, settleAbandonedChanges } from './audit/auditLog.ts';
import { createAuditReader } from './audit/auditReader.ts';
import { createRefusalRecorder } from './audit/refusals.ts';
import { createDashboardTokens } from './auth/dashboardTokens.ts';
import { createHashQueue } from './auth/hashQueue.ts';
import type { DemoSso } from './auth/demoSso.ts';
import { createLoginThrottle } from './auth/loginThrottle.ts';
import { createOidcSignIn, type OidcSettings, type OidcSignIn } from './auth/oidcSignIn.ts';
import { createPasswordSignIn } from './auth/passwordSignIn.ts';
import { createSessionStore } from './auth/sessions.ts';
import { createTrustedDevices } from './auth/trustedDevices.ts';
import { createUserDirectory, createUserStore, demoUsers } from './auth/users.ts';
import { readConfigFile, type ConfigFile, type SsoConfig } from './config.ts';
import { connectDatabase, databasePoolStats, databaseTarget, pingDatabase } from './db/database.ts';
import { readEnv, readNamedVariable, type Env } from './env.ts';
import { createHostPolicy } from './http/hostPolicy.ts';
import type { RouteDef } from './http/routing.ts';
import { auditRoutes } from './routes/audit.ts';
import { clusterRoutes } from './routes/clusters.ts';
import { computeRoutes } from './routes/compute.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { costRoutes } from './routes/cost.ts';
import { postureRoutes } from './routes/posture.ts';
import { addonRoutes } from './routes/addons.ts';
import { insightRoutes } from './routes/insights.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { operationsRoutes } from './routes/operations.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { objectRoutes } from './routes/objects.ts';
import { workloadRoutes } from './routes/workloads.ts';
import { workloadActionRoutes } from './routes/workloadActions.ts';
import { podExecUpgrade } from './routes/podExecSocket.ts';
import { createWorkloadActions } from './services/workloadActions.ts';
import { createPodExec } from './services/podExec.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/session.ts';
import { createChangeRunner } from './services/changeRunner.ts';
import { createComputeService } from './services/compute.ts';
import { createComputeChanges } from './services/computeChanges.ts';
import { createAccessService } from './services/access/accessService.ts';
import { createRbacReader } from './services/access/rbacReader.ts';
import { accessRoutes } from './routes/access.ts';
import { createDashboardService } from './services/dashboard.ts';
import { createDashboardAccess } from './services/dashboardAccess.ts';
import { createCostService } from './services/cost/costService.ts';
import { createPostureService } from './services/posture/postureService.ts';
import { createAddonsService } from './services/addons/addonsService.ts';
import { createInsightsService } from './services/insights/insightsService.ts';
import { createAddonChanges } from './services/addons/addonChanges.ts';
import { createAddonConfigurations } from './services/addons/addonConfiguration.ts';
import { createConnectorService } from './services/connector.ts';
import { createMetricsService } from './services/metrics/metricsService.ts';
import { createLogger, logFormatOf } from './logging.ts';
import { createInventoryService } from './services/inventory.ts';
import { createLifecycleService, type LifecycleService } from './services/lifecycle.ts';
import { createOperationsService } from './services/operations.ts';
import { createDrain, type DrainResult } from './operations/drain.ts';
import { countedAuditLog } from './observability/auditMetrics.ts';
import { reportPoolStats } from './observability/metrics.ts';
import { createFleetSearch } from './services/search/fleetSearch.ts';
import { createWatchStreams } from './services/watchStreams.ts';
import { createWorkloadsService } from './services/workloads.ts';
import {
  configuredConnectedKubeconfig,
  sandboxConnectedKubeconfig,
} from './upstream/connectedKubeconfig.ts';
import { createAwsGateway } from './upstream/awsGateway.ts';
import { createKubeAccess } from './upstream/kubeAccess.ts';
import {
  createAwsClients,
  type AccountTarget,
  type AwsClientsOptions,
} from './upstream/awsClients.ts';

export interface WheelhouseOptions {
  /** Environment to read settings from (default: the process environment). */
  env?: NodeJS.ProcessEnv;
  /** Passed to the embedded sandbox in sandbox mode. */
  sandbox?: SandboxOptions;
  logger?: Logger;
  /** Clock of the session store (tests move it to check the idle and absolute limits). */
  sessionClock?: () => number;
}

/** A running console: its URL, and the embedded sandbox when there is one. */
export interface Wheelhouse {
  url: string;
  backend: Env['WHEELHOUSE_BACKEND'];
  sandbox?: Sandbox;
  /** Password of the sandbox's demo users. */
  demoPassword?: string;
  /** The sandbox's embedded demo identity provider (when WHEELHOUSE_CONFIG configures no SSO). */
  demoSso?: { issuer: string; users: { username: string; groups: string[] }[] };
  server: Server;
  /** Every API route with its access rule (tests prove each mutating one refuses auditors). */
  routes: RouteDef[];
  close(): Promise<void>;
  /**
   * Graceful shutdown (SIGTERM): stops accepting connections, fails readiness, closes event streams
   * with a retry hint, lets changes in flight finish (at most `graceMs`, default
   * WHEELHOUSE_SHUTDOWN_GRACE) with their audit entries, then closes everything.
   */
  shutdown(graceMs?: number): Promise<DrainResult>;
}

const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Accounts the console reads in `aws` mode: the configured ones, or the credentials' own account. */
function configuredAccounts(config: ConfigFile): AccountTarget[] {
  if (!config.accounts) return [{ key: 'default', name: 'default', via: 'default' }];
  return config.accounts.map((account, index) => {
    const idFromRole = account.roleArn?.split(':')[4];
    const id = account.id ?? idFromRole;
    const via = account.roleArn ? 'role' : account.profile ? 'profile' : 'default';
    return {
      key: id ?? account.profile ?? `account-${index}`,
      name: account.name ?? id ?? account.profile ?? `account-${index}`,
      via,
      ...(id ? { id } : {}),
      ...(account.roleArn ? { roleArn: account.roleArn } : {}),
      ...(account.externalId ? { externalId: account.externalId } : {}),
      ...(account.profile ? { profile: account.profile } : {}),
      ...(account.changeRoleArn ? { changeRoleArn: account.changeRoleArn } : {}),
    };
  });
}

/** The sandbox's accounts: the first through its own keys, the others through AssumeRole, as in a real fleet. */
function sandboxAccounts(sandbox: Sandbox): AccountTarget[] {
  return sandbox.accounts.map((account, index) => ({
    key: account.id,
    id: account.id,
    name: account.name,
    via: index === 0 ? 'default' : 'role',
    ...(index === 0 ? {} : { roleArn: account.readOnlyRoleArn }),
    changeRoleArn: account.consoleRoleArn,
  }));
}

/** The `sso` block of WHEELHOUSE_CONFIG with its client secret read from the variable it names. */
function ssoSettings(sso: SsoConfig, env: NodeJS.ProcessEnv | undefined): OidcSettings {
  const clientSecret = sso.clientSecretEnv
    ? readNamedVariable(sso.clientSecretEnv, env)
    : undefined;
  if (sso.clientSecretEnv && !clientSecret) {
    throw new Error(
      `sso.clientSecretEnv in WHEELHOUSE_CONFIG names ${sso.clientSecretEnv}, which is not set`,
    );
  }
  return {
    issuer: sso.issuer,
    clientId: sso.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    redirectUri: sso.redirectUri,
    groupsClaim: sso.groupsClaim,
    roles: sso.roles,
    scopes: sso.scopes,
    name: sso.name ?? new URL(sso.issuer).host,
  };
}

/** Starts the console: database, upstream (sandbox or AWS), HTTP server. */
export async function startWheelhouse(options: WheelhouseOptions = {}): Promise<Wheelhouse> {
  const env = readEnv(options.env);
  const config = readConfigFile(env.WHEELHOUSE_CONFIG);
  const logger =
    options.logger ??
    createLogger({
      level: env.WHEELHOUSE_LOG_LEVEL,
      format: logFormatOf(env.WHEELHOUSE_LOG_FORMAT, process.stdout.isTTY === true),
    });
  const db = await connectDatabase(
    databaseTarget(env.WHEELHOUSE_DATABASE_URL, env.WHEELHOUSE_DATA_DIR),
    {
      onTightened: (path, mode) => logger.warn({ path, mode }, 'tightened permissions to %s', mode),
      ...(env.WHEELHOUSE_INSTANCE_ID ? { instanceId: env.WHEELHOUSE_INSTANCE_ID } : {}),
    },
  );
  const settled = await settleAbandonedChanges(db);
  if (settled > 0) {
    logger.warn(
      { entries: settled },
      'marked %d audit entries left open by a dead instance as unknown',
      settled,
    );
  }
  // Other replicas leave this one's open changes alone while it keeps saying it is alive.
  const beat = setInterval(() => {
    heartbeat(db).catch((error: unknown) =>
      logger.warn({ err: error }, 'instance heartbeat failed'),
    );
  }, 20_000);
  beat.unref();
  const userStore = createUserStore(db);

  let sandbox: Sandbox | undefined;
  let demoPassword: string | undefined;
  let accounts: AccountTarget[];
  let regions: string[];
  let awsOptions: AwsClientsOptions;
  let users = createUserDirectory(userStore);
  if (env.WHEELHOUSE_BACKEND === 'sandbox') {
    // Loaded only in sandbox mode: a console on real AWS never loads the simulator.
    const { startSandbox } = await import('@wheelhouse/sandbox');
    sandbox = await startSandbox(options.sandbox);
    const home = sandbox.accounts[0]!;
    accounts = sandboxAccounts(sandbox);
    regions = env.WHEELHOUSE_REGIONS ?? config.regions ?? sandbox.regions;
    awsOptions = {
      endpoint: sandbox.endpoint,
      baseCredentials: { accessKeyId: home.accessKeyId, secretAccessKey: home.secretAccessKey },
      homeRegion: regions[0] ?? 'us-east-1',
    };
    demoPassword = env.WHEELHOUSE_DEMO_PASSWORD ?? randomBytes(12).toString('base64url');
    users = createUserDirectory(userStore, await demoUsers(demoPassword));
  } else {
    accounts = configuredAccounts(config);
    const homeRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
    regions = env.WHEELHOUSE_REGIONS ?? config.regions ?? [homeRegion];
    awsOptions = {
      homeRegion,
      ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
      ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? {
            baseCredentials: {
              accessKeyId: env.AWS_ACCESS_KEY_ID,
              secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
              ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
            },
          }
        : {}),
    };
  }

  const aws = createAwsClients(accounts, {
    ...awsOptions,
    maxSockets: Math.max(64, env.WHEELHOUSE_REGION_CONCURRENCY * regions.length * accounts.length),
  });
  const gateway = createAwsGateway(aws, { regions });
  const inventory = createInventoryService(gateway, {
    regions,
    regionConcurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    cacheTtlMs: env.WHEELHOUSE_CACHE_TTL * 1000,
    logger,
  });
  const sources = async (): Promise<Sources> => ({
    accounts: await Promise.all(
      accounts.map(async (account) => ({
        id: await aws.accountId(account).catch(() => account.id ?? 'unknown'),
        name: account.name,
        via: account.via,
      })),
    ),
    regions,
  });

  const sessions = createSessionStore(db, {
    idleMs: env.WHEELHOUSE_SESSION_IDLE,
    maxMs: env.WHEELHOUSE_SESSION_MAX,
    ...(options.sessionClock ? { now: options.sessionClock } : {}),
  });
  // Configured SSO is known now; the sandbox's demo provider needs the console's URL, so it starts
  // after the console listens (until then the SSO routes answer 404, as without SSO).
  let oidc: OidcSignIn | undefined = config.sso
    ? createOidcSignIn(ssoSettings(config.sso, options.env), db)
    : undefined;
  const localUsers = config.sso?.localUsers ?? true;
  const audit = countedAuditLog(createAuditLog(db));
  reportPoolStats(() => databasePoolStats(db));
  const drain = createDrain();
  const compute = createComputeService(gateway, {
    concurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
  });
  const kube = createKubeAccess({
    aws,
    findAccount: (accountId) => inventory.findAccount(accountId),
    regions,
    stsEndpointOf: sandbox
      ? () => new URL(sandbox.endpoint)
      : (region) =>
          new URL(
            env.AWS_ENDPOINT_URL_STS ??
              env.AWS_ENDPOINT_URL ??
              `https://sts.${region}.amazonaws.com`,
          ),
    connectedKubeconfigOf: sandbox
      ? sandboxConnectedKubeconfig(sandbox)
      : configuredConnectedKubeconfig(config),
    identity: config.kubernetes?.identity ?? 'impersonate',
  });
  const workloads = createWorkloadsService(kube);
  const watchStreams = createWatchStreams(workloads, {
    perSession: env.WHEELHOUSE_WATCH_STREAMS_PER_SESSION,
  });
  const metrics = createMetricsService(kube, {
    onSampleError: (ref, error) =>
      logger.debug({ err: error, cluster: ref.name }, 'a metrics sample failed; skipped'),
  });
  const dashboardTokens = createDashboardTokens(db);
  const dashboard = createDashboardService(gateway, inventory, {
    regionConcurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    cacheTtlMs: Math.min(env.WHEELHOUSE_CACHE_TTL, 20) * 1000,
    podHealth: (clusters) => workloads.podHealth(clusters),
  });
  const posture = createPostureService(gateway, inventory, {
    clusterConcurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    callConcurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    cacheTtlMs: env.WHEELHOUSE_CACHE_TTL * 1000,
  });
  const cost = createCostService(gateway, inventory, {
    concurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    cacheTtlMs: env.WHEELHOUSE_CACHE_TTL * 1000,
  });
  const addons = createAddonsService(gateway, inventory, {
    concurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
    cacheTtlMs: env.WHEELHOUSE_CACHE_TTL * 1000,
  });
  // The upgrade plan's rules live in lifecycle, which needs the change runner built below.
  const insightsPlan: { current?: LifecycleService['upgradePlan'] } = {};
  const insights = createInsightsService(
    {
      aws: gateway,
      inventory,
      addons,
      upgradePlan: (ref) => {
        if (!insightsPlan.current) throw new Error('the upgrade plan is not wired yet');
        return insightsPlan.current(ref);
      },
    },
    {
      concurrency: env.WHEELHOUSE_REGION_CONCURRENCY,
      cacheTtlMs: Math.min(env.WHEELHOUSE_CACHE_TTL, 30) * 1000,
    },
  );
  const search = createFleetSearch({ inventory, gateway, kube });
  const invalidateCaches = () => {
    inventory.invalidate();
    dashboard.invalidate();
    posture.invalidate();
    cost.invalidate();
    addons.invalidate();
    insights.invalidate();
    search.invalidate();
  };
  // A change through any replica empties the caches of all of them (PostgreSQL NOTIFY); this
  // replica's own go at once, before its answer, so its next read already shows the change.
  const stopListening = await db.listen(invalidateCaches);
  const runChange = createChangeRunner(audit, () => {
    invalidateCaches();
    db.notify(db.instanceId).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not tell the other replicas about a change'),
    );
  });
  const computeChanges = createComputeChanges(gateway, compute, runChange);
  const addonConfigurations = createAddonConfigurations(gateway, inventory);
  const addonChanges = createAddonChanges(gateway, runChange, addonConfigurations);
  const lifecycle = createLifecycleService(gateway, inventory, compute, runChange);
  insightsPlan.current = (ref) => lifecycle.upgradePlan(ref);
  const connector = createConnectorService(gateway, runChange, {
    backend: env.WHEELHOUSE_BACKEND,
    ...(sandbox ? { sandboxEndpoint: sandbox.endpoint } : {}),
  });
  const access = createAccessService(gateway, inventory, createRbacReader(kube), runChange);
  const devices = createTrustedDevices(db);
  const workloadActions = createWorkloadActions(kube, runChange);
  const podExec = createPodExec({
    kube,
    audit,
    sessionAlive: async (id) => (await sessions.get(id, { touch: false })) !== undefined,
  });
  const routes: RouteDef[] = [
    ...sessionRoutes({
      backend: env.WHEELHOUSE_BACKEND,
      secureCookies: env.WHEELHOUSE_SECURE_COOKIES,
      users,
      sessions,
      audit,
      checkPassword: createPasswordSignIn({
        users,
        throttle: createLoginThrottle(db),
        hashQueue: createHashQueue({
          concurrency: env.WHEELHOUSE_LOGIN_CONCURRENCY,
          queueLength: env.WHEELHOUSE_LOGIN_QUEUE,
        }),
        devices,
      }),
      devices,
      localUsers,
      ssoLogoutUrl: async () => oidc?.logoutUrl(),
    }),
    ...oidcRoutes({
      oidc: () => oidc,
      localUsers,
      secureCookies: env.WHEELHOUSE_SECURE_COOKIES,
      sessions,
      audit,
    }),
    ...clusterRoutes({ inventory, sources }),
    ...computeRoutes({ compute, changes: computeChanges }),
    ...lifecycleRoutes({ lifecycle, connector }),
    ...workloadRoutes({ workloads, watchStreams, trackStream: (res) => drain.trackStream(res) }),
    ...objectRoutes({ workloads }),
    ...metricsRoutes({ metrics }),
    ...accessRoutes({ access }),
    ...searchRoutes({ search }),
    ...workloadActionRoutes({ actions: workloadActions }),
    ...auditRoutes({ reader: createAuditReader(db) }),
    ...operationsRoutes({
      operations: createOperationsService({
        pingDatabase: () => pingDatabase(db),
        resolveCredentials: () => aws.resolveBaseCredentials(),
        draining: () => drain.draining,
      }),
      ...(env.WHEELHOUSE_METRICS_TOKEN ? { metricsToken: env.WHEELHOUSE_METRICS_TOKEN } : {}),
    }),
    ...postureRoutes({ posture }),
    ...addonRoutes({ addons, changes: addonChanges, configurations: addonConfigurations }),
    ...insightRoutes({ insights }),
    ...costRoutes({ cost }),
    ...openApiRoutes(),
    ...dashboardRoutes({
      dashboard,
      access: createDashboardAccess(dashboardTokens, audit),
      secureCookies: env.WHEELHOUSE_SECURE_COOKIES,
    }),
  ];
  const refusals = createRefusalRecorder(audit);
  const hostPolicy = createHostPolicy({
    listenHost: env.WHEELHOUSE_HOST,
    ...(env.WHEELHOUSE_PUBLIC_URL ? { publicUrl: env.WHEELHOUSE_PUBLIC_URL } : {}),
    ...(env.WHEELHOUSE_ALLOWED_HOSTS ? { allowedHosts: env.WHEELHOUSE_ALLOWED_HOSTS } : {}),
  });
  const app = createApp({
    logger,
    sessions,
    audit,
    dashboardTokens,
    webDist: env.WHEELHOUSE_WEB_DIST ?? DEFAULT_WEB_DIST,
    secureCookies: env.WHEELHOUSE_SECURE_COOKIES,
    routes,
    hostPolicy,
    refusals,
    drain,
  });

  const server = await new Promise<Server>((resolveListen, reject) => {
    const listening = app.listen(env.WHEELHOUSE_PORT, env.WHEELHOUSE_HOST, (error?: Error) =>
      error ? reject(error) : resolveListen(listening),
    );
  });
  server.on('upgrade', podExecUpgrade({ exec: podExec, sessions, audit, refusals, hostPolicy }));
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.WHEELHOUSE_HOST}:${port}`;
  let demoSso: DemoSso | undefined;
  if (sandbox && !config.sso) {
    // Loaded only here, like the sandbox: a console on real AWS never loads the demo provider.
    const { startDemoSso } = await import('./auth/demoSso.ts');
    demoSso = await startDemoSso(url, demoPassword!);
    oidc = createOidcSignIn(demoSso.settings, db);
  }

  const wheelhouse: Wheelhouse = {
    url,
    backend: env.WHEELHOUSE_BACKEND,
    ...(sandbox ? { sandbox } : {}),
    ...(demoPassword ? { demoPassword } : {}),
    ...(demoSso ? { demoSso: { issuer: demoSso.idp.issuer, users: demoSso.users } } : {}),
    server,
    routes,
    async shutdown(graceMs = env.WHEELHOUSE_SHUTDOWN_GRACE) {
      // No new connections; idle keep-alive ones go now, busy ones once their answer is sent.
      server.close();
      server.closeIdleConnections();
      const result = await drain.drain(graceMs);
      await wheelhouse.close();
      return result;
    },
    async close() {
      podExec.closeAll();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      watchStreams.close();
      metrics.close();
      await demoSso?.idp.close();
      kube.destroy();
      aws.destroy();
      await sandbox?.close();
      // Counted-only refusals get their summary entry before the database closes.
      await refusals.flush();
      clearInterval(beat);
      await stopListening();
      await db.close();
    },
  };
  return wheelhouse;
}
