import type { Random } from '../../world/random.ts';
import { seededRandom } from '../../world/random.ts';
import { findVersion } from '../../world/versionCalendar.ts';
import { kubeTime } from '../objects/meta.ts';
import { formatKi } from '../objects/quantities.ts';
import type { Condition, Node, NodeTaint } from '../objects/types.ts';

/** Everything that tells one node from another. */
export interface NodeFacts {
  name: string;
  providerID: string;
  internalIp: string;
  hostname: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  arch: 'amd64' | 'arm64';
  resources: {
    capacity: { cpu: number; memory: number; pods: number };
    allocatable: { cpu: number; memory: number; pods: number };
  };
  createdAt: Date;
  ready: boolean;
}

/**
 * "v1.34.2-eks-3a1b9c2": the kubelet version EKS AMIs report for a minor. The
 * build hash belongs to the image (one AMI release, one kubelet build), so
 * every node of an AMI reports the same one.
 */
export function eksKubeletVersion(minor: string, image: string): string {
  const build = seededRandom(`kubelet-build:${minor}:${image}`).hex(7);
  return `v${findVersion(minor)?.patchVersion ?? `${minor}.0`}-eks-${build}`;
}

/** The OS image, kernel and runtime a node of this AMI type reports. */
export function osOf(amiType: string, arch: 'amd64' | 'arm64', minor: string) {
  const machine = arch === 'arm64' ? 'aarch64' : 'x86_64';
  if (amiType.startsWith('BOTTLEROCKET')) {
    return {
      osImage: `Bottlerocket OS 1.49.0 (aws-k8s-${minor})`,
      kernelVersion: '6.1.155',
      containerRuntime: 'containerd://1.7.27+bottlerocket',
    };
  }
  if (amiType.startsWith('AL2_')) {
    return {
      osImage: 'Amazon Linux 2',
      kernelVersion: `5.10.245-241.976.amzn2.${machine}`,
      containerRuntime: 'containerd://1.7.27',
    };
  }
  return {
    osImage: 'Amazon Linux 2023.9.20251118',
    kernelVersion: `6.1.155-176.282.amzn2023.${machine}`,
    containerRuntime: 'containerd://1.7.27',
  };
}

export function nodeConditions(
  ready: boolean,
  at: Date,
  notReady?: { reason: string; message: string; status?: 'False' | 'Unknown' },
): Condition[] {
  const time = kubeTime(at);
  const pressure = (type: string, reason: string, message: string): Condition => ({
    type,
    status: 'False',
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    reason,
    message,
  });
  return [
    pressure(
      'MemoryPressure',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ),
    pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    pressure('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready
      ? {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        }
      : {
          type: 'Ready',
          status: notReady?.status ?? 'False',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
          reason: notReady?.reason ?? 'KubeletNotReady',
          message:
            notReady?.message ??
            'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
        },
  ];
}

export function buildNode(facts: NodeFacts, random: Random): Node {
  const { capacity, allocatable } = facts.resources;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: facts.name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: kubeTime(facts.createdAt),
      labels: facts.labels,
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': facts.internalIp,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      providerID: facts.providerID,
      ...(facts.taints.length > 0 ? { taints: facts.taints } : {}),
    },
    status: {
      capacity: {
        cpu: String(capacity.cpu / 1000),
        'ephemeral-storage': '20959212Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: formatKi(capacity.memory),
        pods: String(capacity.pods),
      },
      allocatable: {
        cpu: `${allocatable.cpu}m`,
        'ephemeral-storage': '18242267924',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: formatKi(allocatable.memory),
        pods: String(allocatable.pods),
      },
      conditions: nodeConditions(facts.ready, facts.createdAt),
      addresses: [
        { type: 'InternalIP', address: facts.internalIp },
        { type: 'InternalDNS', address: facts.hostname },
        { type: 'Hostname', address: facts.hostname },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: facts.arch,
        bootID: random.uuid(),
        containerRuntimeVersion: facts.containerRuntime,
        kernelVersion: facts.kernelVersion,
        kubeProxyVersion: facts.kubeletVersion,
        kubeletVersion: facts.kubeletVersion,
        machineID: random.hex(32),
        operatingSystem: 'linux',
        osImage: facts.osImage,
        systemUUID: `ec2${random.hex(5)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`,
      },
    },
  };
}
