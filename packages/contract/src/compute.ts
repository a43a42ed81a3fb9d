import { z } from 'zod';
import { keyValueMap, text } from './text.ts';
import { ResourceName, SourceError } from './common.ts';

export const NodegroupStatus = z.enum([
  'CREATING',
  'ACTIVE',
  'UPDATING',
  'DELETING',
  'CREATE_FAILED',
  'DELETE_FAILED',
  'DEGRADED',
]);
export type NodegroupStatus = z.infer<typeof NodegroupStatus>;

export const CapacityType = z.enum(['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK']);
export const TaintEffect = z.enum(['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE']);

// Kubernetes label syntax as EKS checks it: optional DNS prefix, name of at most 63 characters.
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
export const LabelKey = text.max(317).regex(LABEL_KEY, 'is not a valid Kubernetes label key');
export const LabelValue = text.max(63).regex(LABEL_VALUE, 'is not a valid Kubernetes label value');
export const Labels = keyValueMap(LabelKey, LabelValue);

export const Taint = z.object({
  key: LabelKey,
  value: LabelValue.optional(),
  effect: TaintEffect,
});
export type Taint = z.infer<typeof Taint>;

export const Issue = z.object({
  code: z.string(),
  message: z.string(),
  resourceIds: z.array(z.string()),
});
export type Issue = z.infer<typeof Issue>;

export const ScalingConfig = z.object({
  minSize: z.number().int().min(0),
  maxSize: z.number().int().min(1),
  desiredSize: z.number().int().min(0),
});
export type ScalingConfig = z.infer<typeof ScalingConfig>;

/** An EC2 instance behind a node group, as EC2 describes it. */
export const Instance = z.object({
  instanceId: z.string(),
  instanceType: z.string(),
  availabilityZone: z.string(),
  lifecycle: z.enum(['spot', 'on-demand', 'capacity-block']),
  state: z.string(),
  launchTime: z.string().optional(),
  imageId: z.string().optional(),
  privateIpAddress: z.string().optional(),
  /** IAM role of the instance profile, when EC2 reports it. */
  iamInstanceProfile: z.string().optional(),
  /** Auto Scaling health/lifecycle (InService, Pending, Terminating...). */
  lifecycleState: z.string().optional(),
});
export type Instance = z.infer<typeof Instance>;

/**
 * How far a managed node group's AMI release lags the newest one AWS publishes for its AMI type and
 * Kubernetes version (SSM's public parameters). `unknown` when there is no such family (AL2 from
 * 1.33 on, custom AMIs) or the group's release is not among the published ones; `reason` says which.
 */
export const AmiDrift = z.object({
  status: z.enum(['latest', 'behind', 'unknown']),
  amiType: z.string().optional(),
  releaseVersion: z.string().optional(),
  latestReleaseVersion: z.string().optional(),
  /** When the newest release was published (ISO 8601). */
  latestReleasedAt: z.string().optional(),
  /** Releases published after the group's own. */
  releasesBehind: z.number().int().min(0).optional(),
  /** Days between the group's release and the newest one. */
  daysBehind: z.number().int().min(0).optional(),
  reason: z.string().optional(),
});
export type AmiDrift = z.infer<typeof AmiDrift>;

/** A self-managed instance whose image is an older EKS-optimized release than the newest of its family. */
export const InstanceAmiBehind = z.object({
  instanceId: z.string(),
  imageId: z.string(),
  /** The image's release, as SSM names it (e.g. amazon-eks-node-al2023-x86_64-standard-1.34-v20251020). */
  release: z.string(),
  latestImageId: z.string(),
  releasesBehind: z.number().int().min(0),
  daysBehind: z.number().int().min(0),
});
export type InstanceAmiBehind = z.infer<typeof InstanceAmiBehind>;

/** A managed node group, one row of the Compute tab. */
export const Nodegroup = z.object({
  name: z.string(),
  arn: z.string(),
  status: NodegroupStatus,
  capacityType: z.string().optional(),
  instanceTypes: z.array(z.string()),
  amiType: z.string().optional(),
  version: z.string().optional(),
  releaseVersion: z.string().optional(),
  scaling: ScalingConfig,
  /** Instances in service in its Auto Scaling groups (undefined when EC2/Auto Scaling could not be read). */
  currentInstances: z.number().int().optional(),
  labels: z.record(z.string(), z.string()),
  taints: z.array(Taint),
  subnets: z.array(z.string()),
  nodeRole: z.string().optional(),
  diskSize: z.number().int().optional(),
  autoScalingGroups: z.array(z.string()),
  updateConfig: z
    .object({
      maxUnavailable: z.number().int().optional(),
      maxUnavailablePercentage: z.number().int().optional(),
    })
    .optional(),
  health: z.array(Issue),
  createdAt: z.string().optional(),
  modifiedAt: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  /** Absent when SSM could not be read (the error is listed with the page's errors). */
  amiDrift: AmiDrift.optional(),
});
export type Nodegroup = z.infer<typeof Nodegroup>;

/** Whether every instance of a self-managed group shares type, AMI and IAM role, as it should. */
export const Uniformity = z.object({
  instanceTypes: z.array(z.string()),
  imageIds: z.array(z.string()),
  roles: z.array(z.string()),
  uniform: z.boolean(),
  /** Instances that differ from the group's most common type/AMI/role, with what differs. */
  outliers: z.array(
    z.object({
      instanceId: z.string(),
      differs: z.array(z.enum(['instanceType', 'imageId', 'role'])),
    }),
  ),
});
export type Uniformity = z.infer<typeof Uniformity>;

/** An Auto Scaling group tagged kubernetes.io/cluster/<name> that EKS does not manage. */
export const SelfManagedGroup = z.object({
  name: z.string(),
  arn: z.string().optional(),
  scaling: ScalingConfig,
  launchTemplate: z.string().optional(),
  instances: z.array(Instance),
  uniformity: Uniformity,
  tags: z.record(z.string(), z.string()),
  /**
   * Instances running an older EKS-optimized release than the newest of their image's family; images
   * not found among the published releases are not judged. Absent when SSM could not be read.
   */
  amiBehind: z.array(InstanceAmiBehind).optional(),
});
export type SelfManagedGroup = z.infer<typeof SelfManagedGroup>;

export const FargateSelector = z.object({
  namespace: z.string().min(1, 'is required').max(63),
  labels: Labels.optional(),
});
export type FargateSelector = z.infer<typeof FargateSelector>;

/**
 * A selector as a user types it: its namespace carries the text check. Kept apart from
 * `FargateSelector`, which also reads what AWS answers, so an odd namespace there is shown, not refused.
 */
export const FargateSelectorInput = FargateSelector.extend({
  namespace: text.min(1, 'is required').max(63),
});

export const FargateProfile = z.object({
  name: z.string(),
  arn: z.string(),
  status: z.enum(['CREATING', 'ACTIVE', 'DELETING', 'CREATE_FAILED', 'DELETE_FAILED']),
  podExecutionRoleArn: z.string(),
  subnets: z.array(z.string()),
  selectors: z.array(FargateSelector),
  createdAt: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  health: z.array(Issue),
});
export type FargateProfile = z.infer<typeof FargateProfile>;

/** Two profiles that can both match one pod; EKS then picks one of them at random. */
export const FargateOverlap = z.object({
  profiles: z.tuple([z.string(), z.string()]),
  namespace: z.string(),
  /** Labels a pod needs to match both (the union of the two selectors' labels). */
  labels: z.record(z.string(), z.string()),
});
export type FargateOverlap = z.infer<typeof FargateOverlap>;

/** The Compute tab of a cluster. */
export const ClusterCompute = z.object({
  nodegroups: z.array(Nodegroup),
  selfManaged: z.array(SelfManagedGroup),
  fargateProfiles: z.array(FargateProfile),
  fargateOverlaps: z.array(FargateOverlap),
  /** Parts that could not be read (EKS, EC2 or Auto Scaling), each naming its source. */
  errors: z.array(SourceError),
});
export type ClusterCompute = z.infer<typeof ClusterCompute>;

export const UpdateStatus = z.enum(['InProgress', 'Failed', 'Cancelled', 'Successful']);

/** An EKS update (ListUpdates/DescribeUpdate) of a cluster or node group. */
export const Update = z.object({
  id: z.string(),
  type: z.string(),
  status: UpdateStatus,
  params: z.array(z.object({ type: z.string(), value: z.string() })),
  errors: z.array(
    z.object({ code: z.string(), message: z.string(), resourceIds: z.array(z.string()) }),
  ),
  createdAt: z.string().optional(),
  /** 0-100 for updates in progress: `steps.done` of `steps.total`, never an estimate. */
  progress: z.number().min(0).max(100).optional(),
  /**
   * What the instances show of an update in progress ("3 of 5 instances InService", "2 of 3 nodes
   * replaced"); `done`/`total` only where they count the same thing. EKS itself only says InProgress.
   */
  steps: z
    .object({
      text: z.string(),
      done: z.number().int().optional(),
      total: z.number().int().optional(),
    })
    .optional(),
});
export type Update = z.infer<typeof Update>;

export const NodegroupDetail = z.object({
  nodegroup: Nodegroup,
  instances: z.array(Instance),
  updates: z.array(Update),
  errors: z.array(SourceError),
});
export type NodegroupDetail = z.infer<typeof NodegroupDetail>;

/** Every change carries a token so that a retried click is not applied twice (EKS clientRequestToken). */
export const ClientRequestToken = text
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-_]+$/, 'must be 1-64 letters, digits, - or _');

export const ScaleNodegroupRequest = ScalingConfig.extend({
  clientRequestToken: ClientRequestToken,
})
  .refine((s) => s.minSize <= s.maxSize, { path: ['minSize'], message: 'must be at most maxSize' })
  .refine((s) => s.desiredSize >= s.minSize && s.desiredSize <= s.maxSize, {
    path: ['desiredSize'],
    message: 'must be between minSize and maxSize',
  });
export type ScaleNodegroupRequest = z.infer<typeof ScaleNodegroupRequest>;

export const UpdateLabelsTaintsRequest = z.object({
  addOrUpdateLabels: Labels.optional(),
  removeLabels: z.array(LabelKey).optional(),
  addOrUpdateTaints: z.array(Taint).optional(),
  removeTaints: z.array(Taint).optional(),
  clientRequestToken: ClientRequestToken,
});
export type UpdateLabelsTaintsRequest = z.infer<typeof UpdateLabelsTaintsRequest>;

export const UpdateNodegroupVersionRequest = z
  .object({
    version: text.regex(/^\d+\.\d+$/, 'must be a Kubernetes minor version such as 1.31').optional(),
    releaseVersion: text.min(1).optional(),
    force: z.boolean().optional(),
    clientRequestToken: ClientRequestToken,
  })
  .refine((r) => r.version || r.releaseVersion, {
    path: ['version'],
    message: 'give version or releaseVersion',
  });
export type UpdateNodegroupVersionRequest = z.infer<typeof UpdateNodegroupVersionRequest>;

export const CreateNodegroupRequest = z.object({
  name: ResourceName,
  nodeRole: text.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN'),
  subnets: z.array(text.min(1)).min(1, 'needs at least one subnet'),
  instanceTypes: z.array(text.min(1)).min(1).optional(),
  capacityType: CapacityType.optional(),
  amiType: text.optional(),
  diskSize: z.number().int().min(1).optional(),
  scaling: ScalingConfig,
  labels: Labels.optional(),
  taints: z.array(Taint).max(50).optional(),
  tags: keyValueMap(text, text).optional(),
  clientRequestToken: ClientRequestToken,
});
export type CreateNodegroupRequest = z.infer<typeof CreateNodegroupRequest>;

export const CreateFargateProfileRequest = z.object({
  name: ResourceName,
  podExecutionRoleArn: text.regex(
    /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/,
    'must be an IAM role ARN',
  ),
  subnets: z.array(text.min(1)).min(1, 'needs at least one private subnet'),
  selectors: z
    .array(FargateSelectorInput)
    .min(1, 'needs at least one selector')
    .max(5, 'at most 5 selectors'),
  tags: keyValueMap(text, text).optional(),
  clientRequestToken: ClientRequestToken,
});
export type CreateFargateProfileRequest = z.infer<typeof CreateFargateProfileRequest>;

/** Destructive actions repeat the resource's name, typed by the user. */
export const ConfirmDeleteRequest = z.object({
  confirmName: text.min(1, 'type the name to confirm'),
});
export type ConfirmDeleteRequest = z.infer<typeof ConfirmDeleteRequest>;

/** "Which profile would this pod get?" */
export const FargateMatchQuery = z.object({
  namespace: text.min(1, 'is required'),
  labels: Labels.default({}),
});
export type FargateMatchQuery = z.infer<typeof FargateMatchQuery>;

export const FargateMatch = z.object({
  /** Every profile whose selectors match; more than one means EKS picks one at random. */
  matches: z.array(z.object({ profile: z.string(), selectorIndex: z.number().int() })),
  random: z.boolean(),
});
export type FargateMatch = z.infer<typeof FargateMatch>;

/** What a change route answers: the EKS update it started, when EKS reports one. */
export const ChangeResult = z.object({
  update: Update.optional(),
  auditId: z.number().int(),
});
export type ChangeResult = z.infer<typeof ChangeResult>;
