/** The parts of Kubernetes objects (as JSON on the wire) that the console reads. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
}

export interface KubeList<T> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface ContainerSpec {
  name: string;
  image: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  image?: string;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { reason?: string; exitCode?: number; message?: string; finishedAt?: string };
  };
  lastState?: { terminated?: { reason?: string; exitCode?: number; finishedAt?: string } };
}

export interface KubeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface Pod {
  metadata: ObjectMeta;
  spec: {
    nodeName?: string;
    containers: ContainerSpec[];
    initContainers?: ContainerSpec[];
    tolerations?: { key?: string; operator?: string; value?: string; effect?: string }[];
    nodeSelector?: Record<string, string>;
  };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    conditions?: KubeCondition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface Node {
  metadata: ObjectMeta;
  spec?: { taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean };
  status?: {
    allocatable?: Record<string, string>;
    conditions?: KubeCondition[];
    nodeInfo?: { kubeletVersion?: string };
  };
}

export interface KubeEventObject {
  metadata: ObjectMeta;
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string };
}

export interface WorkloadObject {
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    replicas?: number;
    completions?: number;
    schedule?: string;
    suspend?: boolean;
    selector?: { matchLabels?: Record<string, string> };
    template?: { spec?: { containers?: ContainerSpec[] } };
    jobTemplate?: { spec?: { template?: { spec?: { containers?: ContainerSpec[] } } } };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    numberReady?: number;
    desiredNumberScheduled?: number;
    active?: number | unknown[];
    succeeded?: number;
    failed?: number;
    lastScheduleTime?: string;
    conditions?: KubeCondition[];
  };
}

export interface ServiceObject {
  metadata: ObjectMeta;
  spec?: {
    type?: string;
    clusterIP?: string;
    selector?: Record<string, string>;
    ports?: {
      name?: string;
      port: number;
      targetPort?: number | string;
      protocol?: string;
      nodePort?: number;
    }[];
  };
  status?: { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } };
}

export interface HpaObject {
  metadata: ObjectMeta;
  spec: {
    scaleTargetRef: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: {
      type: string;
      resource?: {
        name: string;
        target: { type: string; averageUtilization?: number; averageValue?: string };
      };
    }[];
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: {
      type: string;
      resource?: { name: string; current: { averageUtilization?: number; averageValue?: string } };
    }[];
  };
}

/** policy/v1 PodDisruptionBudget, the fields the console reads. */
export interface PodDisruptionBudgetObject {
  metadata: ObjectMeta;
  spec: {
    selector?: LabelSelector;
    minAvailable?: number | string;
    maxUnavailable?: number | string;
  };
  status?: { disruptionsAllowed?: number };
}

/** A Kubernetes label selector (matchLabels and matchExpressions). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
