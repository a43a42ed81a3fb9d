import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import { DescribeClusterCommand, type Cluster } from '@aws-sdk/client-eks';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterRef } from '@wheelhouse/contract';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { AccountTarget, AwsClients } from './awsClients.ts';
import { fromAwsError } from './awsErrors.ts';
import { eksToken } from './eksToken.ts';
import { createKubeClient, type KubeClient, type KubeEndpoint } from './kubeClient.ts';
import { createTtlCache } from './ttlCache.ts';
import { timedKubeClient } from '../observability/kubeMetrics.ts';
import { assertReadRegion } from './regions.ts';

/** Where tokens for a region's clusters are presigned: the STS endpoint EKS checks them against. */
export type StsEndpointOf = (region: string) => URL;
/** Kubernetes access to a connected cluster: a kubeconfig with its context selected, or undefined. */
export type ConnectedKubeconfigOf = (ref: ClusterRef) => Promise<KubeConfig | undefined>;

export interface KubeAccessDeps {
  aws: AwsClients;
  findAccount: (accountId: string) => Promise<AccountTarget>;
  regions: string[];
  stsEndpointOf: StsEndpointOf;
  connectedKubeconfigOf: ConnectedKubeconfigOf;
}

/** The clusters' Kubernetes APIs live: answers come only while the control plane serves. */
const SERVING = new Set(['ACTIVE', 'UPDATING']);
const TOKEN_REUSE_MS = 45_000;
const CLUSTER_INFO_TTL_MS = 60_000;
/** Sockets for a cluster's lists and gets; streams have their own agent (see KubeEndpoint.streamAgent). */
const REQUEST_SOCKETS = 16;

/** An IAM principal as an EKS access entry names it: assumed-role sessions map to their role. */
export function principalForAccessEntry(arn: string): string {
  const match = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : arn;
}

function destroyAgents(endpoint: KubeEndpoint): void {
  endpoint.agent.destroy();
  endpoint.streamAgent.destroy();
}

/** Kubernetes clients per cluster: EKS clusters by IAM token, connected clusters by kubeconfig. */
export function createKubeAccess(deps: KubeAccessDeps) {
  const clusterInfo = createTtlCache<{ cluster: Cluster; account: AccountTarget }>(
    CLUSTER_INFO_TTL_MS,
    Date.now,
    'kube-cluster-info',
  );
  const clients = new Map<
    string,
    { fingerprint: string; client: KubeClient; endpoint: KubeEndpoint }
  >();

  async function describe(ref: ClusterRef) {
    return clusterInfo.get(`${ref.accountId}|${ref.region}|${ref.name}`, async () => {
      assertReadRegion(deps.regions, ref.region);
      const account = await deps.findAccount(ref.accountId);
      try {
        const { cluster } = await deps.aws
          .eks(account, ref.region)
          .send(new DescribeClusterCommand({ name: ref.name }));
        if (!cluster) throw new NotFoundError(`No cluster named ${ref.name}.`);
        return { cluster, account };
      } catch (error) {
        throw error instanceof NotFoundError ? error : fromAwsError(error);
      }
    });
  }

  function eksEndpoint(ref: ClusterRef, cluster: Cluster, account: AccountTarget): KubeEndpoint {
    const ca = Buffer.from(cluster.certificateAuthority?.data ?? '', 'base64').toString('utf8');
    // TLS is verified against the cluster's own CA from DescribeCluster; never switched off.
    const trust = { keepAlive: true, ca, rejectUnauthorized: true };
    let cached: { token: string; until: number } | undefined;
    return {
      server: new URL(cluster.endpoint!),
      agent: new HttpsAgent({ ...trust, maxSockets: REQUEST_SOCKETS }),
      // Unbounded here: the watch hub bounds upstream watches (one per cluster, kind and namespace).
      streamAgent: new HttpsAgent(trust),
      async headers() {
        if (!cached || cached.until <= Date.now()) {
          const { token } = await eksToken({
            clusterName: ref.name,
            region: ref.region,
            credentials: deps.aws.credentials(account),
            stsEndpoint: deps.stsEndpointOf(ref.region),
          });
          cached = { token, until: Date.now() + TOKEN_REUSE_MS };
        }
        return { authorization: `Bearer ${cached.token}` };
      },
    };
  }

  async function connectedEndpoint(ref: ClusterRef): Promise<KubeEndpoint> {
    const kc = await deps.connectedKubeconfigOf(ref);
    const server = kc?.getCurrentCluster()?.server;
    if (!kc || !server) {
      throw new ConflictError(
        `No Kubernetes access is configured for the connected cluster ${ref.name}: add it under connectedClusters in WHEELHOUSE_CONFIG (a kubeconfig and context).`,
      );
    }
    // client-node resolves the kubeconfig's CA, client certificates and exec/token auth.
    const base: RequestOptions = {};
    await kc.applyToHTTPSOptions(base);
    const agentWith = (maxSockets: number) =>
      server.startsWith('https:')
        ? new HttpsAgent({
            keepAlive: true,
            maxSockets,
            ...(base.ca ? { ca: base.ca } : {}),
            ...(base.cert ? { cert: base.cert } : {}),
            ...(base.key ? { key: base.key } : {}),
          })
        : new HttpAgent({ keepAlive: true, maxSockets });
    return {
      server: new URL(server),
      agent: agentWith(REQUEST_SOCKETS),
      streamAgent: agentWith(Infinity),
      async headers() {
        const options: RequestOptions = {};
        await kc.applyToHTTPSOptions(options);
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(options.headers ?? {})) {
          if (typeof value === 'string') headers[key.toLowerCase()] = value;
        }
        if (options.auth)
          headers.authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
        return headers;
      },
    };
  }

  return {
    /** A Kubernetes client for the cluster; refuses clusters whose API is not serving. */
    async clientFor(ref: ClusterRef): Promise<KubeClient> {
      const { cluster, account } = await describe(ref);
      if (!SERVING.has(cluster.status ?? '')) {
        throw new ConflictError(
          `The cluster is ${cluster.status}; its Kubernetes API answers once it is ACTIVE.`,
        );
      }
      const connected = cluster.connectorConfig !== undefined;
      const fingerprint = connected
        ? 'connected'
        : `${cluster.endpoint}|${cluster.certificateAuthority?.data}`;
      const key = `${ref.accountId}|${ref.region}|${ref.name}`;
      const existing = clients.get(key);
      if (existing?.fingerprint === fingerprint) return existing.client;
      if (existing) destroyAgents(existing.endpoint);
      const endpoint = connected
        ? await connectedEndpoint(ref)
        : eksEndpoint(ref, cluster, account);
      const client = timedKubeClient(
        createKubeClient(endpoint),
        `${ref.accountId}/${ref.region}/${ref.name}`,
      );
      clients.set(key, { fingerprint, client, endpoint });
      return client;
    },
    /** The IAM principal this console presents to the cluster, as an access entry would name it. */
    async principalFor(ref: ClusterRef): Promise<string | undefined> {
      const account = await deps.findAccount(ref.accountId);
      const identity = await deps.aws.identity(account).catch(() => undefined);
      return identity?.arn ? principalForAccessEntry(identity.arn) : undefined;
    },
    async isConnected(ref: ClusterRef): Promise<boolean> {
      return (await describe(ref)).cluster.connectorConfig !== undefined;
    },
    destroy(): void {
      for (const { endpoint } of clients.values()) destroyAgents(endpoint);
      clients.clear();
    },
  };
}
export type KubeAccess = ReturnType<typeof createKubeAccess>;
