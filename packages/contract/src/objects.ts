import { z } from 'zod';
import { ClusterRef } from './common.ts';

/**
 * The Kubernetes objects the console has a detail view for, by the plural resource name kubectl uses
 * (`kubectl get deployments`): that name is the URL segment, so links read as kubectl does.
 */
export const OBJECT_RESOURCES = {
  pods: { kind: 'Pod', group: '', version: 'v1', namespaced: true },
  deployments: { kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true },
  replicasets: { kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true },
  statefulsets: { kind: 'StatefulSet', group: 'apps', version: 'v1', namespaced: true },
  daemonsets: { kind: 'DaemonSet', group: 'apps', version: 'v1', namespaced: true },
  jobs: { kind: 'Job', group: 'batch', version: 'v1', namespaced: true },
  cronjobs: { kind: 'CronJob', group: 'batch', version: 'v1', namespaced: true },
  services: { kind: 'Service', group: '', version: 'v1', namespaced: true },
  horizontalpodautoscalers: {
    kind: 'HorizontalPodAutoscaler',
    group: 'autoscaling',
    version: 'v2',
    namespaced: true,
  },
  // A CRD (installed with the VPA): where it is not, its detail answers 404 like a missing object.
  verticalpodautoscalers: {
    kind: 'VerticalPodAutoscaler',
    group: 'autoscaling.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  poddisruptionbudgets: {
    kind: 'PodDisruptionBudget',
    group: 'policy',
    version: 'v1',
    namespaced: true,
  },
  nodes: { kind: 'Node', group: '', version: 'v1', namespaced: false },
} as const;

export type ObjectResource = keyof typeof OBJECT_RESOURCES;
export const ObjectResource = z.enum(
  Object.keys(OBJECT_RESOURCES) as [ObjectResource, ...ObjectResource[]],
  { error: `is not one of ${Object.keys(OBJECT_RESOURCES).join(', ')}` },
);

/** The resources of one scope, so a namespaced path cannot name a node nor a cluster path a pod. */
function resourceEnum(namespaced: boolean) {
  const names = (Object.keys(OBJECT_RESOURCES) as ObjectResource[]).filter(
    (resource) => OBJECT_RESOURCES[resource].namespaced === namespaced,
  );
  const scope = namespaced ? 'namespaced' : 'cluster-scoped';
  return z.enum(names as [ObjectResource, ...ObjectResource[]], {
    error: `is not a ${scope} resource the console shows (${names.join(', ')})`,
  });
}

/** The resource name of a kind (`Deployment` -> `deployments`), when the console has a view for it. */
export function resourceOfKind(kind: string): ObjectResource | undefined {
  return (Object.keys(OBJECT_RESOURCES) as ObjectResource[]).find(
    (resource) => OBJECT_RESOURCES[resource].kind === kind,
  );
}

// DNS-1123 subdomains (object names) and labels (namespaces), as the API server checks them.
const ObjectName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a Kubernetes object name');
const Namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name');

/** Path of a namespaced object: `.../objects/deployments/shop/cart`. */
export const NamespacedObjectRef = ClusterRef.extend({
  resource: resourceEnum(true),
  namespace: Namespace,
  object: ObjectName,
});
export type NamespacedObjectRef = z.infer<typeof NamespacedObjectRef>;

/** Path of a cluster-scoped object: `.../objects/nodes/ip-10-0-1-5.ec2.internal`. */
export const ClusterObjectRef = ClusterRef.extend({
  resource: resourceEnum(false),
  object: ObjectName,
});
export type ClusterObjectRef = z.infer<typeof ClusterObjectRef>;

/** Another object this one names (an owner) or that names it (what it owns). */
export const ObjectLink = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  /** Set when the console has a detail view for the kind. */
  resource: ObjectResource.optional(),
  /** The owner reference names an object that no longer exists (or that the user may not read). */
  missing: z.boolean().optional(),
  /** A short state for the link: `3/3 ready`, `Running`. */
  status: z.string().optional(),
});
export type ObjectLink = z.infer<typeof ObjectLink>;

/** The events of one reason, as `kubectl describe` folds them: counted, first and last seen. */
export const EventGroup = z.object({
  type: z.string(),
  reason: z.string(),
  /** Sum of the events' counts (a repeated event counts each time it happened). */
  count: z.number().int(),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  /** The newest event's message; `messages` holds the distinct ones, newest first. */
  message: z.string(),
  messages: z.array(z.string()),
  source: z.string().optional(),
});
export type EventGroup = z.infer<typeof EventGroup>;

/** One object as the API server holds it, with its events and its place in the ownership tree. */
export const ObjectDetail = z.object({
  kind: z.string(),
  apiVersion: z.string(),
  resource: ObjectResource,
  name: z.string(),
  namespace: z.string().optional(),
  uid: z.string(),
  createdAt: z.string().optional(),
  resourceVersion: z.string().optional(),
  /** The object as YAML without `metadata.managedFields` (folded: see `managedFieldsYaml`). */
  yaml: z.string(),
  managedFieldsYaml: z.string().optional(),
  managedFieldsCount: z.number().int(),
  /** Events about the object grouped by reason, the most recent group first. */
  events: z.array(EventGroup),
  /** The owner chain, nearest first: a pod's ReplicaSet, then its Deployment. */
  owners: z.array(ObjectLink),
  /** Objects whose owner reference names this one (a ReplicaSet's pods, a CronJob's Jobs). */
  owns: z.array(ObjectLink),
  /** Parts that could not be read (events, an owner), named; the object itself was read. */
  errors: z.array(z.object({ part: z.string(), message: z.string() })),
});
export type ObjectDetail = z.infer<typeof ObjectDetail>;

/** `?namespace=&kind=&reason=&type=` of the cluster's events view; `type` defaults to Warning. */
export const EventsQuery = z.object({
  namespace: Namespace.optional(),
  kind: z.string().max(63).optional(),
  reason: z.string().max(128).optional(),
  type: z.enum(['Warning', 'Normal', 'all']).default('Warning'),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** One event group of the cluster's events view: what it is about and how often it happened. */
export const ClusterEvent = EventGroup.extend({ object: ObjectLink });
export type ClusterEvent = z.infer<typeof ClusterEvent>;

export const ClusterEventList = z.object({
  items: z.array(ClusterEvent),
  /** The cluster holds more events than the view reads (5,000): the rest are left out. */
  truncated: z.boolean(),
  resourceVersion: z.string().optional(),
});
export type ClusterEventList = z.infer<typeof ClusterEventList>;
