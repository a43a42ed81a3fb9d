import type {
  AutoscalingView,
  ContainerDetail,
  ContainerRecommendation,
  Hpa,
  NamespaceList,
  NodeSummary,
  PodDetail,
  PodList,
  PodSummary,
  ServiceSummary,
  SessionInfo,
  Vpa,
  Workload,
} from '@wheelhouse/contract';
import { CLUSTER_API, CLUSTER_PAGE } from './computeFixtures.ts';
import { json } from './fetchStub.ts';
import { clusterDetail, operatorSession } from './fixtures.ts';

export { CLUSTER_API, CLUSTER_PAGE };
/** The BFF's Kubernetes routes of the fixture cluster. */
export const K8S_API = `${CLUSTER_API}/k8s`;

const CREATED = '2024-05-01T10:00:00.000Z';

/** A valid PodSummary (checked against the contract in tests), running on a managed node group. */
export function pod(overrides: Partial<PodSummary> = {}): PodSummary {
  const name = overrides.name ?? 'web-7d4b9c6f5-abcde';
  return {
    namespace: 'shop',
    name,
    uid: `uid-${name}`,
    phase: 'Running',
    ready: true,
    readyContainers: 1,
    containers: 1,
    restarts: 0,
    createdAt: CREATED,
    node: 'ip-10-0-1-5.eu-west-1.compute.internal',
    ip: '10.0.1.23',
    runsOn: { kind: 'managed', name: 'general' },
    owner: { kind: 'Deployment', name: 'web' },
    labels: { app: 'web' },
    ...overrides,
  };
}

/** `count` pods named pod-00000, pod-00001 … (sorted as the API lists them). */
export function manyPods(count: number, overrides: Partial<PodSummary> = {}): PodSummary[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `pod-${String(index).padStart(5, '0')}`;
    return pod({ name, uid: `uid-${name}`, ...overrides });
  });
}

export function podList(items: PodSummary[], extra: Partial<PodList> = {}): PodList {
  return { items, resourceVersion: '1000', ...extra };
}

export function container(overrides: Partial<ContainerDetail> = {}): ContainerDetail {
  return {
    name: 'web',
    image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2',
    init: false,
    ready: true,
    restarts: 0,
    state: 'running',
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { memory: '512Mi' },
    ...overrides,
  };
}

export function podDetail(overrides: Partial<PodDetail> = {}): PodDetail {
  return {
    ...pod(),
    containerDetails: [container()],
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransition: CREATED },
      { type: 'Ready', status: 'True', lastTransition: CREATED },
    ],
    events: [],
    tolerations: ['node.kubernetes.io/not-ready:NoExecute'],
    nodeSelector: {},
    ...overrides,
  };
}

export function workload(overrides: Partial<Workload> = {}): Workload {
  return {
    kind: 'Deployment',
    namespace: 'shop',
    name: 'web',
    ready: 3,
    desired: 3,
    details: { upToDate: 3, available: 3 },
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
    images: ['111111111111.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2'],
    createdAt: CREATED,
    selector: { app: 'web' },
    ...overrides,
  };
}

export function service(overrides: Partial<ServiceSummary> = {}): ServiceSummary {
  return {
    namespace: 'shop',
    name: 'web',
    type: 'ClusterIP',
    clusterIP: '10.100.12.7',
    ports: ['80/TCP → 8080'],
    selector: { app: 'web' },
    createdAt: CREATED,
    ...overrides,
  };
}

const GIB = 1024 ** 3;

export function node(overrides: Partial<NodeSummary> = {}): NodeSummary {
  return {
    name: 'ip-10-0-1-5.eu-west-1.compute.internal',
    runsOn: { kind: 'managed', name: 'general' },
    capacityType: 'ON_DEMAND',
    instanceType: 'm5.large',
    zone: 'eu-west-1a',
    ready: true,
    conditions: [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: 'True' },
    ],
    taints: [],
    unschedulable: false,
    allocatable: { cpuMillis: 1930, memoryBytes: 7 * GIB, pods: 29 },
    requested: { cpuMillis: 965, memoryBytes: 1.75 * GIB },
    pods: 12,
    kubeletVersion: 'v1.31.2-eks-7f9249a',
    createdAt: CREATED,
    ...overrides,
  };
}

export function hpa(overrides: Partial<Hpa> = {}): Hpa {
  return {
    namespace: 'shop',
    name: 'web',
    target: 'Deployment/web',
    minReplicas: 2,
    maxReplicas: 10,
    currentReplicas: 3,
    desiredReplicas: 4,
    metrics: [{ name: 'cpu', current: '73%', target: '60%' }],
    ...overrides,
  };
}

export const namespaces: NamespaceList = {
  items: [
    { name: 'default', phase: 'Active' },
    { name: 'kube-system', phase: 'Active' },
    { name: 'shop', phase: 'Active' },
  ],
};

export const emptyAutoscaling: AutoscalingView = {
  hpas: [],
  verticalAutoscalers: [],
  vpaInstalled: true,
  nodeAutoscalers: [],
  karpenter: { installed: false, nodePools: [], nodeClaims: [], nodeClasses: [], errors: [] },
};

const MIB = 2 ** 20;

/** A VPA over the Deployment web, recommending for its one container. */
export function vpa(overrides: Partial<Vpa> = {}): Vpa {
  return {
    namespace: 'shop',
    name: 'web',
    target: { kind: 'Deployment', name: 'web' },
    updateMode: 'Auto',
    provided: true,
    containers: [
      {
        container: 'web',
        target: { cpuMillis: 250, memoryBytes: 300 * MIB },
        lowerBound: { cpuMillis: 150, memoryBytes: 200 * MIB },
        upperBound: { cpuMillis: 400, memoryBytes: 512 * MIB },
        uncappedTarget: { cpuMillis: 250, memoryBytes: 300 * MIB },
      },
    ],
    createdAt: CREATED,
    ...overrides,
  };
}

/** The recommendation a pod's container shows when a VPA is over its Deployment. */
export function containerRecommendation(
  overrides: Partial<ContainerRecommendation> = {},
): ContainerRecommendation {
  const { container: _container, ...bounds } = vpa().containers[0]!;
  return {
    vpa: 'web',
    updateMode: 'Auto',
    ...bounds,
    requested: { cpuMillis: 100, memoryBytes: 256 * MIB },
    ...overrides,
  };
}

/** What the cluster page and every Resources view read, answering with empty lists by default. */
export function resourcesHandlers(
  session: SessionInfo = operatorSession,
): Record<string, () => Response> {
  return {
    'GET /api/session': () => json(session),
    [`GET ${CLUSTER_API}`]: () => json(clusterDetail()),
    [`GET ${K8S_API}/namespaces`]: () => json(namespaces),
    [`GET ${K8S_API}/workloads`]: () => json({ items: [] }),
    [`GET ${K8S_API}/services`]: () => json({ items: [] }),
    [`GET ${K8S_API}/nodes`]: () => json({ items: [] }),
    [`GET ${K8S_API}/autoscaling`]: () => json(emptyAutoscaling),
    [`GET ${K8S_API}/pods`]: () => json(podList([])),
  };
}

/** The Resources tab of the fixture cluster at one view, with extra query parameters. */
export const resourcesPage = (view: string, extra = '') =>
  `${CLUSTER_PAGE}?tab=resources&view=${view}${extra}`;
