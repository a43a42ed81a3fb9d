/**
 * The EC2 part of the world model. Instances are plain records the EC2 and
 * Auto Scaling services answer from and the Kubernetes simulation builds its
 * nodes from (it listens through `world.ec2.onChange`).
 */

/** An instance state name, as EC2's InstanceStateName enum spells it. */
export type Ec2InstanceState =
  'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** One EC2 instance of one account in one region. */
export interface Ec2InstanceRecord {
  /** i- followed by 17 hex digits. */
  instanceId: string;
  accountId: string;
  region: string;
  availabilityZone: string;
  subnetId: string;
  instanceType: string;
  imageId: string;
  lifecycle: 'spot' | 'on-demand';
  state: Ec2InstanceState;
  launchTime: Date;
  privateIpAddress: string;
  /** ip-10-0-1-23.<region>.compute.internal (us-east-1: ip-10-0-1-23.ec2.internal). */
  privateDnsName: string;
  iamInstanceProfileArn: string;
  /**
   * For managed node groups EKS's tags: eks:cluster-name, eks:nodegroup-name,
   * kubernetes.io/cluster/<name>=owned, aws:autoscaling:groupName,
   * k8s.io/cluster-autoscaler/enabled=true, k8s.io/cluster-autoscaler/<name>=owned.
   */
  tags: Record<string, string>;
  autoScalingGroupName?: string;
  /** Optional details DescribeInstances shows when known. */
  vpcId?: string;
  securityGroupIds?: string[];
  /** Instances launched together share a reservation (r- and 17 hex digits). */
  reservationId?: string;
  launchTemplate?: { id: string; name: string; version: string };
  /** Why the instance last changed state, as EC2's StateTransitionReason words it. */
  stateTransitionReason?: string;
}

/** Called on launch, on every state change and on termination, with the changed record. */
export type Ec2InstanceListener = (instance: Ec2InstanceRecord) => void;

/** The EC2 view other simulations read (`world.ec2`). */
export interface Ec2View {
  /** Every instance of the account-region, terminated ones included for a while (as EC2 shows them). */
  instances(accountId: string, region: string): Ec2InstanceRecord[];
  /** Subscribes to instance changes; returns the unsubscribe function. */
  onChange(listener: Ec2InstanceListener): () => void;
}
