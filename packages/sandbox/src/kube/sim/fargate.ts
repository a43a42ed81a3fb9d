import type { EksClusterRecord, FargateProfileRecord } from '../../world/eks/types.ts';
import { seededRandom } from '../../world/random.ts';
import { controllerOf } from '../objects/meta.ts';
import { podRequests } from '../objects/quantities.ts';
import type { Node, Pod } from '../objects/types.ts';
import { buildNode, eksKubeletVersion } from './nodeFactory.ts';
import { isPodActive } from './podStatus.ts';
import { subnetIp } from './podAddresses.ts';
import { internalDomain, type SimContext } from './simContext.ts';

/**
 * EKS on Fargate: a pod whose namespace and labels match a selector of an
 * ACTIVE Fargate profile is taken by the fargate-scheduler (a random profile
 * when several match, as EKS does) and gets a node of its own,
 * fargate-ip-<ip>.<domain>, sized to its requests.
 */

export const FARGATE_PROFILE_ANNOTATION = 'eks.amazonaws.com/fargate-profile';
export const FARGATE_SCHEDULER = 'fargate-scheduler';
const COMPUTE_TYPE = 'eks.amazonaws.com/compute-type';

/** Fargate selectors may use * and ? wildcards in namespaces and label values. */
export function globMatch(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(value);
}

export function matchingProfiles(
  cluster: EksClusterRecord,
  namespace: string,
  labels: Record<string, string>,
): FargateProfileRecord[] {
  return [...cluster.fargateProfiles.values()].filter(
    (profile) =>
      profile.status === 'ACTIVE' &&
      profile.selectors.some(
        (selector) =>
          globMatch(selector.namespace, namespace) &&
          Object.entries(selector.labels ?? {}).every(
            ([key, value]) => labels[key] !== undefined && globMatch(value, labels[key]),
          ),
      ),
  );
}

/** EKS's mutating webhook: a matching pod is handed to the fargate-scheduler with its profile. */
export function admitToFargate(context: SimContext, pod: Pod): void {
  const { cluster } = context;
  if (cluster.kind !== 'eks' || pod.spec.nodeName) return;
  if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
  if (controllerOf(pod)?.kind === 'DaemonSet') return;
  const profiles = matchingProfiles(
    cluster,
    pod.metadata.namespace ?? 'default',
    pod.metadata.labels ?? {},
  );
  if (profiles.length === 0) return;
  // The pod label chooses among matching profiles; a profile it names that does not match leaves the pod off Fargate.
  const chosen = pod.metadata.labels?.[FARGATE_PROFILE_ANNOTATION];
  const profile =
    chosen !== undefined
      ? profiles.find((candidate) => candidate.name === chosen)
      : profiles.length === 1
        ? profiles[0]!
        : context.random.pick(profiles);
  if (!profile) return;
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    [FARGATE_PROFILE_ANNOTATION]: profile.name,
  };
  pod.spec.schedulerName = FARGATE_SCHEDULER;
}

const VCPU_STEPS = [0.25, 0.5, 1, 2, 4, 8, 16];

/** The Fargate configuration a pod gets: the smallest vCPU step and a memory size that fit its requests. */
export function fargateCapacity(pod: Pod): { vcpu: number; memoryGb: number } {
  const requests = podRequests(pod.spec);
  const vcpu = VCPU_STEPS.find((step) => step * 1000 >= requests.cpu) ?? 16;
  const minimum = vcpu === 0.25 ? 0.5 : vcpu * 2;
  const needed = (requests.memory + 256 * 2 ** 20) / 2 ** 30;
  const memoryGb = Math.max(minimum, needed <= 0.5 ? 0.5 : Math.ceil(needed));
  return { vcpu, memoryGb };
}

export class FargateScheduler {
  private readonly provisioning = new Set<string>();
  /** Keys of pods waiting for a Fargate node, kept by watching the store. */
  private readonly waiting = new Set<string>();
  readonly close: () => void;

  constructor(
    private readonly context: SimContext,
    private readonly cluster: EksClusterRecord,
    private readonly bind: (pod: Pod, nodeName: string, scheduler: string) => void,
  ) {
    this.close = context.store.subscribe((event) => {
      if (event.plural !== 'pods') return;
      const pod = event.object as Pod;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const waits =
        event.type !== 'DELETED' &&
        pod.spec.schedulerName === FARGATE_SCHEDULER &&
        !pod.spec.nodeName &&
        isPodActive(pod);
      if (waits) this.waiting.add(key);
      else this.waiting.delete(key);
    });
  }

  tick(): void {
    const { store } = this.context;
    for (const key of this.waiting) {
      const pod = store.byKey<Pod>('pods', key);
      if (!pod || this.provisioning.has(pod.metadata.uid)) continue;
      this.provisioning.add(pod.metadata.uid);
      const delay = this.context.warming ? 0 : this.context.random.int(20, 45) * 1000;
      this.context.timers.at(this.context.simNow() + delay, () => this.provision(pod));
    }
    for (const node of store.all<Node>('nodes')) {
      if (node.metadata.labels?.[COMPUTE_TYPE] !== 'fargate') continue;
      const busy = store.keysOnNode('pods', node.metadata.name).some((key) => {
        const pod = store.byKey<Pod>('pods', key);
        return pod !== undefined && isPodActive(pod);
      });
      if (!busy) store.remove('nodes', undefined, node.metadata.name);
    }
  }

  private provision(waiting: Pod): void {
    const { context } = this;
    this.provisioning.delete(waiting.metadata.uid);
    const pod = context.store.get<Pod>('pods', waiting.metadata.namespace, waiting.metadata.name);
    if (!pod || pod.metadata.uid !== waiting.metadata.uid || pod.spec.nodeName || !isPodActive(pod))
      return;
    const profileName = pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION] ?? '';
    const profile = this.cluster.fargateProfiles.get(profileName);
    const network = context.world.region(this.cluster.accountId, this.cluster.region).network;
    // Each Fargate pod lands in one of its profile's subnets; its node's zone is that subnet's.
    const inProfile = network.subnets.filter((candidate) =>
      profile?.subnets.includes(candidate.id),
    );
    const subnet =
      inProfile.length > 0
        ? context.random.pick(inProfile)
        : network.subnets.find((candidate) => !candidate.public)!;
    const ip = subnetIp(context, subnet);
    const name = `fargate-ip-${ip.replaceAll('.', '-')}.${internalDomain(this.cluster.region)}`;
    const { vcpu, memoryGb } = fargateCapacity(pod);
    const cpu = vcpu * 1000;
    const memory = memoryGb * 2 ** 30;
    const random = seededRandom(`fargate:${pod.metadata.uid}`);
    const zone = subnet.availabilityZone;
    context.store.create(
      'nodes',
      buildNode(
        {
          name,
          providerID: `aws:///${zone}/${random.hex(32)}/${name}`,
          internalIp: ip,
          hostname: `ip-${ip.replaceAll('.', '-')}.${internalDomain(this.cluster.region)}`,
          labels: {
            'beta.kubernetes.io/arch': 'amd64',
            'beta.kubernetes.io/os': 'linux',
            [COMPUTE_TYPE]: 'fargate',
            [FARGATE_PROFILE_ANNOTATION]: profileName,
            'failure-domain.beta.kubernetes.io/region': this.cluster.region,
            'failure-domain.beta.kubernetes.io/zone': zone,
            'kubernetes.io/arch': 'amd64',
            'kubernetes.io/hostname': `ip-${ip.replaceAll('.', '-')}.${internalDomain(this.cluster.region)}`,
            'kubernetes.io/os': 'linux',
            'topology.kubernetes.io/region': this.cluster.region,
            'topology.kubernetes.io/zone': zone,
          },
          taints: [{ key: COMPUTE_TYPE, value: 'fargate', effect: 'NoSchedule' }],
          kubeletVersion: eksKubeletVersion(this.cluster.version, 'fargate'),
          osImage: 'Amazon Linux 2',
          kernelVersion: '5.10.245-241.976.amzn2.x86_64',
          containerRuntime: 'containerd://1.7.27',
          arch: 'amd64',
          resources: {
            capacity: { cpu, memory, pods: 1 },
            allocatable: { cpu, memory, pods: 1 },
          },
          createdAt: new Date(
            Date.parse(pod.metadata.creationTimestamp) + (context.warming ? 40_000 : 0),
          ),
          ready: true,
        },
        random,
      ),
      '',
    );
    const annotated = context.store.update('pods', pod, (draft) => {
      draft.metadata.annotations = {
        ...draft.metadata.annotations,
        CapacityProvisioned: `${vcpu}vCPU ${memoryGb}GB`,
      };
    });
    this.bind(annotated, name, FARGATE_SCHEDULER);
  }
}
