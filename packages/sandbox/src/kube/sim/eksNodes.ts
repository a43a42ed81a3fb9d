import type { Ec2InstanceRecord } from '../../world/ec2/types.ts';
import type { EksClusterRecord, NodegroupRecord, Taint } from '../../world/eks/types.ts';
import { hashSeed, seededRandom } from '../../world/random.ts';
import type { Node, NodeTaint } from '../objects/types.ts';
import { instanceTypeInfo, nodeResources } from './instanceTypes.ts';
import { karpenterNodeShape } from './karpenter.ts';
import { buildNode, eksKubeletVersion, nodeConditions, osOf } from './nodeFactory.ts';
import { evictNode } from './podRemoval.ts';
import type { SimContext } from './simContext.ts';

/**
 * The nodes of an EKS cluster: one per running EC2 instance tagged
 * kubernetes.io/cluster/<name> (managed node groups and self-managed groups
 * alike). A node joins NotReady and turns Ready once the kubelet is up; it
 * leaves when its instance stops running, and its pods with it.
 */

const EFFECTS: Record<Taint['effect'], NodeTaint['effect']> = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
};
const JOIN_MS = 15_000;
const UNREACHABLE: NodeTaint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };

export function nodegroupTaints(nodegroup: NodegroupRecord | undefined): NodeTaint[] {
  return (nodegroup?.taints ?? []).map((taint) => ({
    key: taint.key,
    ...(taint.value !== undefined ? { value: taint.value } : {}),
    effect: EFFECTS[taint.effect],
  }));
}

function belongsTo(instance: Ec2InstanceRecord, cluster: EksClusterRecord): boolean {
  const tag = instance.tags[`kubernetes.io/cluster/${cluster.name}`];
  return tag === 'owned' || tag === 'shared' || instance.tags['eks:cluster-name'] === cluster.name;
}

function nodegroupOf(cluster: EksClusterRecord, instance: Ec2InstanceRecord) {
  const name = instance.tags['eks:nodegroup-name'];
  return name ? cluster.nodegroups.get(name) : undefined;
}

function labelsOf(
  cluster: EksClusterRecord,
  instance: Ec2InstanceRecord,
  nodegroup: NodegroupRecord | undefined,
) {
  const info = instanceTypeInfo(instance.instanceType);
  const arch = nodegroup?.amiType.includes('ARM') ? 'arm64' : info.arch;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': arch,
    'beta.kubernetes.io/instance-type': instance.instanceType,
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': cluster.region,
    'failure-domain.beta.kubernetes.io/zone': instance.availabilityZone,
    'k8s.io/cloud-provider-aws': (hashSeed(cluster.arn) >>> 0).toString(16).padStart(8, '0'),
    'kubernetes.io/arch': arch,
    'kubernetes.io/hostname': instance.privateDnsName,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': instance.instanceType,
    'topology.kubernetes.io/region': cluster.region,
    'topology.kubernetes.io/zone': instance.availabilityZone,
  };
  if (nodegroup) {
    labels['eks.amazonaws.com/capacityType'] = instance.lifecycle === 'spot' ? 'SPOT' : 'ON_DEMAND';
    labels['eks.amazonaws.com/nodegroup'] = nodegroup.name;
    labels['eks.amazonaws.com/nodegroup-image'] = instance.imageId;
    if (instance.launchTemplate) {
      labels['eks.amazonaws.com/sourceLaunchTemplateId'] = instance.launchTemplate.id;
      labels['eks.amazonaws.com/sourceLaunchTemplateVersion'] = instance.launchTemplate.version;
    }
    Object.assign(labels, nodegroup.labels);
  }
  return { labels, arch };
}

function nodeOfInstance(
  context: SimContext,
  cluster: EksClusterRecord,
  instance: Ec2InstanceRecord,
): Node {
  const nodegroup = nodegroupOf(cluster, instance);
  const { labels, arch } = labelsOf(cluster, instance, nodegroup);
  // Karpenter registers its nodes with the NodePool's labels and taints (sim/karpenter.ts).
  const karpenter = karpenterNodeShape(context, instance);
  if (karpenter) Object.assign(labels, karpenter.labels);
  const random = seededRandom(`node:${instance.instanceId}`);
  const minor = nodegroup?.version ?? cluster.version;
  const joinedAt = new Date(instance.launchTime.getTime() + 40_000);
  const settled = context.warming || context.now().getTime() - joinedAt.getTime() > JOIN_MS;
  return buildNode(
    {
      name: instance.privateDnsName,
      providerID: `aws:///${instance.availabilityZone}/${instance.instanceId}`,
      internalIp: instance.privateIpAddress,
      hostname: instance.privateDnsName,
      labels,
      taints: [
        ...nodegroupTaints(nodegroup),
        ...(karpenter?.taints ?? []),
        ...(settled
          ? []
          : [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' as const }]),
      ],
      kubeletVersion: eksKubeletVersion(minor, instance.imageId),
      ...osOf(nodegroup?.amiType ?? 'AL2023_x86_64_STANDARD', arch, minor),
      arch,
      resources: nodeResources(instanceTypeInfo(instance.instanceType)),
      createdAt: context.warming || settled ? joinedAt : context.now(),
      ready: settled,
    },
    random,
  );
}

export class EksNodes {
  private changed = true;
  private fingerprint = '';
  private nextFlapAt: number;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly context: SimContext,
    private readonly cluster: EksClusterRecord,
  ) {
    this.unsubscribe = context.world.ec2.onChange((instance) => {
      if (
        instance.accountId === cluster.accountId &&
        instance.region === cluster.region &&
        belongsTo(instance, cluster)
      ) {
        this.changed = true;
      }
    });
    this.nextFlapAt = context.simNow() + context.random.int(10, 30) * 60_000;
  }

  close(): void {
    this.unsubscribe();
  }

  private groupsFingerprint(): string {
    return [...this.cluster.nodegroups.values()]
      .map(
        (group) => `${group.name}:${JSON.stringify(group.labels)}:${JSON.stringify(group.taints)}`,
      )
      .join('|');
  }

  tick(): void {
    const fingerprint = this.groupsFingerprint();
    if (this.changed || fingerprint !== this.fingerprint) {
      this.changed = false;
      this.fingerprint = fingerprint;
      this.sync();
    }
    if (this.context.flaky && this.context.simNow() >= this.nextFlapAt) this.flap();
  }

  /** Brings the nodes in line with the running instances and their node groups. */
  sync(): void {
    const { store } = this.context;
    const instances = this.context.world.ec2
      .instances(this.cluster.accountId, this.cluster.region)
      .filter((instance) => belongsTo(instance, this.cluster));
    const live = new Map(
      instances
        .filter((instance) => instance.state === 'running')
        .map((i) => [i.privateDnsName, i]),
    );
    for (const node of store.all<Node>('nodes')) {
      if (node.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate') continue;
      const instance = live.get(node.metadata.name);
      if (!instance) {
        evictNode(this.context, node, 'the EC2 instance behind the node stopped running');
        continue;
      }
      live.delete(node.metadata.name);
      this.refresh(node, instance);
    }
    for (const instance of live.values()) this.join(instance);
  }

  private join(instance: Ec2InstanceRecord): void {
    const node = this.context.store.create(
      'nodes',
      nodeOfInstance(this.context, this.cluster, instance),
      '',
    );
    const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    this.context.events.record(
      node,
      'Normal',
      'RegisteredNode',
      `Node ${node.metadata.name} event: Registered Node ${node.metadata.name} in Controller`,
      { component: 'node-controller' },
    );
    if (ready) {
      this.context.markSchedulingChanged();
      return;
    }
    this.context.timers.at(this.context.simNow() + JOIN_MS, () =>
      this.setReady(node.metadata.name, 'not-ready'),
    );
  }

  /** Node group labels and taints follow UpdateNodegroupConfig (EKS applies them in place). */
  private refresh(node: Node, instance: Ec2InstanceRecord): void {
    const nodegroup = nodegroupOf(this.cluster, instance);
    if (!nodegroup) return;
    const { labels } = labelsOf(this.cluster, instance, nodegroup);
    const transient = (node.spec.taints ?? []).filter((taint) =>
      taint.key.startsWith('node.kubernetes.io/'),
    );
    const taints = [...nodegroupTaints(nodegroup), ...transient];
    this.context.store.update('nodes', node, (draft) => {
      draft.metadata.labels = labels;
      if (taints.length > 0) draft.spec.taints = taints;
      else delete draft.spec.taints;
    });
    this.context.markSchedulingChanged();
  }

  private setReady(name: string, removeTaint: 'not-ready' | 'unreachable'): void {
    const node = this.context.store.get<Node>('nodes', undefined, name);
    if (!node) return;
    const updated = this.context.store.update('nodes', node, (draft) => {
      draft.status.conditions = nodeConditions(true, this.context.now());
      draft.spec.taints = (draft.spec.taints ?? []).filter(
        (taint) => taint.key !== `node.kubernetes.io/${removeTaint}`,
      );
      if (draft.spec.taints.length === 0) delete draft.spec.taints;
    });
    this.context.events.record(
      updated,
      'Normal',
      'NodeReady',
      `Node ${name} status is now: NodeReady`,
      { component: 'kubelet', host: name },
    );
    this.context.markSchedulingChanged();
  }

  /** Now and then a node stops reporting for a few minutes, as real ones do. */
  private flap(): void {
    const { context } = this;
    this.nextFlapAt = context.simNow() + context.random.int(10, 30) * 60_000;
    if (context.random.next() > 0.4) return;
    const candidates = context.store
      .all<Node>('nodes')
      .filter(
        (node) =>
          node.metadata.labels?.['eks.amazonaws.com/compute-type'] !== 'fargate' &&
          node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
      );
    if (candidates.length < 2) return;
    const node = context.random.pick(candidates);
    const updated = context.store.update('nodes', node, (draft) => {
      draft.status.conditions = nodeConditions(false, context.now(), {
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      });
      draft.spec.taints = [...(draft.spec.taints ?? []), UNREACHABLE];
    });
    context.events.record(
      updated,
      'Normal',
      'NodeNotReady',
      `Node ${node.metadata.name} status is now: NodeNotReady`,
      {
        component: 'node-controller',
      },
    );
    const name = node.metadata.name;
    context.timers.at(context.simNow() + context.random.int(60, 240) * 1000, () =>
      this.setReady(name, 'unreachable'),
    );
  }
}
