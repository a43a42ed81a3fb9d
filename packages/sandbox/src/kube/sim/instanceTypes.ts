/**
 * What a node of each instance type offers the scheduler. vCPUs and memory
 * are EC2's; max pods follow the VPC CNI's ENI formula (what the EKS AMIs
 * configure); kube-reserved follows the EKS AMI bootstrap defaults.
 */
export interface InstanceTypeInfo {
  vcpus: number;
  memoryMib: number;
  maxPods: number;
  arch: 'amd64' | 'arm64';
}

const TABLE: Record<string, [vcpus: number, memoryGib: number, maxPods: number]> = {
  't3.small': [2, 2, 11],
  't3.medium': [2, 4, 17],
  't3a.medium': [2, 4, 17],
  't3.large': [2, 8, 35],
  't3.xlarge': [4, 16, 58],
  'm5.large': [2, 8, 29],
  'm5a.large': [2, 8, 29],
  'm5.xlarge': [4, 16, 58],
  'm5.2xlarge': [8, 32, 58],
  'm6i.large': [2, 8, 29],
  'm6i.xlarge': [4, 16, 58],
  'm6i.2xlarge': [8, 32, 58],
  'm6g.large': [2, 8, 29],
  'm7g.large': [2, 8, 29],
  'c5.large': [2, 4, 29],
  'c5.xlarge': [4, 8, 58],
  'c6i.large': [2, 4, 29],
  'c6i.2xlarge': [8, 16, 58],
  'c6i.4xlarge': [16, 32, 234],
  'r5.large': [2, 16, 29],
  'r6i.2xlarge': [8, 64, 58],
  'r7g.xlarge': [4, 32, 58],
  'g5.2xlarge': [8, 32, 58],
};

/** Every instance type the simulation knows (DescribeInstanceTypes answers these). */
export const KNOWN_INSTANCE_TYPES: readonly string[] = Object.keys(TABLE);

/** Graviton families (m6g, r7g, c7g, t4g, ...) are arm64. */
function archOf(instanceType: string): 'amd64' | 'arm64' {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType) ? 'arm64' : 'amd64';
}

export function instanceTypeInfo(instanceType: string): InstanceTypeInfo {
  const [vcpus, memoryGib, maxPods] = TABLE[instanceType] ?? [2, 8, 29];
  return { vcpus, memoryMib: memoryGib * 1024, maxPods, arch: archOf(instanceType) };
}

/** CPU the kubelet keeps for itself: 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% beyond. */
function reservedCpuMillis(vcpus: number): number {
  let reserved = 60;
  if (vcpus > 1) reserved += 10;
  if (vcpus > 2) reserved += 5 * Math.min(2, vcpus - 2);
  if (vcpus > 4) reserved += 2.5 * (vcpus - 4);
  return Math.round(reserved);
}

/** Capacity and allocatable (cpu in millicores, memory in bytes, pods) of a node. */
export function nodeResources(info: InstanceTypeInfo): {
  capacity: { cpu: number; memory: number; pods: number };
  allocatable: { cpu: number; memory: number; pods: number };
} {
  // The kernel keeps a few percent of RAM; the AMI reserves 255Mi + 11Mi per pod and evicts below 100Mi.
  const capacityBytes = Math.floor(info.memoryMib * 0.955) * 1024 * 1024;
  const reservedBytes = (255 + 11 * info.maxPods + 100) * 1024 * 1024;
  return {
    capacity: { cpu: info.vcpus * 1000, memory: capacityBytes, pods: info.maxPods },
    allocatable: {
      cpu: info.vcpus * 1000 - reservedCpuMillis(info.vcpus),
      memory: capacityBytes - reservedBytes,
      pods: info.maxPods,
    },
  };
}
