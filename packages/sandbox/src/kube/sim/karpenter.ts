import { eksAmiId } from '../../world/ec2/amis.ts';
import { isLive, launchInstance, terminateInstance } from '../../world/ec2/instanceLifecycle.ts';
import type { Ec2InstanceRecord } from '../../world/ec2/types.ts';
import type { EksClusterRecord } from '../../world/eks/types.ts';
import { hashSeed, seededRandom } from '../../world/random.ts';
import { controllerOf, kubeTime, nameSuffix } from '../objects/meta.ts';
import {
  cpuMillis,
  formatKi,
  formatMillis,
  memoryBytes,
  podRequests,
} from '../objects/quantities.ts';
import type {
  Condition,
  EC2NodeClass,
  Node,
  NodeClaim,
  NodePool,
  NodeTaint,
  Pod,
} from '../objects/types.ts';
import { nodeClaim } from '../seed/karpenterBuilders.ts';
import { condition } from './controllers/conditions.ts';
import { KNOWN_INSTANCE_TYPES, instanceTypeInfo, nodeResources } from './instanceTypes.ts';
import { isPodActive } from './podStatus.ts';
import { matchesNodeSelector, meetsRequirement, untoleratedTaint } from './scheduler.ts';
import type { SimContext } from './simContext.ts';

/**
 * Karpenter's controller in small: it launches an EC2 instance for every NodeClaim (the instance
 * then joins as a node through eksNodes.ts, like any other), follows the claim through
 * Launched → Registered → Initialized → Ready, garbage-collects claims whose instance is gone and
 * terminates the instance of a deleted claim, and keeps the NodePools' `status.resources` (the sum
 * of their claims' capacity) and the EC2NodeClasses' resolved AMIs, subnets and security groups.
 */

const POOL_TAG = 'karpenter.sh/nodepool';
const CLAIM_TAG = 'karpenter.sh/nodeclaim';
const CLASS_TAG = 'karpenter.k8s.aws/ec2nodeclass';
/** The AMI release al2023@latest resolves to in the sandbox. */
const AMI_RELEASE = 'v20251118';

/** "m6i.2xlarge" → the labels Karpenter's AWS provider derives from an instance type. */
export function instanceTypeLabels(instanceType: string): Record<string, string> {
  const match = /^([a-z]+?)(\d+)([a-z-]*)\.(.+)$/.exec(instanceType);
  const info = instanceTypeInfo(instanceType);
  const labels: Record<string, string> = {
    'node.kubernetes.io/instance-type': instanceType,
    'kubernetes.io/arch': info.arch,
    'karpenter.k8s.aws/instance-cpu': String(info.vcpus),
    'karpenter.k8s.aws/instance-memory': String(info.memoryMib),
    'karpenter.k8s.aws/instance-hypervisor': 'nitro',
  };
  if (match) {
    const [, category, generation, , size] = match;
    labels['karpenter.k8s.aws/instance-category'] = category!;
    labels['karpenter.k8s.aws/instance-family'] = instanceType.split('.')[0]!;
    labels['karpenter.k8s.aws/instance-generation'] = generation!;
    labels['karpenter.k8s.aws/instance-size'] = size!;
  }
  return labels;
}

/** The labels and taints Karpenter gives the node of an instance it launched; undefined for others. */
export function karpenterNodeShape(
  context: SimContext,
  instance: Ec2InstanceRecord,
): { labels: Record<string, string>; taints: NodeTaint[] } | undefined {
  const poolName = instance.tags[POOL_TAG];
  if (!poolName) return undefined;
  const pool = context.store.get<NodePool>('nodepools', undefined, poolName);
  return {
    labels: {
      ...(pool?.spec.template.metadata?.labels ?? {}),
      ...instanceTypeLabels(instance.instanceType),
      [POOL_TAG]: poolName,
      'karpenter.sh/capacity-type': instance.lifecycle,
      [CLASS_TAG]: instance.tags[CLASS_TAG] ?? 'default',
      'karpenter.sh/registered': 'true',
      'karpenter.sh/initialized': 'true',
    },
    taints: pool?.spec.template.spec.taints ?? [],
  };
}

const isReady = (conditions: Condition[] | undefined) =>
  conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Karpenter batches pending pods for a few seconds before it provisions for them. */
const BATCH_MS = 5_000;
/** What DaemonSets and the kubelet take on every node, kept free when sizing one. */
const OVERHEAD = { cpu: 300, memory: 512 * 2 ** 20, pods: 4 };

/** "1m", "30s", "1h30m" in milliseconds; undefined for "Never" or what does not parse. */
export function durationMs(text: string | undefined): number | undefined {
  if (!text || text === 'Never') return undefined;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000 };
  let total = 0;
  let rest = text;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)([hms])/g)) {
    total += Number(match[1]) * units[match[2]!]!;
    rest = rest.replace(match[0], '');
  }
  return rest === '' ? total : undefined;
}

const isDaemonPod = (pod: Pod) => controllerOf(pod)?.kind === 'DaemonSet';

export class KarpenterController {
  private readonly deleted: NodeClaim[] = [];
  /** Since when (sim ms) each Karpenter node has run no pods but DaemonSets'. */
  private readonly emptySince = new Map<string, number>();
  private nextBatch = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly context: SimContext,
    private readonly cluster: EksClusterRecord,
  ) {
    // Karpenter's termination finalizer, in effect: a claim deleted through the API takes its instance with it.
    this.unsubscribe = context.store.subscribe((event) => {
      if (event.plural === 'nodeclaims' && event.type === 'DELETED')
        this.deleted.push(event.object as NodeClaim);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  tick(): void {
    const { store } = this.context;
    while (this.deleted.length > 0) this.terminate(this.deleted.shift()!);
    if (store.count('nodepools') === 0 && store.count('nodeclaims') === 0) return;
    for (const nodeClass of store.all<EC2NodeClass>('ec2nodeclasses')) this.resolve(nodeClass);
    const nodes = new Map(
      store
        .all<Node>('nodes')
        .flatMap((node) => (node.spec.providerID ? [[node.spec.providerID, node] as const] : [])),
    );
    for (const claim of store.all<NodeClaim>('nodeclaims')) {
      if (claim.metadata.deletionTimestamp) continue;
      if (!claim.status.providerID) this.launch(claim);
      else this.follow(claim, nodes.get(claim.status.providerID));
    }
    for (const pool of store.all<NodePool>('nodepools')) this.summarize(pool);
    // The seed's claims are settled; deciding to add or remove nodes is for the running cluster.
    if (this.context.warming) return;
    this.consolidate();
    if (this.context.simNow() >= this.nextBatch) {
      this.nextBatch = this.context.simNow() + BATCH_MS;
      this.provision();
    }
  }

  /** Pods the default scheduler found no node for (not Fargate's, not a DaemonSet's). */
  private unschedulable(): Pod[] {
    return this.context.store
      .all<Pod>('pods')
      .filter(
        (pod) =>
          !pod.spec.nodeName &&
          isPodActive(pod) &&
          (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
          !isDaemonPod(pod) &&
          pod.status.conditions?.some(
            (c) =>
              c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
          ),
      );
  }

  /** A node of the pool as it would register with this instance type (for the scheduler's filters). */
  private candidate(pool: NodePool, instanceType: string, capacityType: string): Node {
    const { allocatable } = nodeResources(instanceTypeInfo(instanceType));
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `${pool.metadata.name}-candidate`,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: {
          ...(pool.spec.template.metadata?.labels ?? {}),
          ...instanceTypeLabels(instanceType),
          'kubernetes.io/os': 'linux',
          [POOL_TAG]: pool.metadata.name,
          'karpenter.sh/capacity-type': capacityType,
          [CLASS_TAG]: pool.spec.template.spec.nodeClassRef.name,
        },
      },
      spec: {
        ...(pool.spec.template.spec.taints ? { taints: pool.spec.template.spec.taints } : {}),
      },
      status: {
        capacity: {},
        allocatable: {
          cpu: `${allocatable.cpu}m`,
          memory: String(allocatable.memory),
          pods: String(allocatable.pods),
        },
        conditions: [],
        addresses: [],
        nodeInfo: {},
      },
    };
  }

  /**
   * Provisioning: the pending pods that fit a pool (its taints tolerated, its labels selected) get
   * one new NodeClaim of the smallest allowed instance type that holds them all (or the largest
   * one, for the next batch to carry on), within the pool's limits; pools by weight. While a claim
   * is still on its way its capacity is counted on, so nothing more is launched meanwhile.
   */
  private provision(): void {
    const { store } = this.context;
    const claims = store.all<NodeClaim>('nodeclaims');
    if (claims.some((claim) => !isReady(claim.status.conditions))) return;
    const pending = this.unschedulable();
    if (pending.length === 0) return;
    const pools = store
      .all<NodePool>('nodepools')
      .sort(
        (a, b) =>
          (b.spec.weight ?? 0) - (a.spec.weight ?? 0) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
    for (const pool of pools) {
      const requirements = pool.spec.template.spec.requirements;
      const capacityTypes = requirements.find(
        (r) => r.key === 'karpenter.sh/capacity-type' && r.operator === 'In',
      )?.values ?? ['on-demand'];
      const capacityType = capacityTypes.includes('spot') ? 'spot' : capacityTypes[0]!;
      const types = KNOWN_INSTANCE_TYPES.map((type) => this.candidate(pool, type, capacityType))
        .filter((node) =>
          requirements.every(
            (r) =>
              r.key === 'karpenter.sh/capacity-type' ||
              !(r.key in (node.metadata.labels ?? {})) ||
              meetsRequirement(node.metadata.labels ?? {}, r),
          ),
        )
        .sort(
          (a, b) =>
            cpuMillis(a.status.allocatable.cpu) - cpuMillis(b.status.allocatable.cpu) ||
            memoryBytes(a.status.allocatable.memory) - memoryBytes(b.status.allocatable.memory),
        );
      const room = (node: Node) => ({
        cpu: cpuMillis(node.status.allocatable.cpu) - OVERHEAD.cpu,
        memory: memoryBytes(node.status.allocatable.memory) - OVERHEAD.memory,
        pods: Number(node.status.allocatable.pods) - OVERHEAD.pods,
      });
      const largest = types.at(-1);
      if (!largest) continue;
      const fitting = pending.filter((pod) => {
        if (untoleratedTaint(pod, largest) || !matchesNodeSelector(pod, largest)) return false;
        const requests = podRequests(pod.spec);
        const space = room(largest);
        return requests.cpu <= space.cpu && requests.memory <= space.memory;
      });
      if (fitting.length === 0) continue;
      const total = fitting.reduce(
        (sum, pod) => {
          const requests = podRequests(pod.spec);
          return {
            cpu: sum.cpu + requests.cpu,
            memory: sum.memory + requests.memory,
            pods: sum.pods + 1,
          };
        },
        { cpu: 0, memory: 0, pods: 0 },
      );
      const chosen =
        types.find((node) => {
          const space = room(node);
          return total.cpu <= space.cpu && total.memory <= space.memory && total.pods <= space.pods;
        }) ?? largest;
      const instanceType = chosen.metadata.labels!['node.kubernetes.io/instance-type']!;
      const info = instanceTypeInfo(instanceType);
      if (!this.withinLimits(pool, claims, info.vcpus * 1000, info.memoryMib * 2 ** 20)) continue;
      const name = `${pool.metadata.name}-${nameSuffix(this.context.random)}`;
      const claim = nodeClaim(
        pool,
        name,
        { instanceType, capacityType: capacityType as 'spot' | 'on-demand' },
        this.context.now(),
      );
      claim.spec.resources = {
        requests: {
          cpu: formatMillis(total.cpu),
          memory: formatKi(total.memory),
          pods: String(total.pods),
        },
      };
      const created = store.create('nodeclaims', claim, kubeTime(this.context.now()));
      for (const pod of fitting) {
        this.context.events.record(
          pod,
          'Normal',
          'Nominated',
          `Pod should schedule on: nodeclaim/${name}`,
          { component: 'karpenter' },
        );
      }
      this.context.events.record(
        created,
        'Normal',
        'Launched',
        `Status condition transitioned, Type: Launched, Status: Unknown -> True (${instanceType}, ${capacityType})`,
        { component: 'karpenter' },
      );
      return;
    }
  }

  private withinLimits(pool: NodePool, claims: NodeClaim[], cpu: number, memory: number): boolean {
    const limits = pool.spec.limits;
    if (!limits) return true;
    const own = claims.filter((claim) => claim.metadata.labels?.[POOL_TAG] === pool.metadata.name);
    const used = (key: 'cpu' | 'memory', parse: (q: string | undefined) => number) =>
      own.reduce((sum, claim) => sum + parse(claim.status.capacity?.[key]), 0);
    if (limits.cpu !== undefined && used('cpu', cpuMillis) + cpu > cpuMillis(limits.cpu))
      return false;
    return !(
      limits.memory !== undefined &&
      used('memory', memoryBytes) + memory > memoryBytes(limits.memory)
    );
  }

  /**
   * Consolidation, its emptiness part: a Karpenter node that has run only DaemonSet pods for the
   * pool's consolidateAfter is removed (its claim deleted, the instance terminated with it), one
   * node per pool at a time. Replacing underused nodes with cheaper ones is not simulated.
   */
  private consolidate(): void {
    const { store } = this.context;
    const now = this.context.simNow();
    const seen = new Set<string>();
    const removedFrom = new Set<string>();
    for (const claim of store.all<NodeClaim>('nodeclaims')) {
      const nodeName = claim.status.nodeName;
      const poolName = claim.metadata.labels?.[POOL_TAG];
      if (!nodeName || !poolName || !isReady(claim.status.conditions)) continue;
      seen.add(nodeName);
      const busy = store
        .keysOnNode('pods', nodeName)
        .map((key) => store.byKey<Pod>('pods', key))
        .some((pod) => pod && isPodActive(pod) && !isDaemonPod(pod));
      if (busy) {
        this.emptySince.delete(nodeName);
        continue;
      }
      const since = this.emptySince.get(nodeName) ?? now;
      this.emptySince.set(nodeName, since);
      const pool = store.get<NodePool>('nodepools', undefined, poolName);
      const after = durationMs(pool?.spec.disruption.consolidateAfter);
      if (!pool || after === undefined || now - since < after || removedFrom.has(poolName))
        continue;
      removedFrom.add(poolName);
      this.emptySince.delete(nodeName);
      const node = store.get<Node>('nodes', undefined, nodeName);
      if (node) {
        this.context.events.record(
          node,
          'Normal',
          'DisruptionTerminating',
          `Disrupting Node: Empty/Delete`,
          { component: 'karpenter' },
        );
      }
      store.remove('nodeclaims', undefined, claim.metadata.name);
    }
    for (const name of this.emptySince.keys()) if (!seen.has(name)) this.emptySince.delete(name);
  }

  private instanceOf(claim: NodeClaim): Ec2InstanceRecord | undefined {
    const id = claim.status.providerID?.split('/').pop();
    return id
      ? this.context.world.ec2.find(this.cluster.accountId, this.cluster.region, id)
      : undefined;
  }

  private terminate(claim: NodeClaim): void {
    const instance = this.instanceOf(claim);
    if (isLive(instance)) terminateInstance(this.context.world, instance);
  }

  private imageId(arch: 'amd64' | 'arm64'): string {
    const amiType = arch === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD';
    return eksAmiId(this.cluster.region, amiType, this.cluster.version, AMI_RELEASE);
  }

  private subnets() {
    const { network } = this.context.world.region(this.cluster.accountId, this.cluster.region);
    const ofCluster = network.subnets.filter(
      (subnet) => this.cluster.vpc.subnetIds.includes(subnet.id) && !subnet.public,
    );
    return ofCluster.length > 0 ? ofCluster : network.subnets.filter((subnet) => !subnet.public);
  }

  private instanceProfile(): string {
    return `${this.cluster.name}_${(hashSeed(`karpenter-profile:${this.cluster.arn}`) >>> 0).toString()}`;
  }

  /** What al2023@latest, the discovery tags and the role resolve to (Karpenter writes them in status). */
  private resolve(nodeClass: EC2NodeClass): void {
    const at = this.context.now();
    const previous = nodeClass.status.conditions;
    const status: EC2NodeClass['status'] = {
      amis: (['amd64', 'arm64'] as const).map((arch) => ({
        id: this.imageId(arch),
        name: `amazon-eks-node-al2023-${arch === 'arm64' ? 'arm64' : 'x86_64'}-standard-${this.cluster.version}-${AMI_RELEASE}`,
        requirements: [{ key: 'kubernetes.io/arch', operator: 'In', values: [arch] }],
      })),
      subnets: this.subnets().map((subnet) => ({
        id: subnet.id,
        zone: subnet.availabilityZone,
        zoneID: `use1-az${subnet.availabilityZone.slice(-1).charCodeAt(0) - 96}`,
      })),
      securityGroups: [
        {
          id: this.cluster.vpc.clusterSecurityGroupId,
          name: `eks-cluster-sg-${this.cluster.name}`,
        },
      ],
      instanceProfile: this.instanceProfile(),
      conditions: ['AMIsReady', 'SubnetsReady', 'SecurityGroupsReady', 'InstanceProfileReady'].map(
        (type) => condition(type, 'True', type, '', at, previous),
      ),
    };
    status.conditions!.push(condition('Ready', 'True', 'Ready', '', at, previous));
    if (JSON.stringify(status) === JSON.stringify(nodeClass.status)) return;
    this.context.store.update('ec2nodeclasses', nodeClass, (draft) => {
      draft.status = status;
    });
  }

  /** CreateFleet, in effect: one instance of the claim's first allowed type, capacity type and zone. */
  private launch(claim: NodeClaim): void {
    const { context, cluster } = this;
    const allowed = (key: string) =>
      claim.spec.requirements.find((r) => r.key === key && r.operator === 'In')?.values ?? [];
    const instanceType = allowed('node.kubernetes.io/instance-type')[0] ?? 'm6i.large';
    const lifecycle = allowed('karpenter.sh/capacity-type').includes('spot') ? 'spot' : 'on-demand';
    const random = seededRandom(`karpenter:${cluster.arn}:${claim.metadata.name}`);
    const zones = allowed('topology.kubernetes.io/zone');
    const subnets = this.subnets().filter(
      (subnet) => zones.length === 0 || zones.includes(subnet.availabilityZone),
    );
    const subnet = random.pick(subnets.length > 0 ? subnets : this.subnets());
    const info = instanceTypeInfo(instanceType);
    const pool = claim.metadata.labels?.[POOL_TAG] ?? '';
    const nodeClass = context.store.get<EC2NodeClass>(
      'ec2nodeclasses',
      undefined,
      claim.spec.nodeClassRef.name,
    );
    const createdAt = new Date(Date.parse(claim.metadata.creationTimestamp));
    const instance = launchInstance(context.world, {
      accountId: cluster.accountId,
      region: cluster.region,
      subnet,
      vpcId: cluster.vpc.vpcId,
      instanceType,
      imageId: this.imageId(info.arch),
      lifecycle,
      iamInstanceProfileArn: `arn:aws:iam::${cluster.accountId}:instance-profile/${this.instanceProfile()}`,
      securityGroupIds: [cluster.vpc.clusterSecurityGroupId],
      tags: {
        ...(nodeClass?.spec.tags ?? {}),
        [`kubernetes.io/cluster/${cluster.name}`]: 'owned',
        'eks:eks-cluster-name': cluster.name,
        [POOL_TAG]: pool,
        [CLAIM_TAG]: claim.metadata.name,
        [CLASS_TAG]: claim.spec.nodeClassRef.name,
        'karpenter.sh/managed-by': cluster.name,
      },
      random,
      // A claim seeded with the cluster launched its instance when it was made, days ago.
      ...(context.warming ? { seeded: { launchTime: createdAt } } : {}),
    });
    const { capacity, allocatable } = nodeResources(info);
    const resources = (r: { cpu: number; memory: number; pods: number }) => ({
      cpu: String(r.cpu / 1000),
      'ephemeral-storage': '20Gi',
      memory: formatKi(r.memory),
      pods: String(r.pods),
    });
    const at = context.warming ? createdAt : context.now();
    context.store.update('nodeclaims', claim, (draft) => {
      draft.metadata.labels = {
        ...draft.metadata.labels,
        ...instanceTypeLabels(instanceType),
        'karpenter.sh/capacity-type': lifecycle,
        'topology.kubernetes.io/zone': instance.availabilityZone,
        'topology.kubernetes.io/region': cluster.region,
      };
      draft.status = {
        providerID: `aws:///${instance.availabilityZone}/${instance.instanceId}`,
        imageID: instance.imageId,
        capacity: resources(capacity),
        allocatable: {
          ...resources(allocatable),
          cpu: `${allocatable.cpu}m`,
        },
        conditions: [
          condition('Launched', 'True', 'Launched', '', at, undefined),
          {
            type: 'Registered',
            status: 'Unknown',
            reason: 'AwaitingReconciliation',
            lastTransitionTime: kubeTime(at),
          },
          {
            type: 'Initialized',
            status: 'Unknown',
            reason: 'AwaitingReconciliation',
            lastTransitionTime: kubeTime(at),
          },
          {
            type: 'Ready',
            status: 'Unknown',
            reason: 'AwaitingReconciliation',
            lastTransitionTime: kubeTime(at),
          },
        ],
      };
    });
  }

  /** Registration and readiness follow the node; a claim whose instance is gone is deleted. */
  private follow(claim: NodeClaim, node: Node | undefined): void {
    const { context } = this;
    const instance = this.instanceOf(claim);
    if (!node && !isLive(instance)) {
      context.store.remove('nodeclaims', undefined, claim.metadata.name);
      return;
    }
    if (!node) return;
    const at = context.warming
      ? new Date(Date.parse(node.metadata.creationTimestamp))
      : context.now();
    const previous = claim.status.conditions;
    const ready = isReady(node.status.conditions);
    const conditions = [
      previous?.find((c) => c.type === 'Launched') ??
        condition('Launched', 'True', 'Launched', '', at, undefined),
      condition('Registered', 'True', 'Registered', '', at, previous),
      ready
        ? condition('Initialized', 'True', 'Initialized', '', at, previous)
        : {
            type: 'Initialized',
            status: 'Unknown' as const,
            reason: 'NodeNotReady',
            message: 'Node status is NotReady',
            lastTransitionTime: kubeTime(at),
          },
      ready
        ? condition('Ready', 'True', 'Ready', '', at, previous)
        : condition('Ready', 'False', 'UnhealthyDependents', 'Initialized=Unknown', at, previous),
    ];
    const status = { ...claim.status, nodeName: node.metadata.name, conditions };
    if (JSON.stringify(status) !== JSON.stringify(claim.status)) {
      context.store.update('nodeclaims', claim, (draft) => {
        draft.status = status;
      });
    }
    if (!node.metadata.ownerReferences?.some((ref) => ref.uid === claim.metadata.uid)) {
      context.store.update('nodes', node, (draft) => {
        draft.metadata.ownerReferences = [
          {
            apiVersion: 'karpenter.sh/v1',
            kind: 'NodeClaim',
            name: claim.metadata.name,
            uid: claim.metadata.uid,
            blockOwnerDeletion: true,
          },
        ];
      });
    }
  }

  /** status.resources: what the pool's claims hold, counted against its limits. */
  private summarize(pool: NodePool): void {
    const claims = this.context.store
      .all<NodeClaim>('nodeclaims')
      .filter((claim) => claim.metadata.labels?.[POOL_TAG] === pool.metadata.name);
    let cpu = 0;
    let memory = 0;
    let pods = 0;
    for (const claim of claims) {
      cpu += cpuMillis(claim.status.capacity?.cpu);
      memory += memoryBytes(claim.status.capacity?.memory);
      pods += Number(claim.status.capacity?.pods ?? 0);
    }
    const at = this.context.now();
    const previous = pool.status.conditions;
    const nodeClass = this.context.store.get<EC2NodeClass>(
      'ec2nodeclasses',
      undefined,
      pool.spec.template.spec.nodeClassRef.name,
    );
    const classReady = isReady(nodeClass?.status.conditions);
    const status: NodePool['status'] = {
      resources: {
        cpu: String(cpu / 1000),
        'ephemeral-storage': `${claims.length * 20}Gi`,
        memory: formatKi(memory),
        nodes: String(claims.length),
        pods: String(pods),
      },
      nodeClassObservedGeneration: nodeClass?.metadata.generation ?? 1,
      conditions: [
        condition('ValidationSucceeded', 'True', 'ValidationSucceeded', '', at, previous),
        classReady
          ? condition('NodeClassReady', 'True', 'NodeClassReady', '', at, previous)
          : condition(
              'NodeClassReady',
              'False',
              'NodeClassNotFound',
              `EC2NodeClass "${pool.spec.template.spec.nodeClassRef.name}" not found`,
              at,
              previous,
            ),
        condition('NodeRegistrationHealthy', 'True', 'NodeRegistrationHealthy', '', at, previous),
        classReady
          ? condition('Ready', 'True', 'Ready', '', at, previous)
          : condition(
              'Ready',
              'False',
              'UnhealthyDependents',
              'NodeClassReady=False',
              at,
              previous,
            ),
      ],
    };
    if (JSON.stringify(status) === JSON.stringify(pool.status)) return;
    this.context.store.update('nodepools', pool, (draft) => {
      draft.status = status;
    });
  }
}
