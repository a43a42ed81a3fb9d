import { createHash } from 'node:crypto';
import type { CredentialStore } from '../auth/credentialStore.ts';
import type { FaultInjector } from '../faults/faultController.ts';
import { withKubeFaults } from './api/kubeFaults.ts';
import { certificateAuthorityOf } from '../world/eks/certificateAuthority.ts';
import type { ClusterRecord, ConnectedClusterRecord } from '../world/eks/types.ts';
import { seededRandom } from '../world/random.ts';
import { findVersion } from '../world/versionCalendar.ts';
import type { World } from '../world/world.ts';
import { createKubeApi } from './api/kubeApi.ts';
import { listenKubeApi, type RunningKubeServer } from './api/kubeServer.ts';
import type { KubeUser } from './auth/authorizer.ts';
import { resolveEksUser } from './auth/authorizer.ts';
import { TokenRejected, verifyEksToken } from './auth/eksTokenVerifier.ts';
import { issueServingCertificate } from './auth/servingCertificate.ts';
import type { ConfigMap } from './objects/types.ts';
import { connectedVersion, seedConnectedCluster } from './seed/connectedSeed.ts';
import { seedEksKube, type SeedMode } from './seed/eksSeed.ts';
import { KubeCluster } from './sim/kubeCluster.ts';

/** A kubeconfig as kubectl writes it (YAML-shaped, as JSON): clusters, users, contexts, current-context. */
export interface Kubeconfig {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: Array<{
    name: string;
    cluster: { server: string; 'certificate-authority-data': string };
  }>;
  users: Array<{ name: string; user: { token: string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  'current-context': string;
  preferences: Record<string, never>;
}

export interface KubeDirectoryOptions {
  seed: SeedMode;
  /** Nodes go NotReady now and then (default true). */
  flaky?: boolean;
  /** The sandbox's fault rules; those naming service "kubernetes" apply to the API servers. */
  faults?: FaultInjector;
}

interface Served {
  /** Created on first need: an API request, the admin API, a tick after that. */
  kube?: KubeCluster;
  server?: Promise<RunningKubeServer>;
  endpoint?: string;
  openWatches?: () => number;
}

/** Clusters whose control plane answers: EKS clusters once ACTIVE (also while UPDATING), connected ones once ACTIVE. */
export function servesKubernetes(cluster: ClusterRecord): boolean {
  return cluster.status === 'ACTIVE' || cluster.status === 'UPDATING';
}

/**
 * The static bearer token the sandbox accepts for a connected cluster (what
 * its kubeconfig carries): derived from the cluster's ARN, so it is the same
 * on every start; it grants cluster-admin, as the operator's own kubeconfig would.
 */
export function connectedClusterToken(cluster: ConnectedClusterRecord): string {
  return `wheelhouse-connected.${createHash('sha256').update(`wheelhouse-sandbox:${cluster.arn}`).digest('hex').slice(0, 40)}`;
}

/**
 * Every cluster's Kubernetes: created on first need (DescribeCluster of a
 * serving cluster, the admin API, a connect), seeded as if it had run for
 * days, given an HTTPS API server on its own loopback port with a serving
 * certificate from the cluster's CA, ticked with the world, and stopped when
 * the cluster is gone or the sandbox closes.
 */
export class KubeDirectory {
  private readonly served = new Map<ClusterRecord, Served>();
  private sandboxHosts: string[] = [];
  private closed = false;

  constructor(
    private readonly world: World,
    private readonly credentials: CredentialStore,
    private readonly options: KubeDirectoryOptions,
  ) {}

  /** The sandbox's own endpoint, which EKS tokens may name as their STS host. */
  setSandboxEndpoint(endpoint: string): void {
    const url = new URL(endpoint);
    this.sandboxHosts = [url.host, `localhost:${url.port}`, `127.0.0.1:${url.port}`];
  }

  findCluster(accountId: string, region: string, name: string): ClusterRecord | undefined {
    return this.world.region(accountId, region).clusters.get(name);
  }

  /**
   * The cluster's Kubernetes state, created (and seeded) on first use;
   * undefined while the cluster does not serve (and never did here).
   */
  kubeOf(cluster: ClusterRecord): KubeCluster | undefined {
    let entry = this.served.get(cluster);
    if (entry?.kube) return entry.kube;
    if (this.closed || (!entry && !servesKubernetes(cluster))) return undefined;
    const kube = new KubeCluster(this.world, cluster, { flaky: this.options.flaky ?? true });
    if (cluster.kind === 'eks') seedEksKube(this.world, kube, cluster, this.options.seed);
    else seedConnectedCluster(kube, cluster);
    entry ??= {};
    entry.kube = kube;
    this.served.set(cluster, entry);
    return kube;
  }

  /**
   * Starts the cluster's API server if needed (its objects are only created
   * at the first request): its https://127.0.0.1:<port> endpoint, or undefined.
   */
  async endpointOf(cluster: ClusterRecord): Promise<string | undefined> {
    let entry = this.served.get(cluster);
    if (entry?.endpoint) return entry.endpoint;
    if (this.closed || (!entry && !servesKubernetes(cluster))) return undefined;
    if (!entry) this.served.set(cluster, (entry = {}));
    entry.server ??= this.startServer(cluster);
    const server = await entry.server;
    entry.endpoint = `https://127.0.0.1:${server.port}`;
    return entry.endpoint;
  }

  /** The endpoint if the server already runs (DeleteCluster shows it without starting one). */
  runningEndpointOf(cluster: ClusterRecord): string | undefined {
    return this.served.get(cluster)?.endpoint;
  }

  private async startServer(cluster: ClusterRecord): Promise<RunningKubeServer> {
    const kube = () => {
      const state = this.kubeOf(cluster);
      if (!state) throw new Error(`cluster ${cluster.name} has no Kubernetes state`);
      return state;
    };
    const authority = await certificateAuthorityOf(cluster);
    const certificate = await issueServingCertificate(authority, {
      serial: createHash('sha256').update(`serving:${cluster.arn}`).digest('hex').slice(0, 16),
      notBefore: new Date(Math.min(cluster.createdAt.getTime(), Date.now()) - 3_600_000),
    });
    const api = createKubeApi({
      kube,
      version: () => ({ gitVersion: this.gitVersionOf(cluster) }),
      serverAddress: `${cluster.name}.sandbox.internal:443`,
      authenticate: (token) => this.authenticate(cluster, kube, token),
    });
    const entry = this.served.get(cluster);
    if (entry) entry.openWatches = () => api.openWatches();
    const faults = this.options.faults;
    const server = await listenKubeApi(
      faults ? withKubeFaults(api, faults, cluster) : api,
      certificate,
    );
    if (
      this.closed ||
      this.findCluster(cluster.accountId, cluster.region, cluster.name) !== cluster
    ) {
      await server.close();
      throw new Error(`cluster ${cluster.name} is gone`);
    }
    return server;
  }

  private gitVersionOf(cluster: ClusterRecord): string {
    if (cluster.kind === 'connected') return connectedVersion(cluster);
    const patch = findVersion(cluster.version)?.patchVersion ?? `${cluster.version}.0`;
    return `v${patch}-eks-${seededRandom(`git:${cluster.arn}:${cluster.version}`).hex(7)}`;
  }

  private async authenticate(
    cluster: ClusterRecord,
    kube: () => KubeCluster,
    token: string | undefined,
  ): Promise<KubeUser | undefined> {
    if (!token) return undefined;
    if (cluster.kind === 'connected') {
      return token === connectedClusterToken(cluster)
        ? {
            username: 'wheelhouse-console',
            groups: ['system:masters', 'system:authenticated'],
            grants: [{ power: 'cluster-admin' }],
          }
        : undefined;
    }
    try {
      const principal = await verifyEksToken(token, {
        clusterName: cluster.name,
        credentials: this.credentials,
        sandboxHosts: this.sandboxHosts,
        hostNow: new Date(),
        worldNow: this.world.now(),
      });
      const awsAuth = kube().store.get<ConfigMap>('configmaps', 'kube-system', 'aws-auth');
      return resolveEksUser(cluster, principal, awsAuth);
    } catch (error) {
      if (error instanceof TokenRejected) return undefined;
      throw error;
    }
  }

  /** A kubeconfig for a connected cluster (server, CA, static token), or undefined while it is not ACTIVE. */
  async connectedKubeconfig(
    accountId: string,
    region: string,
    name: string,
  ): Promise<Kubeconfig | undefined> {
    const cluster = this.findCluster(accountId, region, name);
    if (cluster?.kind !== 'connected' || cluster.status !== 'ACTIVE') return undefined;
    const server = await this.endpointOf(cluster);
    if (!server) return undefined;
    const authority = await certificateAuthorityOf(cluster);
    const context = `${cluster.name}.${region}.${accountId}`;
    return {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: context,
          cluster: {
            server,
            'certificate-authority-data': Buffer.from(authority.certificatePem).toString('base64'),
          },
        },
      ],
      users: [{ name: context, user: { token: connectedClusterToken(cluster) } }],
      contexts: [{ name: context, context: { cluster: context, user: context } }],
      'current-context': context,
      preferences: {},
    };
  }

  /** Moves every served cluster on; stops those that are gone. */
  tick(): void {
    for (const [cluster, served] of this.served) {
      if (this.findCluster(cluster.accountId, cluster.region, cluster.name) !== cluster) {
        this.stop(cluster, served);
        continue;
      }
      try {
        served.kube?.tick();
      } catch (error) {
        console.error(`[sandbox] Kubernetes simulation of ${cluster.name} failed`, error);
      }
    }
  }

  private stop(cluster: ClusterRecord, served: Served): void {
    this.served.delete(cluster);
    served.kube?.close();
    void served.server?.then((server) => server.close()).catch(() => undefined);
  }

  /** Watch streams open on the cluster's API server (0 while it does not serve). */
  openWatchesOf(cluster: ClusterRecord): number {
    return this.served.get(cluster)?.openWatches?.() ?? 0;
  }

  /** How many clusters have a Kubernetes state, and how many serve on a port. */
  stats(): { clusters: number; servers: number } {
    const all = [...this.served.values()];
    return {
      clusters: all.filter((entry) => entry.kube).length,
      servers: all.filter((entry) => entry.server !== undefined).length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const servers = [...this.served.values()].flatMap((served) =>
      served.server ? [served.server] : [],
    );
    for (const [cluster, served] of [...this.served]) {
      this.served.delete(cluster);
      served.kube?.close();
    }
    await Promise.all(
      servers.map((server) => server.then((running) => running.close()).catch(() => undefined)),
    );
  }
}
