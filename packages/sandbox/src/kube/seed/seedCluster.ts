import type { ClusterRecord } from '../../world/eks/types.ts';
import { seededRandom, type Random } from '../../world/random.ts';
import { kubeTime, nameSuffix } from '../objects/meta.ts';
import type { ConfigMap, KubeObject } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import type { ClusterPlan, ServicePlan } from './clusterPlan.ts';
import { seedConsoleResources } from './consoleResources.ts';
import { seedRbac } from './rbacSeed.ts';
import {
  defaultNodeClass,
  defaultNodePool,
  gpuNodePool,
  karpenterCustomResourceDefinitions,
  nodeClaim,
} from './karpenterBuilders.ts';
import { verticalPodAutoscaler, vpaCustomResourceDefinition } from './vpaBuilders.ts';
import { CONSOLE_GROUP } from '../../world/seed/accessEntrySeed.ts';
import {
  cronJob,
  daemonSet,
  deployment,
  hpa,
  job,
  namespace,
  podDisruptionBudget,
  service,
  statefulSet,
  type AppSpec,
} from './workloadBuilders.ts';

/** Turns a cluster plan into objects, with creation times spread over the cluster's life. */

const BASE_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Service IPs come from the cluster's service CIDR (kubernetes = .1, kube-dns = .10 as on EKS). */
class ServiceIps {
  private readonly taken = new Set<string>();
  constructor(
    private readonly prefix: string,
    private readonly random: Random,
  ) {}
  fixed(last: string): string {
    const ip = `${this.prefix}.0.${last}`;
    this.taken.add(ip);
    return ip;
  }
  next(): string {
    for (;;) {
      const ip = `${this.prefix}.${this.random.int(1, 254)}.${this.random.int(1, 254)}`;
      if (!this.taken.has(ip)) {
        this.taken.add(ip);
        return ip;
      }
    }
  }
}

function serviceCidrPrefix(cluster: ClusterRecord): string {
  const cidr = cluster.kind === 'eks' ? cluster.serviceIpv4Cidr : '10.96.0.0/12';
  return cidr.split('.').slice(0, 2).join('.');
}

export interface SeedOptions {
  /** The aws-auth ConfigMap to write (clusters with CONFIG_MAP authentication). */
  awsAuth?: ConfigMap['data'];
}

export function seedCluster(kube: KubeCluster, plan: ClusterPlan, options: SeedOptions = {}): void {
  const { store, cluster } = kube;
  const random = seededRandom(`seed:${cluster.arn}`);
  const born = cluster.createdAt.getTime();
  const now = kube.context.now().getTime();
  const span = Math.max(3_600_000, now - born);
  /** Some time after the cluster was created, before now (ordered by `share` of its life). */
  const at = (share: number) =>
    new Date(born + Math.floor(span * Math.min(0.95, share + random.next() * 0.05)));
  const create = <T extends KubeObject>(plural: string, object: T) =>
    store.create(plural, object, kubeTime(new Date(now)));
  const ips = new ServiceIps(serviceCidrPrefix(cluster), random);

  for (const name of [
    ...BASE_NAMESPACES,
    ...plan.namespaces.filter((ns) => !BASE_NAMESPACES.includes(ns)),
  ]) {
    const system = BASE_NAMESPACES.includes(name);
    create(
      'namespaces',
      namespace(name, system ? new Date(born + 60_000) : at(0.1 + random.next() * 0.3)),
    );
  }
  create(
    'services',
    service(
      {
        namespace: 'default',
        name: 'kubernetes',
        ports: [{ name: 'https', port: 443, targetPort: 443 }],
        selector: null,
        clusterIP: ips.fixed('1'),
      },
      new Date(born + 60_000),
    ),
  );
  if (options.awsAuth) {
    create<ConfigMap>('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'aws-auth',
        namespace: 'kube-system',
        uid: '',
        resourceVersion: '',
        creationTimestamp: kubeTime(new Date(born + 600_000)),
      },
      data: options.awsAuth,
    });
  }

  const addService = (app: AppSpec, plan: ServicePlan | undefined, createdAt: Date) => {
    if (!plan) return;
    const name = app.name === 'coredns' ? 'kube-dns' : app.name;
    const clusterIP = plan.headless
      ? 'None'
      : app.name === 'coredns'
        ? ips.fixed('10')
        : ips.next();
    const hostname =
      plan.type === 'LoadBalancer'
        ? `a${random.hex(32)}-${random.int(100_000_000, 999_999_999)}.${cluster.region}.elb.amazonaws.com`
        : undefined;
    create(
      'services',
      service(
        {
          namespace: app.namespace,
          name,
          type: plan.type ?? 'ClusterIP',
          clusterIP,
          ports: [
            {
              port: plan.port,
              targetPort: plan.targetPort ?? plan.port,
              ...(plan.type === 'LoadBalancer' ? { nodePort: random.int(30_000, 32_767) } : {}),
            },
          ],
          selector: podSelector(app),
          ...(hostname ? { hostname } : {}),
        },
        createdAt,
      ),
    );
  };

  for (const app of plan.daemonSets) create('daemonsets', daemonSet(app, new Date(born + 300_000)));
  if (plan.deployments.some((app) => app.vpa))
    create('customresourcedefinitions', vpaCustomResourceDefinition(new Date(born + 600_000)));
  for (const app of plan.deployments) {
    const system = app.namespace === 'kube-system';
    const createdAt = system ? new Date(born + 300_000) : at(0.3 + random.next() * 0.5);
    const created = create('deployments', deployment(app, createdAt));
    addService(
      app,
      app.name === 'coredns' ? { port: 53, type: 'ClusterIP' } : app.service,
      createdAt,
    );
    if (app.hpa)
      create(
        'horizontalpodautoscalers',
        hpa({ namespace: app.namespace, name: app.name, ...app.hpa }, createdAt),
      );
    if (app.vpa) {
      create(
        'verticalpodautoscalers',
        verticalPodAutoscaler({ namespace: app.namespace, name: app.name }, app.vpa, createdAt),
      );
      if (app.vpa.cpuPercent !== undefined)
        kube.controllers.hpa.setLoad(created, app.vpa.cpuPercent);
    }
    if (app.pdb)
      create(
        'poddisruptionbudgets',
        podDisruptionBudget(app, podSelector(app), app.pdb, createdAt),
      );
  }
  if (plan.karpenter) seedKarpenter(kube, plan.karpenter, create, born, at);
  for (const app of plan.statefulSets) {
    const createdAt = at(0.3 + random.next() * 0.4);
    create('statefulsets', statefulSet(app, createdAt));
    addService(app, app.service, createdAt);
  }
  for (const app of plan.jobs)
    create('jobs', job(app, new Date(now - random.int(2, 30) * 3_600_000)));
  for (const app of plan.cronJobs) {
    const created = create('cronjobs', cronJob(app, at(0.4 + random.next() * 0.4)));
    kube.controllers.cron.backfill(created, 3);
  }
  seedConsoleResources({
    cluster,
    plan,
    namespaces: store.all<KubeObject>('namespaces').map((ns) => ns.metadata.name),
    // Its own sequence, so the objects above keep the names and IPs they had.
    random: seededRandom(`seed-console:${cluster.arn}`),
    create,
    at,
    born: new Date(born),
  });
  seedRbac(
    create,
    store.all<KubeObject>('namespaces').map((ns) => ns.metadata.name),
    CONSOLE_GROUP,
  );
}

function podSelector(app: AppSpec): Record<string, string> {
  return app.name === 'coredns' ? { 'k8s-app': 'kube-dns' } : { app: app.name };
}

/** Karpenter as installed with the cluster: CRDs, pools and class, and the claims made since. */
function seedKarpenter(
  kube: KubeCluster,
  plan: NonNullable<ClusterPlan['karpenter']>,
  create: <T extends KubeObject>(plural: string, object: T) => T,
  born: number,
  at: (share: number) => Date,
): void {
  const installed = new Date(born + 900_000);
  for (const definition of karpenterCustomResourceDefinitions(installed))
    create('customresourcedefinitions', definition);
  create('ec2nodeclasses', defaultNodeClass(kube.cluster.name, installed));
  const random = seededRandom(`seed-karpenter:${kube.cluster.arn}`);
  for (const pool of [defaultNodePool(installed), gpuNodePool(installed)]) {
    const created = create('nodepools', pool);
    for (const [index, choice] of (plan.nodeClaims[pool.metadata.name] ?? []).entries()) {
      const name = `${pool.metadata.name}-${nameSuffix(random)}`;
      create('nodeclaims', nodeClaim(created, name, choice, at(0.6 + index * 0.1)));
    }
  }
}
