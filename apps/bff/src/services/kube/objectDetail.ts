import {
  OBJECT_RESOURCES,
  resourceOfKind,
  type ClusterEvent,
  type ClusterEventList,
  type EventGroup,
  type EventsQuery,
  type ObjectDetail,
  type ObjectLink,
  type ObjectResource,
} from '@wheelhouse/contract';
import { stringify } from 'yaml';
import { KubeApiError, type KubeClient } from '../../upstream/kubeClient.ts';
import type { KubeEventObject, KubeList, LabelSelector, ObjectMeta } from './kubeTypes.ts';

/** Any object as the API server returns it: metadata always, the rest read field by field. */
interface AnyObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown> & { selector?: LabelSelector | Record<string, string> };
  status?: Record<string, unknown>;
}

/** What the detail view lists of an object's children before it says "and more". */
const CHILDREN_LIMIT = 500;
/** How far up an owner chain is followed (pod -> ReplicaSet -> Deployment is two). */
const OWNER_DEPTH = 4;
/** Events the cluster view reads at most (newest first); Kubernetes keeps an hour of them. */
const CLUSTER_EVENTS_LIMIT = 5_000;

function collectionPath(resource: ObjectResource, namespace: string | undefined): string {
  const { group, version } = OBJECT_RESOURCES[resource];
  const root = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const scope = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${resource}`;
}

const objectPath = (resource: ObjectResource, namespace: string | undefined, name: string) =>
  `${collectionPath(resource, OBJECT_RESOURCES[resource].namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;

/** A label selector as `a=b,c in (d)`, for list calls; undefined when it selects nothing in particular. */
export function selectorQuery(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return undefined;
  const terms = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const expression of selector.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    if (expression.operator === 'In') terms.push(`${expression.key} in (${values})`);
    else if (expression.operator === 'NotIn') terms.push(`${expression.key} notin (${values})`);
    else if (expression.operator === 'Exists') terms.push(expression.key);
    else if (expression.operator === 'DoesNotExist') terms.push(`!${expression.key}`);
  }
  return terms.length > 0 ? terms.join(',') : undefined;
}

/** The object as YAML, `metadata.managedFields` apart: it is long and rarely what one looks for. */
export function objectYaml(
  object: AnyObject,
): Pick<ObjectDetail, 'yaml' | 'managedFieldsYaml' | 'managedFieldsCount'> {
  const { managedFields, ...metadata } = object.metadata;
  const yaml = stringify({ ...object, metadata }, { lineWidth: 0 });
  const count = managedFields?.length ?? 0;
  return {
    yaml,
    managedFieldsCount: count,
    ...(count > 0 ? { managedFieldsYaml: stringify(managedFields, { lineWidth: 0 }) } : {}),
  };
}

const eventCount = (event: KubeEventObject) => event.series?.count ?? event.count ?? 1;
const eventFirst = (event: KubeEventObject) =>
  event.firstTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
const eventLast = (event: KubeEventObject) =>
  event.series?.lastObservedTime ??
  event.lastTimestamp ??
  event.eventTime ??
  event.metadata.creationTimestamp;

const earlier = (a: string | undefined, b: string | undefined) =>
  !a ? b : !b ? a : Date.parse(a) <= Date.parse(b) ? a : b;

/**
 * Events folded by `key` as `kubectl describe` folds them by reason: counts summed, first and last
 * seen over the group, distinct messages newest first; the most recent group first.
 */
export function groupEvents<G extends EventGroup>(
  events: KubeEventObject[],
  key: (event: KubeEventObject) => string,
  extra: (event: KubeEventObject) => Omit<G, keyof EventGroup>,
): G[] {
  const newestFirst = [...events].sort(
    (a, b) => Date.parse(eventLast(b) ?? '') - Date.parse(eventLast(a) ?? ''),
  );
  const groups = new Map<string, G>();
  for (const event of newestFirst) {
    const id = key(event);
    const message = event.message ?? '';
    const group = groups.get(id);
    if (!group) {
      const source = event.reportingComponent || event.source?.component;
      const first = eventFirst(event);
      const last = eventLast(event);
      groups.set(id, {
        ...extra(event),
        type: event.type ?? 'Normal',
        reason: event.reason ?? '',
        count: eventCount(event),
        ...(first ? { firstSeen: first } : {}),
        ...(last ? { lastSeen: last } : {}),
        message,
        messages: message ? [message] : [],
        ...(source ? { source } : {}),
      } as G);
      continue;
    }
    group.count += eventCount(event);
    const first = earlier(group.firstSeen, eventFirst(event));
    if (first) group.firstSeen = first;
    if (message && !group.messages.includes(message) && group.messages.length < 5) {
      group.messages.push(message);
    }
  }
  return [...groups.values()];
}

function link(kind: string, name: string, namespace: string | undefined): ObjectLink {
  const resource = resourceOfKind(kind);
  const namespaced = resource ? OBJECT_RESOURCES[resource].namespaced : true;
  return {
    kind,
    name,
    ...(namespaced && namespace ? { namespace } : {}),
    ...(resource ? { resource } : {}),
  };
}

/** One word or two on how a child is doing, for its row in "owns". */
function childStatus(child: AnyObject): string | undefined {
  const status = child.status ?? {};
  if (child.kind === 'Pod') return typeof status.phase === 'string' ? status.phase : undefined;
  if (child.kind === 'Job') {
    const succeeded = Number(status.succeeded ?? 0);
    const completions = Number(child.spec?.completions ?? 1);
    return `${succeeded}/${completions} succeeded`;
  }
  if (typeof status.replicas === 'number' || typeof child.spec?.replicas === 'number') {
    return `${Number(status.readyReplicas ?? 0)}/${Number(child.spec?.replicas ?? status.replicas ?? 0)} ready`;
  }
  return undefined;
}

/** What a kind's children are and how to narrow their list before matching owner references. */
function childrenOf(
  object: AnyObject,
  resource: ObjectResource,
): { resource: ObjectResource; query: Record<string, string | undefined> } | undefined {
  const selector = object.spec?.selector as LabelSelector | undefined;
  switch (resource) {
    case 'deployments':
      return { resource: 'replicasets', query: { labelSelector: selectorQuery(selector) } };
    case 'replicasets':
    case 'statefulsets':
    case 'daemonsets':
    case 'jobs':
      return { resource: 'pods', query: { labelSelector: selectorQuery(selector) } };
    case 'cronjobs':
      return { resource: 'jobs', query: {} };
    case 'nodes':
      // A node owns no pods, but what it runs is what one opens a node for.
      return {
        resource: 'pods',
        query: { fieldSelector: `spec.nodeName=${object.metadata.name}` },
      };
    case 'pods':
    case 'services':
    case 'horizontalpodautoscalers':
    case 'verticalpodautoscalers':
    case 'poddisruptionbudgets':
      return undefined;
  }
}

const refusal = (error: unknown) =>
  error instanceof KubeApiError
    ? `${error.status} ${error.reason}: ${error.message}`
    : String(error);

/** One object with its YAML, its events grouped by reason, its owner chain and its children. */
export async function readObjectDetail(
  client: KubeClient,
  resource: ObjectResource,
  namespace: string | undefined,
  name: string,
): Promise<ObjectDetail> {
  const { kind, namespaced } = OBJECT_RESOURCES[resource];
  const scope = namespaced ? namespace : undefined;
  const eventsPath = scope
    ? `/api/v1/namespaces/${encodeURIComponent(scope)}/events`
    : '/api/v1/events';
  const errors: ObjectDetail['errors'] = [];
  const [object, events] = await Promise.all([
    client.get<AnyObject>(objectPath(resource, scope, name)),
    client
      .get<KubeList<KubeEventObject>>(eventsPath, {
        fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
      })
      .catch((error: unknown) => {
        errors.push({ part: 'events', message: refusal(error) });
        return undefined;
      }),
  ]);

  const [owners, owns] = await Promise.all([
    readOwners(client, object, errors),
    readChildren(client, object, resource, errors),
  ]);
  return {
    kind: object.kind ?? kind,
    apiVersion: object.apiVersion ?? '',
    resource,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    uid: object.metadata.uid,
    ...(object.metadata.creationTimestamp ? { createdAt: object.metadata.creationTimestamp } : {}),
    ...(object.metadata.resourceVersion
      ? { resourceVersion: object.metadata.resourceVersion }
      : {}),
    ...objectYaml(object),
    events: groupEvents<EventGroup>(
      // An object deleted and made again under its name has a new uid: its predecessor's events are not its own.
      (events?.items ?? []).filter(
        (event) => !event.involvedObject.uid || event.involvedObject.uid === object.metadata.uid,
      ),
      (event) => `${event.type}|${event.reason}`,
      () => ({}),
    ),
    owners,
    owns,
    errors,
  };
}

/** The controller owner, then its owner, up to OWNER_DEPTH; a gone or unreadable owner ends the chain. */
async function readOwners(
  client: KubeClient,
  object: AnyObject,
  errors: ObjectDetail['errors'],
): Promise<ObjectLink[]> {
  const chain: ObjectLink[] = [];
  let current = object;
  for (let depth = 0; depth < OWNER_DEPTH; depth++) {
    const references = current.metadata.ownerReferences ?? [];
    const owner = references.find((reference) => reference.controller) ?? references[0];
    if (!owner) break;
    const namespace = current.metadata.namespace;
    const next = link(owner.kind, owner.name, namespace);
    if (!next.resource) {
      chain.push(next);
      break;
    }
    try {
      current = await client.get<AnyObject>(objectPath(next.resource, namespace, owner.name));
      if (current.metadata.uid !== owner.uid) {
        chain.push({ ...next, missing: true });
        break;
      }
      const status = childStatus(current);
      chain.push({ ...next, ...(status ? { status } : {}) });
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) {
        chain.push({ ...next, missing: true });
      } else {
        chain.push(next);
        errors.push({ part: `owner ${owner.kind}/${owner.name}`, message: refusal(error) });
      }
      break;
    }
  }
  return chain;
}

async function readChildren(
  client: KubeClient,
  object: AnyObject,
  resource: ObjectResource,
  errors: ObjectDetail['errors'],
): Promise<ObjectLink[]> {
  const children = childrenOf(object, resource);
  if (!children) return [];
  try {
    const list = await client.get<KubeList<AnyObject>>(
      collectionPath(children.resource, object.metadata.namespace),
      { ...children.query, limit: CHILDREN_LIMIT },
    );
    const childKind = OBJECT_RESOURCES[children.resource].kind;
    return list.items
      .filter(
        (child) =>
          resource === 'nodes' ||
          (child.metadata.ownerReferences ?? []).some(
            (reference) => reference.uid === object.metadata.uid,
          ),
      )
      .map((child) => {
        const status = childStatus({ ...child, kind: child.kind ?? childKind });
        return {
          ...link(childKind, child.metadata.name, child.metadata.namespace),
          ...(status ? { status } : {}),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    errors.push({ part: children.resource, message: refusal(error) });
    return [];
  }
}

/** The cluster's events, folded per object and reason, newest first (the Warning events view). */
export async function readClusterEvents(
  client: KubeClient,
  query: EventsQuery,
): Promise<ClusterEventList> {
  const fields = [
    ...(query.type !== 'all' ? [`type=${query.type}`] : []),
    ...(query.kind ? [`involvedObject.kind=${query.kind}`] : []),
    ...(query.reason ? [`reason=${query.reason}`] : []),
  ];
  const path = query.namespace
    ? `/api/v1/namespaces/${encodeURIComponent(query.namespace)}/events`
    : '/api/v1/events';
  const items: KubeEventObject[] = [];
  let token: string | undefined;
  let resourceVersion: string | undefined;
  do {
    const page = await client.get<KubeList<KubeEventObject>>(path, {
      fieldSelector: fields.join(',') || undefined,
      limit: 500,
      continue: token,
    });
    items.push(...page.items);
    resourceVersion ??= page.metadata.resourceVersion;
    token = page.metadata.continue || undefined;
  } while (token && items.length < CLUSTER_EVENTS_LIMIT);
  return {
    items: groupEvents<ClusterEvent>(
      items,
      (event) =>
        `${event.involvedObject.uid ?? ''}|${event.involvedObject.kind}|${event.involvedObject.namespace ?? ''}|${event.involvedObject.name}|${event.type}|${event.reason}`,
      (event) => ({
        object: link(
          event.involvedObject.kind ?? '',
          event.involvedObject.name ?? '',
          event.involvedObject.namespace,
        ),
      }),
    ),
    truncated: Boolean(token),
    ...(resourceVersion ? { resourceVersion } : {}),
  };
}
