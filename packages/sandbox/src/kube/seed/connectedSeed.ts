import type { ConnectedClusterRecord } from '../../world/eks/types.ts';
import { seededRandom } from '../../world/random.ts';
import { nodeResources } from '../sim/instanceTypes.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import { buildNode } from '../sim/nodeFactory.ts';
import { TOLERATE_ALL, emptyPlan, type ClusterPlan } from './clusterPlan.ts';
import { seedCluster } from './seedCluster.ts';

/**
 * A connected cluster runs anywhere: its nodes come from its provider (GKE,
 * AKS, ...), not from EC2, and it runs the EKS Connector agent next to its
 * own workloads.
 */

interface ProviderFacts {
  version: string;
  region: string;
  zones: string[];
  machine: string;
  vcpus: number;
  memoryGib: number;
  osImage: string;
  kernel: string;
  runtime: string;
  nodeName: (index: number, random: ReturnType<typeof seededRandom>) => string;
  labels: (zone: string) => Record<string, string>;
}

function providerFacts(cluster: ConnectedClusterRecord): ProviderFacts {
  const short = cluster.name.slice(0, 20);
  switch (cluster.connector.provider) {
    case 'GKE': {
      const pool = seededRandom(`pool:${cluster.arn}`).hex(8);
      return {
        version: 'v1.33.5-gke.1201000',
        region: 'us-central1',
        zones: ['us-central1-a', 'us-central1-b', 'us-central1-c'],
        machine: 'e2-standard-4',
        vcpus: 4,
        memoryGib: 16,
        osImage: 'Container-Optimized OS from Google',
        kernel: '6.6.93+',
        runtime: 'containerd://1.7.28',
        nodeName: (_, random) => `gke-${short}-default-pool-${pool}-${random.hex(4)}`,
        labels: () => ({
          'cloud.google.com/gke-nodepool': 'default-pool',
          'cloud.google.com/machine-family': 'e2',
          'cloud.google.com/gke-os-distribution': 'cos',
        }),
      };
    }
    case 'AKS':
      return {
        version: 'v1.32.7',
        region: 'westeurope',
        zones: ['westeurope-1', 'westeurope-2', 'westeurope-3'],
        machine: 'Standard_D4s_v5',
        vcpus: 4,
        memoryGib: 16,
        osImage: 'Ubuntu 22.04.5 LTS',
        kernel: '5.15.0-1089-azure',
        runtime: 'containerd://1.7.27-1',
        nodeName: (index) =>
          `aks-nodepool1-${seededRandom(`vmss:${cluster.arn}`).int(10_000_000, 99_999_999)}-vmss00000${index}`,
        labels: () => ({
          'kubernetes.azure.com/agentpool': 'nodepool1',
          'kubernetes.azure.com/mode': 'system',
        }),
      };
    default:
      return {
        version: 'v1.33.4',
        region: 'on-premises',
        zones: ['rack-a', 'rack-b', 'rack-c'],
        machine: 'bare-metal-16c',
        vcpus: 16,
        memoryGib: 64,
        osImage: 'Ubuntu 24.04.1 LTS',
        kernel: '6.8.0-51-generic',
        runtime: 'containerd://1.7.24',
        nodeName: (index) => `${short}-worker-${index + 1}`,
        labels: () => ({}),
      };
  }
}

/** The Kubernetes version a connected cluster's API reports. */
export function connectedVersion(cluster: ConnectedClusterRecord): string {
  return providerFacts(cluster).version;
}

function connectedPlan(cluster: ConnectedClusterRecord): ClusterPlan {
  const plan = emptyPlan();
  plan.namespaces.push('eks-connector', 'apps');
  plan.statefulSets.push({
    namespace: 'eks-connector',
    name: 'eks-connector',
    image: 'public.ecr.aws/eks-connector/eks-connector:v0.0.9',
    replicas: 2,
    cpu: '50m',
    memory: '64Mi',
  });
  plan.deployments.push(
    {
      namespace: 'kube-system',
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.11.3',
      replicas: 2,
      cpu: '100m',
      memory: '70Mi',
      labels: { 'k8s-app': 'kube-dns' },
      priorityClassName: 'system-cluster-critical',
    },
    {
      namespace: 'apps',
      name: 'dashboards',
      image: 'grafana/grafana:11.3.1',
      replicas: 2,
      cpu: '250m',
      memory: '512Mi',
      port: 3000,
      service: { port: 80, targetPort: 3000 },
      hpa: { min: 2, max: 6, cpu: 70 },
    },
    {
      namespace: 'apps',
      name: 'ingest-api',
      image: `ghcr.io/example/${cluster.name}/ingest-api:3.2.0`,
      replicas: 3,
      cpu: '200m',
      memory: '256Mi',
      port: 8080,
      service: { port: 80, targetPort: 8080 },
    },
  );
  plan.daemonSets.push({
    namespace: 'kube-system',
    name: 'kube-proxy',
    image: `registry.k8s.io/kube-proxy:${providerFacts(cluster).version.split('-')[0]}`,
    cpu: '100m',
    memory: '64Mi',
    labels: { 'k8s-app': 'kube-proxy' },
    tolerations: TOLERATE_ALL,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
  });
  plan.cronJobs.push({
    namespace: 'apps',
    name: 'compact-events',
    image: `ghcr.io/example/${cluster.name}/compactor:1.0.4`,
    schedule: '0 */6 * * *',
    cpu: '100m',
    memory: '128Mi',
  });
  return plan;
}

/** Three provider nodes and the cluster's workloads, settled as if running for days. */
export function seedConnectedCluster(kube: KubeCluster, cluster: ConnectedClusterRecord): void {
  const facts = providerFacts(cluster);
  kube.warmUp((target) => {
    const random = seededRandom(`connected-nodes:${cluster.arn}`);
    for (let index = 0; index < 3; index++) {
      const zone = facts.zones[index % facts.zones.length]!;
      const name = facts.nodeName(index, random);
      const ip = `10.128.0.${10 + index}`;
      target.store.create(
        'nodes',
        buildNode(
          {
            name,
            providerID: `${cluster.connector.provider.toLowerCase()}://${facts.region}/${name}`,
            internalIp: ip,
            hostname: name,
            labels: {
              'kubernetes.io/arch': 'amd64',
              'kubernetes.io/hostname': name,
              'kubernetes.io/os': 'linux',
              'node.kubernetes.io/instance-type': facts.machine,
              'topology.kubernetes.io/region': facts.region,
              'topology.kubernetes.io/zone': zone,
              ...facts.labels(zone),
            },
            taints: [],
            kubeletVersion: facts.version,
            osImage: facts.osImage,
            kernelVersion: facts.kernel,
            containerRuntime: facts.runtime,
            arch: 'amd64',
            resources: nodeResources({
              vcpus: facts.vcpus,
              memoryMib: facts.memoryGib * 1024,
              maxPods: 110,
              arch: 'amd64',
            }),
            createdAt: new Date(cluster.createdAt.getTime() - 30 * 86_400_000),
            ready: true,
          },
          random,
        ),
        '',
      );
    }
    target.context.warmFloor = cluster.createdAt.getTime();
    seedCluster(target, connectedPlan(cluster));
  });
}
