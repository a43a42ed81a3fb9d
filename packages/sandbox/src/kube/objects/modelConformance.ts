import type {
  CoreV1Event,
  V1ConfigMap,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Namespace,
  V1Pod,
  V1Service,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import type {
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  KubeEvent,
  Namespace,
  Pod,
  Service,
} from './types.ts';

/**
 * A client-node model as JSON carries it: its `Date` fields are RFC 3339 strings on the wire. Maps
 * (labels, resource lists) may hold `undefined` in our types: JSON drops such keys, so they match. An
 * optional field may also be `null`, as the API server writes e.g. `lastProbeTime` and `eventTime`.
 */
type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? string extends keyof T
        ? { [key: string]: Wire<T[string]> | undefined }
        : { [K in keyof T]: Wire<T[K]> | (undefined extends T[K] ? null : never) }
      : T;

/** Compiles only when the sandbox's shape is one the Kubernetes models (the source) accept. */
type Serves<Ours extends Theirs, Theirs> = [Ours, Theirs];

/**
 * The objects the sandbox serves, checked against `@kubernetes/client-node`'s models: a field the
 * sandbox spells or types differently from Kubernetes fails the typecheck. (types.ts keeps its own,
 * stricter shapes: the simulation relies on fields the API leaves optional, e.g. resourceVersion.)
 * Not listed yet, because the sandbox serves less than the API requires: Node (a partial
 * `status.nodeInfo`), ReplicaSet and StatefulSet (`status.replicas` may be absent), and
 * PodDisruptionBudget (`status` untyped).
 */
export type ServedObjects = [
  Serves<Pod, Wire<V1Pod>>,
  Serves<Deployment, Wire<V1Deployment>>,
  Serves<DaemonSet, Wire<V1DaemonSet>>,
  Serves<Job, Wire<V1Job>>,
  Serves<CronJob, Wire<V1CronJob>>,
  Serves<Service, Wire<V1Service>>,
  Serves<HorizontalPodAutoscaler, Wire<V2HorizontalPodAutoscaler>>,
  Serves<KubeEvent, Wire<CoreV1Event>>,
  Serves<Namespace, Wire<V1Namespace>>,
  Serves<ConfigMap, Wire<V1ConfigMap>>,
];
