import { kubeTime, nameSuffix } from '../objects/meta.ts';
import { StoreConflictError } from '../objects/objectStore.ts';
import { apiVersionOf } from '../objects/resourceTypes.ts';
import { formatSelector } from '../objects/selectors.ts';
import type { Deployment, KubeObject, Namespace } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { integerParam, readJsonBody, sendJson, type KubeExchange } from './httpExchange.ts';
import { recordUpdate } from './fieldOwnership.ts';
import { serveApply } from './serverSideApply.ts';
import { selectionOf } from './listing.ts';
import { applyPatch } from './mergePatch.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { KubeStatusError, kubeErrors } from './status.ts';

/** Creates, updates, patches and deletes, with the API server's defaulting and answers. */

const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

function conflictToStatus(error: unknown): never {
  if (error instanceof StoreConflictError) {
    if (error.reason === 'NotFound') throw new KubeStatusError(404, 'NotFound', error.message);
    throw new KubeStatusError(409, error.reason, error.message);
  }
  throw error;
}

function isApplyPatch(exchange: KubeExchange): boolean {
  const type = (exchange.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  return type === 'application/apply-patch+yaml';
}

export function asObject(body: unknown): KubeObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw kubeErrors.badRequest('the request body must be a JSON object');
  }
  return body as KubeObject;
}

/** What the API server fills in on a new object of each kind. */
function withDefaults(kube: KubeCluster, request: ResourceRequest, object: KubeObject): KubeObject {
  const kind = request.type.kind;
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'Namespace':
      return {
        ...object,
        metadata: {
          ...object.metadata,
          labels: {
            ...object.metadata.labels,
            'kubernetes.io/metadata.name': object.metadata.name,
          },
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      };
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
      if (!spec.selector || !spec.template) {
        throw kubeErrors.invalid(
          `${kind}.apps "${object.metadata.name}" is invalid: spec.selector: Required value`,
        );
      }
      return { ...object, spec: { replicas: 1, ...spec }, status: {} };
    case 'DaemonSet':
      return {
        ...object,
        status: {
          currentNumberScheduled: 0,
          desiredNumberScheduled: 0,
          numberMisscheduled: 0,
          numberReady: 0,
        },
      };
    case 'Job':
      return {
        ...object,
        spec: { completions: 1, parallelism: 1, backoffLimit: 6, ...spec },
        status: {},
      };
    case 'CronJob':
    case 'HorizontalPodAutoscaler':
      return { ...object, status: kind === 'CronJob' ? {} : { desiredReplicas: 0 } };
    case 'VerticalPodAutoscaler':
    case 'NodePool':
    case 'NodeClaim':
    case 'EC2NodeClass':
      // The recommender (Karpenter) writes the status; what a client sends there is not taken.
      return { ...object, status: {} };
    case 'Service': {
      const prefix =
        kube.cluster.kind === 'eks'
          ? kube.cluster.serviceIpv4Cidr.split('.').slice(0, 2).join('.')
          : '10.96';
      const clusterIP =
        (spec.clusterIP as string | undefined) ??
        `${prefix}.${kube.context.random.int(1, 254)}.${kube.context.random.int(1, 254)}`;
      return {
        ...object,
        spec: {
          type: 'ClusterIP',
          sessionAffinity: 'None',
          ...spec,
          clusterIP,
          clusterIPs: [clusterIP],
        },
        status: { loadBalancer: {} },
      };
    }
    case 'Pod':
      return kube.admit('pods', structuredClone(object));
    default:
      return object;
  }
}

/** The manager a write is recorded under: ?fieldManager, else the User-Agent's product, as kube-apiserver does. */
export function managerOf(exchange: KubeExchange): string {
  const named = exchange.query.get('fieldManager');
  if (named) return named;
  const agent = exchange.req.headers['user-agent'] ?? 'unknown';
  return agent.split('/')[0]!.trim() || 'unknown';
}

/**
 * Creates an object from a body; `managedFields` is the apply record when
 * server-side apply creates it, else the writer becomes its Update manager.
 */
export function create(
  kube: KubeCluster,
  exchange: KubeExchange,
  request: ResourceRequest,
  body: KubeObject,
  managedFields?: (object: KubeObject, time: string) => KubeObject['metadata']['managedFields'],
): void {
  const { type } = request;
  if (body.kind !== undefined && body.kind !== type.kind) {
    throw kubeErrors.badRequest(
      `the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  const metadata = body.metadata ?? ({} as KubeObject['metadata']);
  const namespace = type.namespaced ? request.namespace : undefined;
  if (metadata.namespace && namespace && metadata.namespace !== namespace) {
    throw kubeErrors.badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (namespace !== undefined && !kube.store.get('namespaces', undefined, namespace)) {
    throw kubeErrors.notFound('namespaces', namespace);
  }
  const name =
    metadata.name ||
    (metadata.generateName ? `${metadata.generateName}${nameSuffix(kube.context.random)}` : '');
  if (!name)
    throw kubeErrors.invalid(
      `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
    );
  const object = withDefaults(kube, request, {
    ...body,
    apiVersion: apiVersionOf(type),
    kind: type.kind,
    metadata: {
      ...metadata,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      generation: 1,
    },
  });
  const time = kubeTime(kube.context.now());
  object.metadata.managedFields = managedFields
    ? managedFields(object, time)
    : recordUpdate(undefined, object, managerOf(exchange), time);
  if (exchange.query.get('dryRun') === 'All') {
    sendJson(exchange, 201, object);
    return;
  }
  try {
    sendJson(exchange, 201, kube.store.create(type.plural, object, time));
  } catch (error) {
    conflictToStatus(error);
  }
}

export function existing(kube: KubeCluster, request: ResourceRequest): KubeObject {
  const found = kube.store.get<KubeObject>(request.type.plural, request.namespace, request.name!);
  if (!found) throw kubeErrors.notFound(request.type.plural, request.name!, request.type.group);
  return found;
}

/**
 * Writes a changed object: status cannot change through the main resource; a
 * spec change bumps generation. `managedFields` is the apply record, else the
 * writer becomes the Update manager of what it changed.
 */
export function writeChanged(
  kube: KubeCluster,
  request: ResourceRequest,
  previous: KubeObject,
  next: KubeObject,
  exchange: KubeExchange,
  managedFields?: KubeObject['metadata']['managedFields'],
): void {
  if (next.metadata?.name !== previous.metadata.name)
    throw kubeErrors.badRequest('the name of the object does not match the name on the URL');
  const specChanged = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
  const merged: KubeObject = {
    ...next,
    apiVersion: previous.apiVersion,
    kind: previous.kind,
    metadata: {
      ...next.metadata,
      namespace: previous.metadata.namespace,
      generation: (previous.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    },
    ...(previous.status !== undefined ? { status: previous.status } : {}),
  };
  if (merged.metadata.namespace === undefined) delete merged.metadata.namespace;
  merged.metadata.managedFields =
    managedFields ??
    recordUpdate(previous, merged, managerOf(exchange), kubeTime(kube.context.now()));
  if (merged.metadata.managedFields?.length === 0) delete merged.metadata.managedFields;
  if (exchange.query.get('dryRun') === 'All') {
    sendJson(exchange, 200, merged);
    return;
  }
  try {
    const expected = next.metadata.resourceVersion || undefined;
    sendJson(exchange, 200, kube.store.replace(request.type.plural, merged, expected));
  } catch (error) {
    conflictToStatus(error);
  }
}

function scaleOf(object: KubeObject): Record<string, unknown> {
  const workload = object as Deployment;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: workload.spec.replicas },
    status: {
      replicas: workload.status.replicas ?? 0,
      selector: formatSelector(workload.spec.selector),
    },
  };
}

async function serveScale(
  kube: KubeCluster,
  exchange: KubeExchange,
  request: ResourceRequest,
): Promise<void> {
  const object = existing(kube, request);
  if (exchange.method === 'GET') {
    sendJson(exchange, 200, scaleOf(object));
    return;
  }
  const body = await readJsonBody(exchange);
  const scale = (
    exchange.method === 'PUT'
      ? body
      : applyPatch(scaleOf(object), body, exchange.req.headers['content-type'])
  ) as { spec?: { replicas?: unknown } };
  const replicas = scale.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw kubeErrors.invalid(
      `Scale.autoscaling "${object.metadata.name}" is invalid: spec.replicas: Invalid value: must be greater than or equal to 0`,
    );
  }
  const manager = managerOf(exchange);
  const time = kubeTime(kube.context.now());
  const updated = kube.store.update(request.type.plural, object as Deployment, (draft) => {
    if (draft.spec.replicas !== replicas)
      draft.metadata.generation = (draft.metadata.generation ?? 1) + 1;
    const previous = structuredClone(draft);
    draft.spec.replicas = replicas;
    // The scaler owns spec.replicas from now on: a later apply of another count conflicts with it.
    draft.metadata.managedFields = recordUpdate(previous, draft, manager, time);
  });
  sendJson(exchange, 200, scaleOf(updated));
}

function deleteNamespace(kube: KubeCluster, namespace: Namespace): KubeObject {
  const name = namespace.metadata.name;
  if (PROTECTED_NAMESPACES.has(name)) {
    throw new KubeStatusError(
      403,
      'Forbidden',
      `namespaces "${name}" is forbidden: this namespace may not be deleted`,
    );
  }
  const terminating = kube.store.update('namespaces', namespace, (draft) => {
    draft.status.phase = 'Terminating';
    draft.metadata.deletionTimestamp = kubeTime(kube.context.now());
  });
  for (const plural of [
    'deployments',
    'statefulsets',
    'daemonsets',
    'cronjobs',
    'jobs',
    'replicasets',
    'horizontalpodautoscalers',
    'verticalpodautoscalers',
    'poddisruptionbudgets',
    'services',
    'configmaps',
    'pods',
    'events',
  ]) {
    for (const object of kube.store.all<KubeObject>(plural, name))
      kube.deleteObject(plural, object);
  }
  kube.context.timers.at(kube.context.simNow() + 3_000, () => {
    kube.store.remove('namespaces', undefined, name);
  });
  return terminating;
}

/** POST, PUT, PATCH and DELETE on a resource (and GET/PUT/PATCH on a scale subresource). */
export async function serveWrite(
  kube: KubeCluster,
  exchange: KubeExchange,
  request: ResourceRequest,
  verb: string,
): Promise<void> {
  if (request.subresource === 'scale') return serveScale(kube, exchange, request);
  if (request.subresource) throw kubeErrors.methodNotAllowed(exchange.method);
  switch (verb) {
    case 'create':
      if (request.name !== undefined) throw kubeErrors.methodNotAllowed(exchange.method);
      return create(kube, exchange, request, asObject(await readJsonBody(exchange)));
    case 'update': {
      const previous = existing(kube, request);
      return writeChanged(
        kube,
        request,
        previous,
        asObject(await readJsonBody(exchange)),
        exchange,
      );
    }
    case 'patch': {
      if (isApplyPatch(exchange)) return serveApply(kube, exchange, request);
      const previous = existing(kube, request);
      const patched = applyPatch(
        previous,
        await readJsonBody(exchange),
        exchange.req.headers['content-type'],
      );
      const next = asObject(patched);
      // A patch applies to the latest version unless it names one itself.
      if (next.metadata.resourceVersion === previous.metadata.resourceVersion)
        next.metadata = { ...next.metadata, resourceVersion: '' };
      return writeChanged(kube, request, previous, next, exchange);
    }
    case 'delete': {
      const previous = existing(kube, request);
      const grace = integerParam(exchange.query, 'gracePeriodSeconds');
      const gone =
        request.type.plural === 'namespaces'
          ? deleteNamespace(kube, previous as Namespace)
          : kube.deleteObject(request.type.plural, previous, grace);
      sendJson(exchange, 200, gone ?? previous);
      return;
    }
    case 'deletecollection': {
      const selection = selectionOf(request, exchange.query);
      const doomed = kube.store
        .all<KubeObject>(request.type.plural, request.namespace)
        .filter(selection.matches);
      for (const object of doomed) kube.deleteObject(request.type.plural, object);
      sendJson(exchange, 200, {
        kind: `${request.type.kind}List`,
        apiVersion: apiVersionOf(request.type),
        metadata: { resourceVersion: String(kube.store.resourceVersion) },
        items: doomed,
      });
      return;
    }
    default:
      throw kubeErrors.methodNotAllowed(exchange.method);
  }
}
