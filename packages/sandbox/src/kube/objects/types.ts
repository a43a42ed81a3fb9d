import type {
  CoreV1Event,
  V1ConfigMap,
  V1Container,
  V1ContainerState,
  V1ContainerStatus,
  V1CronJob,
  V1DaemonSet,
  V1DaemonSetStatus,
  V1Deployment,
  V1DeploymentSpec,
  V1Job,
  V1JobSpec,
  V1LabelSelector,
  V1ManagedFieldsEntry,
  V1Namespace,
  V1Node,
  V1NodeAddress,
  V1NodeSelectorRequirement,
  V1ObjectMeta,
  V1OwnerReference,
  V1Pod,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1PodStatus,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1ReplicaSetSpec,
  V1Service,
  V1ServicePort,
  V1ServiceSpec,
  V1StatefulSet,
  V1StatefulSetSpec,
  V1StatefulSetStatus,
  V1Taint,
  V1Toleration,
  V2HorizontalPodAutoscaler,
  V2MetricTarget,
} from '@kubernetes/client-node';

/**
 * The Kubernetes object shapes the sandbox serves: `@kubernetes/client-node`'s models (the API's
 * own OpenAPI types) as JSON carries them, narrowed where the simulation always sets a field (an
 * object read from the store has its name, uid and resource version) or reads a closed set of
 * values. Objects are JSON as the API server sends it; the store treats each stored object as
 * immutable (changes replace it). Only the VPA, a CRD, is written here field by field.
 */

/** A model as plain JSON carries it: its `Date` fields are the API server's RFC 3339 strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** `T` with the fields `K` always set. */
type Always<T, K extends keyof T> = Omit<T, K> & { [F in K]-?: Exclude<T[F], undefined> };

export type OwnerReference = Wire<V1OwnerReference>;

/** Which field manager set which fields (server-side apply's ownership record). */
export type ManagedFieldsEntry = Always<
  Omit<Wire<V1ManagedFieldsEntry>, 'operation' | 'fieldsType' | 'fieldsV1'>,
  'manager' | 'apiVersion' | 'time'
> & {
  operation: 'Apply' | 'Update';
  fieldsType: 'FieldsV1';
  // client-node types it `any`; it is a FieldsV1 trie of `f:` and `k:` keys.
  fieldsV1: Record<string, unknown>;
};

export type ObjectMeta = Always<
  Omit<Wire<V1ObjectMeta>, 'managedFields'>,
  'name' | 'uid' | 'resourceVersion' | 'creationTimestamp'
> & { managedFields?: ManagedFieldsEntry[] };

/** Any object the store holds. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

/** A model as the store holds it: its kind fixed, its metadata set, `spec`/`status` as given. */
type Stored<T, Kind extends string, Fields = unknown> = Omit<
  Wire<T>,
  'apiVersion' | 'kind' | 'metadata' | keyof Fields
> & { apiVersion: string; kind: Kind; metadata: ObjectMeta } & Fields;

type Effect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export type Toleration = Omit<Wire<V1Toleration>, 'operator' | 'effect'> & {
  operator?: 'Exists' | 'Equal';
  effect?: Effect;
};

export type NodeTaint = Omit<Wire<V1Taint>, 'effect'> & { effect: Effect };

/** Quantities by resource name ("250m", "512Mi"). */
export interface ResourceList {
  cpu?: string;
  memory?: string;
  pods?: string;
  'ephemeral-storage'?: string;
  [name: string]: string | undefined;
}

export type Container = Always<Omit<Wire<V1Container>, 'resources'>, 'image'> & {
  resources?: { requests?: ResourceList; limits?: ResourceList };
};

/** One requirement of a node selector term (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
export type NodeSelectorRequirement = Omit<Wire<V1NodeSelectorRequirement>, 'operator'> & {
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
};

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: {
      nodeSelectorTerms: Array<{ matchExpressions?: NodeSelectorRequirement[] }>;
    };
  };
}

export type PodSpec = Omit<
  Wire<V1PodSpec>,
  | 'containers'
  | 'initContainers'
  | 'tolerations'
  | 'restartPolicy'
  | 'affinity'
  | 'securityContext'
  | 'volumes'
> & {
  containers: Container[];
  initContainers?: Container[];
  tolerations?: Toleration[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  affinity?: Affinity;
  // The simulation copies these through as given; it never reads into them.
  securityContext?: Record<string, unknown>;
  volumes?: Array<Record<string, unknown> & { name: string }>;
};

export type ContainerState = Wire<V1ContainerState>;

export type ContainerStatus = Always<Wire<V1ContainerStatus>, 'state' | 'lastState'>;

/** A condition of any kind (pods, nodes, workloads): the fields their models share. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
  lastUpdateTime?: string;
}

export type PodStatus = Omit<
  Wire<V1PodStatus>,
  'phase' | 'conditions' | 'containerStatuses' | 'initContainerStatuses'
> & {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: Condition[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
};

export type Pod = Stored<V1Pod, 'Pod', { spec: PodSpec; status: PodStatus }>;

export type PodTemplateSpec = Omit<Wire<V1PodTemplateSpec>, 'metadata' | 'spec'> & {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
};

export type LabelSelector = Wire<V1LabelSelector>;

export type NodeAddress = Wire<V1NodeAddress>;

export type Node = Stored<
  V1Node,
  'Node',
  {
    spec: { providerID?: string; taints?: NodeTaint[]; unschedulable?: boolean; podCIDR?: string };
    status: {
      capacity: ResourceList;
      allocatable: ResourceList;
      conditions: Condition[];
      addresses: NodeAddress[];
      nodeInfo: Record<string, string>;
      daemonEndpoints?: Record<string, unknown>;
      images?: Array<{ names: string[]; sizeBytes: number }>;
    };
  }
>;

/** The replica counts and revisions deployments, replica sets and stateful sets report. */
export type WorkloadStatus = Partial<Omit<Wire<V1StatefulSetStatus>, 'conditions' | 'replicas'>> & {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  updatedReplicas?: number;
  unavailableReplicas?: number;
  fullyLabeledReplicas?: number;
  conditions?: Condition[];
};

/** A controller's spec: its pod template and selector typed as the sandbox reads them. */
type ControllerFields = 'selector' | 'template' | 'strategy' | 'updateStrategy';
type ControllerSpec<
  Spec,
  Required extends Exclude<keyof Wire<Spec>, ControllerFields> = never,
> = Always<Omit<Wire<Spec>, ControllerFields>, Required> & {
  selector: LabelSelector;
  template: PodTemplateSpec;
};

export type Deployment = Stored<
  V1Deployment,
  'Deployment',
  {
    spec: ControllerSpec<V1DeploymentSpec, 'replicas'> & { strategy?: Record<string, unknown> };
    status: WorkloadStatus;
  }
>;

export type ReplicaSet = Stored<
  V1ReplicaSet,
  'ReplicaSet',
  { spec: ControllerSpec<V1ReplicaSetSpec, 'replicas'>; status: WorkloadStatus }
>;

export type StatefulSet = Stored<
  V1StatefulSet,
  'StatefulSet',
  {
    spec: ControllerSpec<V1StatefulSetSpec, 'replicas' | 'serviceName'> & {
      updateStrategy?: Record<string, unknown>;
    };
    status: WorkloadStatus;
  }
>;

export type DaemonSet = Stored<
  V1DaemonSet,
  'DaemonSet',
  {
    spec: {
      selector: LabelSelector;
      template: PodTemplateSpec;
      updateStrategy?: Record<string, unknown>;
    };
    status: Omit<Wire<V1DaemonSetStatus>, 'conditions'> & { conditions?: Condition[] };
  }
>;

export type JobSpec = Omit<Wire<V1JobSpec>, 'template'> & { template: PodTemplateSpec };

export type Job = Stored<
  V1Job,
  'Job',
  {
    spec: JobSpec;
    status: Omit<NonNullable<Wire<V1Job['status']>>, 'conditions'> & {
      conditions?: Condition[];
    };
  }
>;

export type CronJob = Stored<
  V1CronJob,
  'CronJob',
  {
    spec: Omit<NonNullable<Wire<V1CronJob['spec']>>, 'jobTemplate'> & {
      jobTemplate: { metadata?: { labels?: Record<string, string> }; spec: JobSpec };
    };
    status: NonNullable<Wire<V1CronJob['status']>>;
  }
>;

export type ServicePort = Wire<V1ServicePort>;

export type Service = Stored<
  V1Service,
  'Service',
  {
    spec: Omit<Wire<V1ServiceSpec>, 'type'> & {
      type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    };
    status: { loadBalancer: { ingress?: Array<{ hostname?: string; ip?: string }> } };
  }
>;

export type MetricTarget = Omit<Wire<V2MetricTarget>, 'type'> & {
  type: 'Utilization' | 'AverageValue' | 'Value';
};

/** policy/v1: how many of the selected pods a voluntary eviction (a drain) must leave running. */
export type PodDisruptionBudget = Stored<
  V1PodDisruptionBudget,
  'PodDisruptionBudget',
  {
    spec: {
      selector: { matchLabels?: Record<string, string> };
      minAvailable?: number | string;
      maxUnavailable?: number | string;
    };
  }
>;

export type HorizontalPodAutoscaler = Stored<
  V2HorizontalPodAutoscaler,
  'HorizontalPodAutoscaler',
  {
    spec: {
      scaleTargetRef: { apiVersion: string; kind: string; name: string };
      minReplicas?: number;
      maxReplicas: number;
      metrics?: Array<{
        type: 'Resource';
        resource: { name: string; target: MetricTarget };
      }>;
      behavior?: Record<string, unknown>;
    };
    status: {
      currentReplicas?: number;
      desiredReplicas: number;
      lastScaleTime?: string;
      observedGeneration?: number;
      currentMetrics?: Array<{
        type: 'Resource';
        resource: { name: string; current: { averageUtilization?: number; averageValue?: string } };
      }>;
      conditions?: Condition[];
    };
  }
>;

/** A cpu/memory pair as the VPA writes it ("250m", "262144k"); a resource it does not control is absent. */
export interface VpaResources {
  cpu?: string;
  memory?: string;
}

/** autoscaling.k8s.io/v1 (a CRD, installed with the VPA): what requests the recommender advises. */
export interface VerticalPodAutoscaler extends KubeObject {
  kind: 'VerticalPodAutoscaler';
  spec: {
    targetRef: { apiVersion: string; kind: string; name: string };
    updatePolicy?: { updateMode?: 'Off' | 'Initial' | 'Recreate' | 'InPlaceOrRecreate' | 'Auto' };
    resourcePolicy?: {
      containerPolicies?: Array<{
        /** A container's name, or '*' for every container no other policy names. */
        containerName: string;
        mode?: 'Auto' | 'Off';
        minAllowed?: VpaResources;
        maxAllowed?: VpaResources;
        controlledResources?: Array<'cpu' | 'memory'>;
      }>;
    };
  };
  status: {
    recommendation?: {
      containerRecommendations: Array<{
        containerName: string;
        target: VpaResources;
        lowerBound: VpaResources;
        upperBound: VpaResources;
        uncappedTarget: VpaResources;
      }>;
    };
    conditions?: Condition[];
  };
}

export type KubeEvent = Stored<
  CoreV1Event,
  'Event',
  {
    involvedObject: Always<
      NonNullable<Wire<CoreV1Event['involvedObject']>>,
      'kind' | 'name' | 'uid' | 'apiVersion'
    >;
    reason: string;
    message: string;
    source: { component: string; host?: string };
    firstTimestamp: string;
    lastTimestamp: string;
    count: number;
    type: 'Normal' | 'Warning';
    eventTime: string | null;
    reportingComponent: string;
    reportingInstance: string;
  }
>;

export type Namespace = Stored<
  V1Namespace,
  'Namespace',
  { spec: { finalizers: string[] }; status: { phase: 'Active' | 'Terminating' } }
>;

export type ConfigMap = Stored<V1ConfigMap, 'ConfigMap'>;

/** What a NodePool's template and a NodeClaim share: the node's class, requirements and taints. */
export interface NodeClaimTemplateSpec {
  nodeClassRef: { group: string; kind: string; name: string };
  requirements: NodeSelectorRequirement[];
  taints?: NodeTaint[];
  expireAfter?: string;
  terminationGracePeriod?: string;
}

/** karpenter.sh/v1 (a CRD, installed with Karpenter): a pool of nodes Karpenter launches. */
export interface NodePool extends KubeObject {
  kind: 'NodePool';
  spec: {
    template: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec: NodeClaimTemplateSpec;
    };
    disruption: {
      consolidationPolicy: 'WhenEmpty' | 'WhenEmptyOrUnderutilized';
      consolidateAfter: string;
      budgets?: Array<{ nodes: string; schedule?: string; duration?: string; reasons?: string[] }>;
    };
    limits?: ResourceList;
    weight?: number;
  };
  status: {
    resources?: ResourceList;
    nodeClassObservedGeneration?: number;
    conditions?: Condition[];
  };
}

/** karpenter.sh/v1: one node Karpenter asked for, from launch to registration. */
export interface NodeClaim extends KubeObject {
  kind: 'NodeClaim';
  spec: NodeClaimTemplateSpec & { resources?: { requests?: ResourceList } };
  status: {
    providerID?: string;
    imageID?: string;
    nodeName?: string;
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: Condition[];
  };
}

/** karpenter.k8s.aws/v1: how the nodes of a pool are launched on EC2 (AMI, role, network). */
export interface EC2NodeClass extends KubeObject {
  kind: 'EC2NodeClass';
  spec: {
    amiSelectorTerms: Array<{ alias?: string; id?: string; tags?: Record<string, string> }>;
    role?: string;
    instanceProfile?: string;
    subnetSelectorTerms: Array<{ tags?: Record<string, string>; id?: string }>;
    securityGroupSelectorTerms: Array<{ tags?: Record<string, string>; id?: string }>;
    amiFamily?: string;
    tags?: Record<string, string>;
    metadataOptions?: Record<string, string | number>;
  };
  status: {
    amis?: Array<{ id: string; name: string; requirements: NodeSelectorRequirement[] }>;
    subnets?: Array<{ id: string; zone: string; zoneID: string }>;
    securityGroups?: Array<{ id: string; name: string }>;
    instanceProfile?: string;
    conditions?: Condition[];
  };
}
