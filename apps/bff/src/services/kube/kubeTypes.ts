import type {
  CoreV1Event,
  V1Container,
  V1ContainerStatus,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1LabelSelector,
  V1ListMeta,
  V1Node,
  V1ObjectMeta,
  V1Pod,
  V1PodCondition,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';

/**
 * A `@kubernetes/client-node` model as plain JSON carries it. The console parses API answers with
 * JSON.parse (much cheaper than the client's ObjectSerializer for big lists), so the model's `Date`
 * fields arrive as the API server's RFC 3339 strings.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Object metadata; the API server always sets name and uid on what it returns. */
export type ObjectMeta = Wire<V1ObjectMeta> & { name: string; uid: string };

/** A model as read from the API server: its metadata set (see ObjectMeta). */
type Stored<T extends { metadata?: V1ObjectMeta }> = Omit<Wire<T>, 'metadata'> & {
  metadata: ObjectMeta;
};

/** Every field any of the models has, each optional, typed as any of them types it. */
type AnyOf<T> = {
  [K in T extends unknown ? keyof T : never]?: T extends unknown
    ? K extends keyof T
      ? T[K]
      : never
    : never;
};

/** A list answer (`PodList`, `NodeList`, ...). */
export interface KubeList<T> {
  // client-node names the wire's `continue` `_continue` (a reserved word in its generator).
  metadata: Omit<Wire<V1ListMeta>, '_continue'> & { continue?: string };
  items: T[];
}

export type ContainerSpec = Wire<V1Container>;
export type ContainerStatus = Wire<V1ContainerStatus>;
/** A condition of a pod or node (the two share type, status, reason, message, lastTransitionTime). */
export type KubeCondition = Wire<V1PodCondition>;
export type LabelSelector = Wire<V1LabelSelector>;

/** A pod; its spec is always there (the API server refuses a pod without one). */
export type Pod = Stored<V1Pod> & { spec: Wire<V1PodSpec> };
export type Node = Stored<V1Node>;
export type KubeEventObject = Stored<CoreV1Event>;
export type ServiceObject = Stored<V1Service>;
/** autoscaling/v2 HorizontalPodAutoscaler (its spec is required by the API). */
export type HpaObject = Stored<V2HorizontalPodAutoscaler> & {
  spec: NonNullable<Wire<V2HorizontalPodAutoscaler['spec']>>;
};
/** policy/v1 PodDisruptionBudget. */
export type PodDisruptionBudgetObject = Stored<V1PodDisruptionBudget>;

type WorkloadModel = V1Deployment | V1StatefulSet | V1DaemonSet | V1Job | V1CronJob;
/** A Deployment, StatefulSet, DaemonSet, Job or CronJob, read field by field whatever its kind. */
export type WorkloadObject = Stored<{ kind?: string; metadata?: V1ObjectMeta }> & {
  spec?: Wire<AnyOf<NonNullable<WorkloadModel['spec']>>>;
  status?: Wire<AnyOf<NonNullable<WorkloadModel['status']>>>;
};

/** A cpu/memory pair as the VPA writes it ("250m", "262144k"). */
export interface VpaResources {
  cpu?: string;
  memory?: string;
}

/**
 * autoscaling.k8s.io/v1 VerticalPodAutoscaler, a CRD (client-node has no model of it), read as far
 * as the console uses it; every field optional, as a hand-written object may leave any out.
 */
export interface VpaObject {
  metadata: ObjectMeta;
  spec?: {
    targetRef?: { apiVersion?: string; kind?: string; name?: string };
    updatePolicy?: { updateMode?: string };
  };
  status?: {
    recommendation?: {
      containerRecommendations?: Array<{
        containerName?: string;
        target?: VpaResources;
        lowerBound?: VpaResources;
        upperBound?: VpaResources;
        uncappedTarget?: VpaResources;
      }>;
    };
    conditions?: Array<{ type?: string; status?: string }>;
  };
}
