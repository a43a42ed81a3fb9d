import { cpuMillis, memoryBytes, podRequests } from '../objects/quantities.ts';
import type {
  Node,
  NodeSelectorRequirement,
  NodeTaint,
  Pod,
  Toleration,
} from '../objects/types.ts';
import { isPodActive, setCondition } from './podStatus.ts';
import type { SimContext } from './simContext.ts';

/** What a node has left, as the scheduler counts it (requests, not usage). */
interface NodeRoom {
  node: Node;
  cpu: number;
  memory: number;
  pods: number;
  ready: boolean;
}

export function tolerates(tolerations: Toleration[] | undefined, taint: NodeTaint): boolean {
  return (tolerations ?? []).some((toleration) => {
    if (toleration.effect && toleration.effect !== taint.effect) return false;
    if (!toleration.key) return toleration.operator === 'Exists';
    if (toleration.key !== taint.key) return false;
    return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
  });
}

/** The first taint a pod does not tolerate (NoSchedule / NoExecute; PreferNoSchedule only weighs). */
export function untoleratedTaint(pod: Pod, node: Node): NodeTaint | undefined {
  return (node.spec.taints ?? []).find(
    (taint) => taint.effect !== 'PreferNoSchedule' && !tolerates(pod.spec.tolerations, taint),
  );
}

export function meetsRequirement(
  labels: Record<string, string>,
  { key, operator, values = [] }: NodeSelectorRequirement,
): boolean {
  const value = labels[key];
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = Number(value);
      const bound = Number(values[0]);
      if (value === undefined || !Number.isInteger(have) || !Number.isInteger(bound)) return false;
      return operator === 'Gt' ? have > bound : have < bound;
    }
  }
}

/** nodeSelector and required node affinity (terms ORed, a term's expressions ANDed), as the NodeAffinity plugin filters. */
export function matchesNodeSelector(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  const selected = Object.entries(pod.spec.nodeSelector ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (!selected || !terms) return selected;
  return terms.some((term) =>
    (term.matchExpressions ?? []).every((requirement) => meetsRequirement(labels, requirement)),
  );
}

function roomOf(context: SimContext, node: Node): NodeRoom {
  let cpu = cpuMillis(node.status.allocatable.cpu);
  let memory = memoryBytes(node.status.allocatable.memory);
  let pods = Number(node.status.allocatable.pods ?? 0);
  for (const key of context.store.keysOnNode('pods', node.metadata.name)) {
    const pod = context.store.byKey<Pod>('pods', key);
    if (!pod || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    const requests = podRequests(pod.spec);
    cpu -= requests.cpu;
    memory -= requests.memory;
    pods -= 1;
  }
  const ready = node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  return { node, cpu, memory, pods, ready };
}

const taintText = (taint: NodeTaint) => `{${taint.key}: ${taint.value ?? ''}}`;

/** Why a node does not fit the pod, in the scheduler's words (empty when it fits). */
function misfit(pod: Pod, room: NodeRoom, requests: { cpu: number; memory: number }): string[] {
  // The default filter plugins' order: NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit.
  if (room.node.spec.unschedulable) return ['node(s) were unschedulable'];
  const taint = untoleratedTaint(pod, room.node);
  if (taint) return [`node(s) had untolerated taint ${taintText(taint)}`];
  if (!matchesNodeSelector(pod, room.node)) {
    return ["node(s) didn't match Pod's node affinity/selector"];
  }
  const reasons: string[] = [];
  if (room.pods < 1) reasons.push('Too many pods');
  if (requests.cpu > room.cpu) reasons.push('Insufficient cpu');
  if (requests.memory > room.memory) reasons.push('Insufficient memory');
  return reasons;
}

/** "0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu." */
export function failedSchedulingMessage(total: number, reasons: string[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${n} ${reason}`);
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} No preemption victims found for incoming pod.`;
}

const RETRY_UNSCHEDULABLE_MS = 60_000;

/**
 * The default scheduler: places pending pods on Ready nodes that match their
 * nodeSelector, whose taints they tolerate and that have room for their
 * requests (least-allocated first, PreferNoSchedule taints last). A pod that
 * fits nowhere stays Pending with PodScheduled=False and a FailedScheduling
 * event; it is tried again when something changes.
 */
export class DefaultScheduler {
  private lastFailureCycle = -1;
  private retryAt = 0;
  /** Keys of pods waiting for this scheduler, kept by watching the store (no scan of every pod). */
  private readonly waiting = new Set<string>();
  readonly close: () => void;

  constructor(
    private readonly context: SimContext,
    private readonly onBound: (pod: Pod) => void,
  ) {
    this.close = context.store.subscribe((event) => {
      if (event.plural !== 'pods') return;
      const pod = event.object as Pod;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const waits =
        event.type !== 'DELETED' &&
        !pod.spec.nodeName &&
        (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
        isPodActive(pod);
      if (waits && !this.waiting.has(key)) {
        this.waiting.add(key);
        // A new pod is tried at once, even while older ones wait for room.
        this.lastFailureCycle = -1;
      } else if (!waits) this.waiting.delete(key);
    });
  }

  private pending(): Pod[] {
    return [...this.waiting]
      .map((key) => this.context.store.byKey<Pod>('pods', key))
      .filter((pod): pod is Pod => pod !== undefined)
      .sort(
        (a, b) =>
          (b.spec.priority ?? 0) - (a.spec.priority ?? 0) ||
          a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
  }

  /** Schedules what it can; `cycle` counts changes, so unschedulable pods are retried only after one (or a minute). */
  run(cycle: number): void {
    if (this.waiting.size === 0) return;
    if (cycle === this.lastFailureCycle && this.context.simNow() < this.retryAt) return;
    const pods = this.pending();
    if (pods.length === 0) return;
    const rooms = this.context.store
      .all<Node>('nodes')
      .filter((node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] !== 'fargate')
      .map((node) => roomOf(this.context, node));
    let failed = false;
    for (const pod of pods) {
      if (!this.place(pod, rooms)) failed = true;
    }
    this.lastFailureCycle = failed ? cycle : -1;
    this.retryAt = this.context.simNow() + RETRY_UNSCHEDULABLE_MS;
  }

  private place(pod: Pod, rooms: NodeRoom[]): boolean {
    const requests = podRequests(pod.spec);
    const reasons: string[] = [];
    const fits: NodeRoom[] = [];
    for (const room of rooms) {
      const why = room.ready
        ? misfit(pod, room, requests)
        : ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'];
      if (why.length === 0) fits.push(room);
      else reasons.push(...why);
    }
    if (fits.length === 0) {
      this.unschedulable(pod, failedSchedulingMessage(rooms.length, reasons));
      return false;
    }
    const score = (room: NodeRoom) => {
      const allocatable = cpuMillis(room.node.status.allocatable.cpu) || 1;
      const prefersNot = (room.node.spec.taints ?? []).some(
        (taint) => taint.effect === 'PreferNoSchedule' && !tolerates(pod.spec.tolerations, taint),
      );
      return room.cpu / allocatable - (prefersNot ? 1 : 0);
    };
    fits.sort(
      (a, b) => score(b) - score(a) || a.node.metadata.name.localeCompare(b.node.metadata.name),
    );
    const chosen = fits[0]!;
    chosen.cpu -= requests.cpu;
    chosen.memory -= requests.memory;
    chosen.pods -= 1;
    this.bind(pod, chosen.node.metadata.name, 'default-scheduler');
    return true;
  }

  bind(pod: Pod, nodeName: string, scheduler: string): void {
    const { context } = this;
    // A pod settled by the warm start was scheduled when it was created, not when the sandbox started.
    const now = context.warming
      ? new Date(Date.parse(pod.metadata.creationTimestamp))
      : context.now();
    const bound = context.store.update('pods', pod, (draft) => {
      draft.spec.nodeName = nodeName;
      setCondition(draft, 'PodScheduled', 'True', now);
    });
    if (!context.warming) {
      context.events.record(
        bound,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
        { component: scheduler },
      );
    }
    this.onBound(bound);
  }

  private unschedulable(pod: Pod, message: string): void {
    const { context } = this;
    const updated = context.store.update('pods', pod, (draft) => {
      setCondition(draft, 'PodScheduled', 'False', context.now(), 'Unschedulable', message);
    });
    context.events.record(updated, 'Warning', 'FailedScheduling', message, {
      component: 'default-scheduler',
    });
  }
}
