import { hashSeed, seededRandom } from '../../../world/random.ts';
import { matchesLabels, requirementsOf } from '../../objects/selectors.ts';
import type { KubeObject, LabelSelector, Node, Pod, Service } from '../../objects/types.ts';
import type { SimContext } from '../simContext.ts';

/**
 * The endpoints and endpointslice controllers and the disruption controller
 * in small: for every service with a selector, one Endpoints object and one
 * EndpointSlice of the matching pods (ready ones as addresses, others as not
 * ready); for every PodDisruptionBudget, its status from the pods it selects.
 * Recomputed for the namespaces whose pods, services or budgets changed.
 */

interface Budget extends KubeObject {
  spec: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: LabelSelector;
  };
}

const WATCHED = new Set(['pods', 'services', 'poddisruptionbudgets']);

const isReady = (pod: Pod) =>
  pod.status.phase === 'Running' &&
  !pod.metadata.deletionTimestamp &&
  (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** An int-or-percent of `total`; percentages round up, as the disruption controller does. */
function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const percent = Number(value.replace('%', ''));
  return Math.ceil((percent * total) / 100);
}

export class ServingController {
  private readonly dirty = new Set<string>();
  private readonly removed: Array<{ namespace: string; name: string }> = [];
  readonly close: () => void;

  constructor(private readonly context: SimContext) {
    this.close = context.store.subscribe((event) => {
      if (!WATCHED.has(event.plural)) return;
      const namespace = event.object.metadata.namespace;
      if (namespace) this.dirty.add(namespace);
      if (event.plural === 'services' && event.type === 'DELETED')
        this.removed.push({ namespace: namespace ?? '', name: event.object.metadata.name });
    });
  }

  run(): void {
    const { store } = this.context;
    for (const { namespace, name } of this.removed.splice(0)) {
      store.remove('endpoints', namespace, name);
      for (const slice of store.all<KubeObject>('endpointslices', namespace)) {
        if (slice.metadata.labels?.['kubernetes.io/service-name'] === name)
          store.remove('endpointslices', namespace, slice.metadata.name);
      }
    }
    const namespaces = [...this.dirty];
    this.dirty.clear();
    for (const namespace of namespaces) {
      const pods = store
        .all<Pod>('pods', namespace)
        .filter(
          (pod) =>
            pod.status.podIP && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed',
        );
      for (const service of store.all<Service>('services', namespace))
        this.syncService(service, pods);
      for (const budget of store.all<Budget>('poddisruptionbudgets', namespace))
        this.syncBudget(budget, pods);
    }
  }

  private syncService(service: Service, pods: Pod[]): void {
    const selector = service.spec.selector;
    if (!selector || Object.keys(selector).length === 0) return;
    const { store } = this.context;
    const { namespace, name } = service.metadata;
    const requirements = requirementsOf({ matchLabels: selector });
    const members = pods
      .filter((pod) => matchesLabels(requirements, pod.metadata.labels))
      .sort((a, b) => (a.status.podIP! < b.status.podIP! ? -1 : 1));
    const ports = (service.spec.ports ?? []).map((port) => ({
      ...(port.name ? { name: port.name } : {}),
      port: typeof port.targetPort === 'number' ? port.targetPort : port.port,
      protocol: port.protocol ?? 'TCP',
    }));
    const address = (pod: Pod) => ({
      ip: pod.status.podIP!,
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    });
    const ready = members.filter(isReady);
    const notReady = members.filter((pod) => !isReady(pod));
    const subsets =
      members.length === 0
        ? []
        : [
            {
              ...(ready.length > 0 ? { addresses: ready.map(address) } : {}),
              ...(notReady.length > 0 ? { notReadyAddresses: notReady.map(address) } : {}),
              ports,
            },
          ];
    const endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: service.metadata.creationTimestamp,
        ...(service.metadata.labels ? { labels: { ...service.metadata.labels } } : {}),
      },
      subsets,
    } as KubeObject & { subsets: unknown[] };
    const existing = store.get<KubeObject & { subsets: unknown[] }>('endpoints', namespace, name);
    if (!existing) store.create('endpoints', endpoints, service.metadata.creationTimestamp);
    else store.update('endpoints', existing, (draft) => (draft.subsets = subsets));

    const zoneOf = (pod: Pod) =>
      pod.spec.nodeName
        ? store.get<Node>('nodes', undefined, pod.spec.nodeName)?.metadata.labels?.[
            'topology.kubernetes.io/zone'
          ]
        : undefined;
    const sliceEndpoints = members.map((pod) => {
      const zone = zoneOf(pod);
      const readyNow = isReady(pod);
      return {
        addresses: [pod.status.podIP!],
        conditions: {
          ready: readyNow,
          serving: readyNow,
          terminating: !!pod.metadata.deletionTimestamp,
        },
        ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
        targetRef: { kind: 'Pod', namespace, name: pod.metadata.name, uid: pod.metadata.uid },
        ...(zone ? { zone } : {}),
      };
    });
    const slicePorts = ports.map((port) => ({
      name: port.name ?? '',
      port: port.port,
      protocol: port.protocol,
    }));
    // The controller names slices <service>-<5 random characters>; fixed per service here.
    const suffix = seededRandom(hashSeed(`${namespace}/${name}`)).hex(5);
    const sliceName = `${name}-${suffix}`;
    const slice = store.get<KubeObject & { endpoints: unknown[]; ports: unknown[] }>(
      'endpointslices',
      namespace,
      sliceName,
    );
    if (!slice) {
      store.create(
        'endpointslices',
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            name: sliceName,
            generateName: `${name}-`,
            namespace,
            uid: '',
            resourceVersion: '',
            creationTimestamp: service.metadata.creationTimestamp,
            labels: {
              'kubernetes.io/service-name': name,
              'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            },
            ownerReferences: [
              {
                apiVersion: 'v1',
                kind: 'Service',
                name,
                uid: service.metadata.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          addressType: 'IPv4',
          endpoints: sliceEndpoints,
          ports: slicePorts,
        } as KubeObject,
        service.metadata.creationTimestamp,
      );
    } else {
      store.update('endpointslices', slice, (draft) => {
        draft.endpoints = sliceEndpoints;
        draft.ports = slicePorts;
      });
    }
  }

  private syncBudget(budget: Budget, pods: Pod[]): void {
    const requirements = requirementsOf(budget.spec.selector);
    const selected = pods.filter(
      (pod) => !pod.metadata.deletionTimestamp && matchesLabels(requirements, pod.metadata.labels),
    );
    const expected = selected.length;
    const healthy = selected.filter(isReady).length;
    const desired =
      budget.spec.minAvailable !== undefined
        ? scaled(budget.spec.minAvailable, expected)
        : Math.max(0, expected - scaled(budget.spec.maxUnavailable ?? 0, expected));
    const allowed = Math.max(0, healthy - desired);
    const now = this.context
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    this.context.store.update('poddisruptionbudgets', budget, (draft) => {
      const previous = (
        draft.status as { conditions?: Array<{ status: string; lastTransitionTime: string }> }
      )?.conditions?.[0];
      const status = allowed > 0 ? 'True' : 'False';
      draft.status = {
        observedGeneration: draft.metadata.generation ?? 1,
        disruptionsAllowed: allowed,
        currentHealthy: healthy,
        desiredHealthy: desired,
        expectedPods: expected,
        conditions: [
          {
            type: 'DisruptionAllowed',
            status,
            reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
            message: '',
            observedGeneration: draft.metadata.generation ?? 1,
            lastTransitionTime:
              previous && previous.status === status ? previous.lastTransitionTime : now,
          },
        ],
      };
    });
  }
}
