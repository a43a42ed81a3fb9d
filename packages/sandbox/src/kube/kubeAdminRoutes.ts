import {
  AdminInputError,
  type AdminRequest,
  type AdminResponse,
  type AdminRouter,
} from '../http/adminRouter.ts';
import { certificateAuthorityOf } from '../world/eks/certificateAuthority.ts';
import { activateConnectedCluster, expireActivations } from '../world/eks/registrations.ts';
import type { ClusterRecord } from '../world/eks/types.ts';
import type { World } from '../world/world.ts';
import type { KubeDirectory } from './kubeDirectory.ts';
import type { Deployment, Node, Pod } from './objects/types.ts';
import { seedBenchPods } from './seed/benchPods.ts';
import type { KubeCluster } from './sim/kubeCluster.ts';

/**
 * The sandbox's admin endpoints for Kubernetes (under /_sandbox/): what runs
 * where, scenario drivers (scale a deployment, set its CPU load, seed
 * thousands of pods) and the EKS Connector agent's "connect".
 */

const notFound = (message: string): AdminResponse => ({ status: 404, body: { message } });
const conflict = (message: string): AdminResponse => ({ status: 409, body: { message } });

function clusterOf(world: World, request: AdminRequest): ClusterRecord | undefined {
  const { accountId, region, name } = request.params;
  return world.region(accountId!, region!).clusters.get(name!);
}

function integerField(body: unknown, field: string, min: number, max: number): number {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AdminInputError(`${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function counts(kube: KubeCluster) {
  const pods = kube.store.all<Pod>('pods');
  const phases: Record<string, number> = {};
  for (const pod of pods) phases[pod.status.phase] = (phases[pod.status.phase] ?? 0) + 1;
  const nodes = kube.store.all<Node>('nodes');
  return {
    nodes: nodes.length,
    readyNodes: nodes.filter((node) =>
      node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    ).length,
    fargateNodes: nodes.filter(
      (node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate',
    ).length,
    pods: pods.length,
    podsByPhase: phases,
    namespaces: kube.store.count('namespaces'),
    deployments: kube.store.count('deployments'),
    statefulSets: kube.store.count('statefulsets'),
    daemonSets: kube.store.count('daemonsets'),
    jobs: kube.store.count('jobs'),
    cronJobs: kube.store.count('cronjobs'),
    services: kube.store.count('services'),
    horizontalPodAutoscalers: kube.store.count('horizontalpodautoscalers'),
    verticalPodAutoscalers: kube.store.count('verticalpodautoscalers'),
    events: kube.store.count('events'),
    resourceVersion: kube.store.resourceVersion,
  };
}

export function registerKubeAdminRoutes(
  router: AdminRouter,
  world: World,
  directory: KubeDirectory,
): void {
  const base = '/clusters/{accountId}/{region}/{name}';

  /** A serving cluster's Kubernetes, or the admin answer that says why there is none. */
  const served = (
    request: AdminRequest,
  ): { cluster: ClusterRecord; kube: KubeCluster } | AdminResponse => {
    const cluster = clusterOf(world, request);
    if (!cluster)
      return notFound(
        `No cluster ${request.params.name} in ${request.params.accountId}/${request.params.region}.`,
      );
    const kube = directory.kubeOf(cluster);
    if (!kube)
      return conflict(
        `Cluster ${cluster.name} is ${cluster.status}: its Kubernetes API does not serve.`,
      );
    return { cluster, kube };
  };
  const deploymentOf = (request: AdminRequest, kube: KubeCluster) =>
    kube.store.get<Deployment>('deployments', request.params.namespace, request.params.deployment!);

  router.add('GET', '/clusters', () => ({
    status: 200,
    body: world.regionStates().flatMap((state) =>
      [...state.clusters.values()].map((cluster) => ({
        accountId: cluster.accountId,
        region: cluster.region,
        name: cluster.name,
        kind: cluster.kind,
        status: cluster.status,
      })),
    ),
  }));

  router.add('GET', `${base}/kube`, async (request) => {
    const found = served(request);
    if ('status' in found) return found;
    const { cluster, kube } = found;
    const endpoint = await directory.endpointOf(cluster);
    const authority = await certificateAuthorityOf(cluster);
    return {
      status: 200,
      body: {
        cluster: cluster.name,
        kind: cluster.kind,
        status: cluster.status,
        endpoint,
        certificateAuthority: { data: Buffer.from(authority.certificatePem).toString('base64') },
        counts: counts(kube),
        openWatches: directory.openWatchesOf(cluster),
        ...(cluster.kind === 'connected'
          ? {
              kubeconfig: await directory.connectedKubeconfig(
                cluster.accountId,
                cluster.region,
                cluster.name,
              ),
            }
          : {}),
      },
    };
  });

  router.add('POST', `${base}/deployments/{namespace}/{deployment}/scale`, (request) => {
    const found = served(request);
    if ('status' in found) return found;
    const replicas = integerField(request.json(), 'replicas', 0, 1000);
    const deployment = deploymentOf(request, found.kube);
    if (!deployment)
      return notFound(`No deployment ${request.params.namespace}/${request.params.deployment}.`);
    const updated = found.kube.store.update('deployments', deployment, (draft) => {
      if (draft.spec.replicas !== replicas)
        draft.metadata.generation = (draft.metadata.generation ?? 1) + 1;
      draft.spec.replicas = replicas;
    });
    return {
      status: 200,
      body: { namespace: updated.metadata.namespace, name: updated.metadata.name, replicas },
    };
  });

  const load = (request: AdminRequest, set: boolean): AdminResponse => {
    const found = served(request);
    if ('status' in found) return found;
    const cpuPercent = set ? integerField(request.json(), 'cpuPercent', 0, 1000) : undefined;
    const deployment = deploymentOf(request, found.kube);
    if (!deployment)
      return notFound(`No deployment ${request.params.namespace}/${request.params.deployment}.`);
    const { hpa } = found.kube.controllers;
    const reading =
      cpuPercent === undefined ? hpa.reading(deployment) : hpa.setLoad(deployment, cpuPercent);
    return {
      status: 200,
      body: {
        namespace: deployment.metadata.namespace,
        name: deployment.metadata.name,
        ...reading,
      },
    };
  };
  router.add('GET', `${base}/deployments/{namespace}/{deployment}/load`, (request) =>
    load(request, false),
  );
  router.add('POST', `${base}/deployments/{namespace}/{deployment}/load`, (request) =>
    load(request, true),
  );

  router.add('POST', `${base}/seed-pods`, (request) => {
    const found = served(request);
    if ('status' in found) return found;
    const count = integerField(request.json(), 'count', 1, 50_000);
    return { status: 200, body: seedBenchPods(found.kube, count) };
  });

  router.add('POST', `${base}/connect`, async (request) => {
    const cluster = clusterOf(world, request);
    if (!cluster)
      return notFound(
        `No cluster ${request.params.name} in ${request.params.accountId}/${request.params.region}.`,
      );
    if (cluster.kind !== 'connected')
      return conflict(
        `${cluster.name} is an EKS cluster; only registered (connected) clusters connect.`,
      );
    if (cluster.status === 'PENDING' && cluster.connector.activationExpiry <= world.now()) {
      expireActivations(world); // EKS marks the registration FAILED once its activation expired.
    }
    if (cluster.status !== 'PENDING') {
      return conflict(
        cluster.status === 'FAILED'
          ? `The activation of ${cluster.name} expired on ${cluster.connector.activationExpiry.toISOString()}; deregister and register it again.`
          : `${cluster.name} is ${cluster.status}, not PENDING.`,
      );
    }
    activateConnectedCluster(cluster);
    const endpoint = await directory.endpointOf(cluster);
    return { status: 200, body: { name: cluster.name, status: cluster.status, endpoint } };
  });
}
