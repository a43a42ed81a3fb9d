/**
 * Auto Scaling groups and the launch templates they launch from. Managed node
 * groups own one group each (eks-<nodegroup>-<uuid>); self-managed node groups
 * are plain groups tagged kubernetes.io/cluster/<name>=owned.
 */

/** One version of a launch template: what an instance launched from it gets. */
export interface LaunchTemplateVersion {
  versionNumber: number;
  imageId: string;
  /** Absent in EKS's templates: the group's MixedInstancesPolicy names the types. */
  instanceType?: string;
  iamInstanceProfileArn: string;
  securityGroupIds: string[];
  createdAt: Date;
  /** IMDS settings: HttpTokens 'required' is IMDSv2 only (what a posture check looks for). */
  metadataOptions?: { httpTokens: 'required' | 'optional'; httpPutResponseHopLimit: number };
  /** Set when the template declares its network interface (then the groups sit on it, not on the template). */
  networkInterface?: { associatePublicIpAddress: boolean };
  /** The root volume (EKS: /dev/xvda, 20 GiB by default). */
  rootVolume?: { deviceName: string; sizeGiB: number; volumeType: 'gp2' | 'gp3' };
  versionDescription?: string;
}

export interface LaunchTemplateRecord {
  /** lt- followed by 17 hex digits. */
  id: string;
  name: string;
  accountId: string;
  region: string;
  createdAt: Date;
  /** The ARN of whoever created it (EKS-created templates: the node group service-linked role). */
  createdBy?: string;
  tags?: Record<string, string>;
  defaultVersion: number;
  versions: LaunchTemplateVersion[];
}

/** Which template version a group launches from: a number, '$Latest' or '$Default'. */
export interface LaunchTemplateRef {
  id: string;
  name: string;
  version: string;
}

/** A MixedInstancesPolicy: several instance types, and how On-Demand and Spot are split. */
export interface MixedInstances {
  instanceTypes: string[];
  onDemandBaseCapacity: number;
  /** 100 → all On-Demand, 0 → all Spot above the base. */
  onDemandPercentageAboveBaseCapacity: number;
  onDemandAllocationStrategy: 'prioritized' | 'lowest-price';
  spotAllocationStrategy: 'capacity-optimized' | 'price-capacity-optimized' | 'lowest-price';
}

/** An instance attached to a group, with what Auto Scaling remembers about its launch. */
export interface GroupMember {
  instanceId: string;
  launchTemplateVersion: number;
  protectedFromScaleIn: boolean;
}

export interface AutoScalingGroupRecord {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: Date;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  healthCheckType: 'EC2' | 'ELB';
  healthCheckGracePeriod: number;
  /** The VPCZoneIdentifier subnets, in order; instances spread over their zones. */
  subnetIds: string[];
  launchTemplate: LaunchTemplateRef;
  mixedInstances?: MixedInstances;
  /** Every tag propagates at launch (as EKS and the usual self-managed templates set them). */
  tags: Record<string, string>;
  members: GroupMember[];
  newInstancesProtectedFromScaleIn: boolean;
  terminationPolicies: string[];
  capacityRebalance: boolean;
  serviceLinkedRoleArn: string;
  /** While set, members not launched from the group's template version are replaced, at most `maxUnavailable` at a time. */
  refresh?: { maxUnavailable: number };
  /** While set, every launch fails with this message (the seeded DEGRADED node group). */
  launchFailure?: string;
  /** Being deleted: every member is terminated, then the group disappears. */
  deleting: boolean;
  /** Simulated ms (clock.elapsedMs) before which no new scaling activity starts. */
  nextActivityAt: number;
  /** The sentence saying who last changed the desired capacity; scaling activities' Cause starts with it. */
  capacityCause?: string;
  /** How many instances the group has launched: instance ids derive from it. */
  launches: number;
}
