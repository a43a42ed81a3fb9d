/**
 * The Kubernetes object shapes the sandbox serves, typed as far as the
 * simulation reads or writes them. Objects are JSON as the API server sends
 * it; the store treats each stored object as immutable (changes replace it).
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generation?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  finalizers?: string[];
  /** Which field manager set which fields (server-side apply's ownership record). */
  managedFields?: ManagedFieldsEntry[];
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
}

/** Any object the store holds. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
  pods?: string;
  'ephemeral-storage'?: string;
  [name: string]: string | undefined;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  env?: Array<{ name: string; value?: string }>;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}

/** One requirement of a node selector term (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: {
      nodeSelectorTerms: Array<{ matchExpressions?: NodeSelectorRequirement[] }>;
    };
  };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  schedulerName?: string;
  serviceAccountName?: string;
  priorityClassName?: string;
  priority?: number;
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  securityContext?: Record<string, unknown>;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  hostNetwork?: boolean;
  affinity?: Affinity;
  volumes?: Array<Record<string, unknown> & { name: string }>;
  automountServiceAccountToken?: boolean;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    exitCode: number;
    reason?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
  };
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

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

export interface PodStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: Condition[];
  hostIP?: string;
  hostIPs?: Array<{ ip: string }>;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime?: string;
  qosClass?: string;
  reason?: string;
  message?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

export interface PodTemplateSpec {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface NodeAddress {
  type: string;
  address: string;
}

export interface Node extends KubeObject {
  kind: 'Node';
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

export interface WorkloadStatus {
  observedGeneration?: number;
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  updatedReplicas?: number;
  unavailableReplicas?: number;
  fullyLabeledReplicas?: number;
  currentReplicas?: number;
  conditions?: Condition[];
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}

export interface Deployment extends KubeObject {
  kind: 'Deployment';
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    strategy?: Record<string, unknown>;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    minReadySeconds?: number;
    paused?: boolean;
  };
  status: WorkloadStatus;
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet';
  spec: { replicas: number; selector: LabelSelector; template: PodTemplateSpec };
  status: WorkloadStatus;
}

export interface StatefulSet extends KubeObject {
  kind: 'StatefulSet';
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    serviceName: string;
    podManagementPolicy?: string;
    updateStrategy?: Record<string, unknown>;
  };
  status: WorkloadStatus;
}

export interface DaemonSet extends KubeObject {
  kind: 'DaemonSet';
  spec: {
    selector: LabelSelector;
    template: PodTemplateSpec;
    updateStrategy?: Record<string, unknown>;
  };
  status: {
    currentNumberScheduled: number;
    desiredNumberScheduled: number;
    numberAvailable?: number;
    numberMisscheduled: number;
    numberReady: number;
    numberUnavailable?: number;
    observedGeneration?: number;
    updatedNumberScheduled?: number;
  };
}

export interface Job extends KubeObject {
  kind: 'Job';
  spec: {
    completions?: number;
    parallelism?: number;
    backoffLimit?: number;
    selector?: LabelSelector;
    template: PodTemplateSpec;
    ttlSecondsAfterFinished?: number;
  };
  status: {
    active?: number;
    succeeded?: number;
    failed?: number;
    ready?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: Condition[];
  };
}

export interface CronJob extends KubeObject {
  kind: 'CronJob';
  spec: {
    schedule: string;
    timeZone?: string;
    suspend?: boolean;
    concurrencyPolicy?: string;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata?: { labels?: Record<string, string> }; spec: Job['spec'] };
  };
  status: {
    active?: Array<{
      kind: string;
      name: string;
      namespace: string;
      uid: string;
      apiVersion: string;
    }>;
    lastScheduleTime?: string;
    lastSuccessfulTime?: string;
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
}

export interface Service extends KubeObject {
  kind: 'Service';
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    clusterIP?: string;
    clusterIPs?: string[];
    selector?: Record<string, string>;
    ports?: ServicePort[];
    externalName?: string;
    sessionAffinity?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
  };
  status: { loadBalancer: { ingress?: Array<{ hostname?: string; ip?: string }> } };
}

export interface MetricTarget {
  type: 'Utilization' | 'AverageValue' | 'Value';
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

/** policy/v1: how many of the selected pods a voluntary eviction (a drain) must leave running. */
export interface PodDisruptionBudget extends KubeObject {
  kind: 'PodDisruptionBudget';
  spec: {
    selector: { matchLabels?: Record<string, string> };
    minAvailable?: number | string;
    maxUnavailable?: number | string;
  };
}

export interface HorizontalPodAutoscaler extends KubeObject {
  kind: 'HorizontalPodAutoscaler';
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

export interface KubeEvent extends KubeObject {
  kind: 'Event';
  involvedObject: {
    kind: string;
    namespace?: string;
    name: string;
    uid: string;
    apiVersion: string;
    resourceVersion?: string;
    fieldPath?: string;
  };
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

export interface Namespace extends KubeObject {
  kind: 'Namespace';
  spec: { finalizers: string[] };
  status: { phase: 'Active' | 'Terminating' };
}

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
}

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
