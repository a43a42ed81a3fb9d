import { z } from 'zod';

/** Where a pod or node runs, in EKS terms. */
export const RunsOn = z.object({
  kind: z.enum(['managed', 'self-managed', 'karpenter', 'fargate', 'unscheduled']),
  /**
   * Managed node group name, Karpenter NodePool, Fargate profile name, or the self-managed node's
   * Auto Scaling group when known.
   */
  name: z.string().optional(),
});
export type RunsOn = z.infer<typeof RunsOn>;

export const OwnerRef = z.object({ kind: z.string(), name: z.string() });

/** One row of the pods table. */
export const PodSummary = z.object({
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  phase: z.string(),
  /** Why the pod is not happy when it is not: CrashLoopBackOff, ImagePullBackOff, Unschedulable, ... */
  reason: z.string().optional(),
  ready: z.boolean(),
  readyContainers: z.number().int(),
  containers: z.number().int(),
  restarts: z.number().int(),
  createdAt: z.string().optional(),
  node: z.string().optional(),
  ip: z.string().optional(),
  runsOn: RunsOn,
  owner: OwnerRef.optional(),
  labels: z.record(z.string(), z.string()),
});
export type PodSummary = z.infer<typeof PodSummary>;

export const PodList = z.object({
  items: z.array(PodSummary),
  /** Pass back as `continue` for the next page (Kubernetes limit/continue). */
  continue: z.string().optional(),
  resourceVersion: z.string().optional(),
});
export type PodList = z.infer<typeof PodList>;

export const ResourceAmounts = z.object({
  cpu: z.string().optional(),
  memory: z.string().optional(),
});

/** CPU and memory as numbers; a resource left out (a VPA that controls only CPU) is absent. */
export const ResourceNumbers = z.object({
  cpuMillis: z.number().optional(),
  memoryBytes: z.number().optional(),
});
export type ResourceNumbers = z.infer<typeof ResourceNumbers>;

/** What a VerticalPodAutoscaler's recommender advises for one container. */
export const VpaRecommendation = z.object({
  target: ResourceNumbers,
  lowerBound: ResourceNumbers,
  upperBound: ResourceNumbers,
  /** The target before the VPA's resource policy capped it (equal to `target` when uncapped). */
  uncappedTarget: ResourceNumbers,
});
export type VpaRecommendation = z.infer<typeof VpaRecommendation>;

/** The recommendation of the VPA over a pod's workload, for one container, beside its requests. */
export const ContainerRecommendation = VpaRecommendation.extend({
  vpa: z.string(),
  updateMode: z.string(),
  /** The container's requests as numbers, to hold against the bounds. */
  requested: ResourceNumbers,
});
export type ContainerRecommendation = z.infer<typeof ContainerRecommendation>;

export const ContainerDetail = z.object({
  name: z.string(),
  image: z.string(),
  init: z.boolean(),
  ready: z.boolean(),
  restarts: z.number().int(),
  state: z.string(),
  stateReason: z.string().optional(),
  stateMessage: z.string().optional(),
  lastTermination: z
    .object({
      reason: z.string().optional(),
      exitCode: z.number().int().optional(),
      finishedAt: z.string().optional(),
    })
    .optional(),
  requests: ResourceAmounts,
  limits: ResourceAmounts,
  /** When a VerticalPodAutoscaler targets the pod's workload and has recommended for this container. */
  recommendation: ContainerRecommendation.optional(),
});
export type ContainerDetail = z.infer<typeof ContainerDetail>;

export const KubeEvent = z.object({
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  count: z.number().int(),
  lastSeen: z.string().optional(),
  object: z.string().optional(),
});
export type KubeEvent = z.infer<typeof KubeEvent>;

export const Condition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransition: z.string().optional(),
});
export type Condition = z.infer<typeof Condition>;

export const PodDetail = PodSummary.extend({
  containers: z.number().int(),
  containerDetails: z.array(ContainerDetail),
  conditions: z.array(Condition),
  events: z.array(KubeEvent),
  tolerations: z.array(z.string()),
  nodeSelector: z.record(z.string(), z.string()),
  fargateProfile: z.string().optional(),
});
export type PodDetail = z.infer<typeof PodDetail>;

export const WorkloadKind = z.enum(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
export type WorkloadKind = z.infer<typeof WorkloadKind>;

/** A workload with how many of its pods are ready against how many it wants. */
export const Workload = z.object({
  kind: WorkloadKind,
  namespace: z.string(),
  name: z.string(),
  ready: z.number().int(),
  desired: z.number().int(),
  /** Up-to-date / available for Deployments, active/succeeded/failed for Jobs, last schedule for CronJobs. */
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  conditions: z.array(Condition),
  images: z.array(z.string()),
  createdAt: z.string().optional(),
  selector: z.record(z.string(), z.string()).optional(),
});
export type Workload = z.infer<typeof Workload>;

export const WorkloadList = z.object({ items: z.array(Workload) });
export type WorkloadList = z.infer<typeof WorkloadList>;

export const ServiceSummary = z.object({
  namespace: z.string(),
  name: z.string(),
  type: z.string(),
  clusterIP: z.string().optional(),
  externalAddress: z.string().optional(),
  ports: z.array(z.string()),
  selector: z.record(z.string(), z.string()),
  createdAt: z.string().optional(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const NodeSummary = z.object({
  name: z.string(),
  runsOn: RunsOn,
  capacityType: z.string().optional(),
  instanceType: z.string().optional(),
  zone: z.string().optional(),
  ready: z.boolean(),
  conditions: z.array(Condition),
  taints: z.array(z.string()),
  unschedulable: z.boolean(),
  allocatable: z.object({ cpuMillis: z.number(), memoryBytes: z.number(), pods: z.number() }),
  requested: z.object({ cpuMillis: z.number(), memoryBytes: z.number() }),
  pods: z.number().int(),
  kubeletVersion: z.string().optional(),
  createdAt: z.string().optional(),
});
export type NodeSummary = z.infer<typeof NodeSummary>;

export const Hpa = z.object({
  namespace: z.string(),
  name: z.string(),
  target: z.string(),
  minReplicas: z.number().int(),
  maxReplicas: z.number().int(),
  currentReplicas: z.number().int(),
  desiredReplicas: z.number().int(),
  metrics: z.array(
    z.object({ name: z.string(), current: z.string().optional(), target: z.string() }),
  ),
});
export type Hpa = z.infer<typeof Hpa>;

export const NodeAutoscaler = z.object({
  kind: z.enum(['cluster-autoscaler', 'karpenter']),
  running: z.boolean(),
  namespace: z.string().optional(),
  workload: z.string().optional(),
  version: z.string().optional(),
});

/** An autoscaling.k8s.io/v1 VerticalPodAutoscaler and what it recommends per container. */
export const Vpa = z.object({
  namespace: z.string(),
  name: z.string(),
  target: z.object({ kind: z.string(), name: z.string() }),
  /** Off, Initial, Recreate, InPlaceOrRecreate or Auto (the default when unset). */
  updateMode: z.string(),
  /** Whether the recommender says it has recommended (condition RecommendationProvided). */
  provided: z.boolean(),
  containers: z.array(VpaRecommendation.extend({ container: z.string() })),
  createdAt: z.string().optional(),
});
export type Vpa = z.infer<typeof Vpa>;

/** A karpenter.sh/v1 NodePool: its limits against what its nodes hold, and how it disrupts them. */
export const KarpenterNodePool = z.object({
  name: z.string(),
  /** The EC2NodeClass its nodes launch from (spec.template.spec.nodeClassRef.name). */
  nodeClass: z.string(),
  /** spec.limits; a resource left out is unlimited. */
  limits: z.object({ cpuMillis: z.number().optional(), memoryBytes: z.number().optional() }),
  /** status.resources: the capacity of the pool's nodes, counted against the limits. */
  usage: z.object({ cpuMillis: z.number(), memoryBytes: z.number(), nodes: z.number().int() }),
  disruption: z.object({
    /** WhenEmpty or WhenEmptyOrUnderutilized. */
    consolidationPolicy: z.string(),
    /** A duration ("1m") or "Never". */
    consolidateAfter: z.string().optional(),
    budgets: z.array(
      z.object({
        nodes: z.string(),
        schedule: z.string().optional(),
        duration: z.string().optional(),
        reasons: z.array(z.string()).optional(),
      }),
    ),
  }),
  weight: z.number().int().optional(),
  /** The karpenter.sh/capacity-type values its requirements allow (spot, on-demand, reserved). */
  capacityTypes: z.array(z.string()),
  /** "key=value:Effect" for each taint its nodes carry. */
  taints: z.array(z.string()),
  ready: z.boolean(),
  createdAt: z.string().optional(),
});
export type KarpenterNodePool = z.infer<typeof KarpenterNodePool>;

/** A karpenter.sh/v1 NodeClaim: one node Karpenter launched (or is launching). */
export const KarpenterNodeClaim = z.object({
  name: z.string(),
  nodePool: z.string(),
  /** Set once the node registered. */
  nodeName: z.string().optional(),
  instanceType: z.string().optional(),
  capacityType: z.string().optional(),
  zone: z.string().optional(),
  /** Capacity of the instance launched. */
  cpuMillis: z.number().optional(),
  memoryBytes: z.number().optional(),
  ready: z.boolean(),
  createdAt: z.string().optional(),
});
export type KarpenterNodeClaim = z.infer<typeof KarpenterNodeClaim>;

/** A karpenter.k8s.aws/v1 EC2NodeClass: how the nodes of its pools are launched. */
export const KarpenterNodeClass = z.object({
  name: z.string(),
  role: z.string().optional(),
  instanceProfile: z.string().optional(),
  /** amiSelectorTerms[].alias ("al2023@latest"). */
  amiAliases: z.array(z.string()),
  /** spec.amiFamily, where the AMIs are not chosen by alias. */
  amiFamily: z.string().optional(),
  ready: z.boolean(),
});
export type KarpenterNodeClass = z.infer<typeof KarpenterNodeClass>;

export const KarpenterView = z.object({
  /** False when the cluster serves no karpenter.sh API (its discovery answered 404). */
  installed: z.boolean(),
  nodePools: z.array(KarpenterNodePool),
  nodeClaims: z.array(KarpenterNodeClaim),
  nodeClasses: z.array(KarpenterNodeClass),
  /** What could not be read (the resource and the cluster's answer); the rest is still shown. */
  errors: z.array(z.object({ resource: z.string(), message: z.string() })),
});
export type KarpenterView = z.infer<typeof KarpenterView>;

export const AutoscalingView = z.object({
  hpas: z.array(Hpa),
  verticalAutoscalers: z.array(Vpa),
  /** False when the cluster has no VerticalPodAutoscaler CRD (its API answered 404). */
  vpaInstalled: z.boolean(),
  /**
   * The cluster's refusal when the person may list HPAs but not VPAs (RBAC): the HPAs are still
   * shown, and this says why the VPAs are not.
   */
  verticalAutoscalersHidden: z.string().optional(),
  nodeAutoscalers: z.array(NodeAutoscaler),
  /** Karpenter's NodePools, NodeClaims and EC2NodeClasses, where the cluster runs it. */
  karpenter: KarpenterView,
});
export type AutoscalingView = z.infer<typeof AutoscalingView>;

export const NamespaceList = z.object({
  items: z.array(z.object({ name: z.string(), phase: z.string() })),
});
export type NamespaceList = z.infer<typeof NamespaceList>;

/** Query of the pods list; namespace, node, labelSelector and phase are filtered by the Kubernetes API itself. */
export const PodQuery = z.object({
  namespace: z.string().max(63).optional(),
  node: z.string().max(253).optional(),
  labelSelector: z.string().max(1024).optional(),
  phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  continue: z.string().optional(),
});
export type PodQuery = z.infer<typeof PodQuery>;

export const LogQuery = z.object({
  container: z.string().optional(),
  tailLines: z.coerce.number().int().min(1).max(10000).default(500),
  previous: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  follow: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Each line starts with the time it was written (RFC 3339, nanoseconds), as Kubernetes stamps it. */
  timestamps: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type LogQuery = z.infer<typeof LogQuery>;

/**
 * One change relayed from a Kubernetes watch over server-sent events. Pods arrive whole (the table
 * updates in place); for nodes the name is enough for the page to refetch its view. `reset` means the
 * watch fell too far behind (410 Gone): list again.
 */
export const WatchEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pod'),
    type: z.enum(['ADDED', 'MODIFIED', 'DELETED']),
    object: PodSummary,
  }),
  z.object({
    kind: z.literal('node'),
    type: z.enum(['ADDED', 'MODIFIED', 'DELETED']),
    name: z.string(),
  }),
  z.object({ kind: z.literal('reset') }),
]);
export type WatchEvent = z.infer<typeof WatchEvent>;

export const WatchQuery = z.object({
  kind: z.enum(['pods', 'nodes']),
  namespace: z.string().max(63).optional(),
  /** From the list the page already holds, so the watch sends only what changed since. */
  resourceVersion: z.string().max(64).optional(),
});
export type WatchQuery = z.infer<typeof WatchQuery>;

/** Why the console cannot read a cluster's Kubernetes API, and what would fix it. */
export const KubeAccessProblem = z.object({
  status: z.number().int(),
  reason: z.string(),
  /** The IAM principal the console uses, to put in an access entry. */
  principalArn: z.string().optional(),
  remedy: z.array(z.string()),
});
export type KubeAccessProblem = z.infer<typeof KubeAccessProblem>;

/** The services of a cluster (one namespace or all). */
export const ServiceList = z.object({ items: z.array(ServiceSummary) });
export type ServiceList = z.infer<typeof ServiceList>;

/**
 * The nodes of a cluster, with what their pods request. `requestsHidden` is the API server's refusal
 * when the person may read nodes but not list pods across namespaces: the nodes are still shown,
 * without requests and pod counts, which would otherwise read as zero.
 */
export const NodeList = z.object({
  items: z.array(NodeSummary),
  requestsHidden: z.string().optional(),
});
export type NodeList = z.infer<typeof NodeList>;

/** A PodDisruptionBudget that covers pods on a node group: a drain of the group must respect it. */
export const DisruptionBudget = z.object({
  namespace: z.string(),
  name: z.string(),
  minAvailable: z.union([z.number().int(), z.string()]).optional(),
  maxUnavailable: z.union([z.number().int(), z.string()]).optional(),
  /** As the cluster's disruption controller last counted it; absent when it has not. */
  disruptionsAllowed: z.number().int().optional(),
  /** How many of the pods it selects run on the node group's nodes. */
  podsOnNodegroup: z.number().int(),
});
export type DisruptionBudget = z.infer<typeof DisruptionBudget>;

/** What draining a managed node group touches: its nodes, their pods, and the budgets over them. */
export const NodegroupDisruption = z.object({
  nodes: z.number().int(),
  pods: z.number().int(),
  budgets: z.array(DisruptionBudget),
});
export type NodegroupDisruption = z.infer<typeof NodegroupDisruption>;
