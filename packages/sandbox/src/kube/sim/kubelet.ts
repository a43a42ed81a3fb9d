import { kubeTime } from '../objects/meta.ts';
import type { Container, ContainerStatus, Node, Pod } from '../objects/types.ts';
import { behaviourOf, imageSize, type ContainerBehaviour } from './imageCatalog.ts';
import { crashLines, flavourOfImage, startupLines } from './logLines.ts';
import {
  internalIpOf,
  recomputePod,
  runningState,
  setCondition,
  waitingStatus,
} from './podStatus.ts';
import { podIpOnHost } from './podAddresses.ts';
import { vpcIp, type SimContext } from './simContext.ts';

/** The simulated state of one container the kubelet runs. */
export interface ContainerRun {
  container: Container;
  behaviour: ContainerBehaviour;
  restarts: number;
  /** The next back-off (crash loop or image pull), doubling up to 5 minutes. */
  backoffMs: number;
  startedAt?: Date;
}

export interface PodRun {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  containers: Map<string, ContainerRun>;
}

const MAX_BACKOFF_MS = 300_000;

/**
 * What the kubelet does with a pod bound to its node, step by step in
 * simulated time: pull images (or fail to), create and start containers,
 * report readiness, crash and back off, run to completion. Events and status
 * read as a real kubelet writes them.
 */
export class Kubelet {
  readonly runs = new Map<string, PodRun>();
  private readonly pulled = new Map<string, Set<string>>();

  constructor(private readonly context: SimContext) {}

  forget(uid: string): void {
    this.runs.delete(uid);
  }

  /** The pod, if it is still this run's pod and not being deleted. */
  current(run: PodRun): Pod | undefined {
    const pod = this.context.store.get<Pod>('pods', run.namespace, run.name);
    return pod && pod.metadata.uid === run.uid && !pod.metadata.deletionTimestamp ? pod : undefined;
  }

  newRun(pod: Pod): PodRun {
    const run: PodRun = {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      node: pod.spec.nodeName!,
      containers: new Map(
        pod.spec.containers.map((container) => [
          container.name,
          { container, behaviour: behaviourOf(pod, container), restarts: 0, backoffMs: 10_000 },
        ]),
      ),
    };
    this.runs.set(run.uid, run);
    return run;
  }

  /** Addresses and start time of a pod that just landed on its node. */
  placement(pod: Pod): { hostIP: string; podIP: string } {
    const node = this.context.store.get<Node>('nodes', undefined, pod.spec.nodeName!);
    const hostIP = (node && internalIpOf(node)) ?? vpcIp(this.context);
    const fargate = node?.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate';
    if (pod.spec.hostNetwork || fargate) return { hostIP, podIP: hostIP };
    return { hostIP, podIP: podIpOnHost(this.context, hostIP) };
  }

  /** The pod was bound to its node: its containers start coming up. */
  start(pod: Pod): void {
    const run = this.newRun(pod);
    const now = this.context.now();
    const { hostIP, podIP } = this.placement(pod);
    this.context.store.update('pods', pod, (draft) => {
      draft.status.hostIP = hostIP;
      draft.status.hostIPs = [{ ip: hostIP }];
      draft.status.podIP = podIP;
      draft.status.podIPs = [{ ip: podIP }];
      draft.status.startTime = kubeTime(now);
      setCondition(draft, 'PodReadyToStartContainers', 'True', now);
      setCondition(draft, 'Initialized', 'True', now);
      draft.status.containerStatuses = draft.spec.containers.map((container) =>
        waitingStatus(container.name, container.image, 'ContainerCreating'),
      );
      recomputePod(draft, now);
    });
    for (const container of run.containers.values()) {
      this.later(run, this.context.random.int(300, 1200), () => this.pull(run, container));
    }
  }

  later(run: PodRun, delayMs: number, step: () => void): void {
    this.context.timers.at(this.context.simNow() + delayMs, () => {
      if (this.runs.get(run.uid) === run && this.current(run)) step();
    });
  }

  private source(run: PodRun) {
    return { component: 'kubelet', host: run.node };
  }

  private event(
    run: PodRun,
    container: ContainerRun,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const pod = this.current(run);
    if (!pod) return;
    this.context.events.record(pod, type, reason, message, this.source(run), {
      fieldPath: `spec.containers{${container.container.name}}`,
    });
  }

  /** Applies a change to one container's status and derives the pod's phase and conditions. */
  writeContainer(run: PodRun, name: string, change: (status: ContainerStatus) => void): void {
    const pod = this.current(run);
    if (!pod) return;
    const now = this.context.now();
    this.context.store.update('pods', pod, (draft) => {
      const status = draft.status.containerStatuses?.find((entry) => entry.name === name);
      if (!status) return;
      change(status);
      recomputePod(draft, now);
    });
  }

  pull(run: PodRun, container: ContainerRun): void {
    const { image } = container.container;
    const onNode = this.pulled.get(run.node) ?? new Set<string>();
    this.pulled.set(run.node, onNode);
    if (container.behaviour.kind !== 'pull-error' && onNode.has(image)) {
      this.event(
        run,
        container,
        'Normal',
        'Pulled',
        `Container image "${image}" already present on machine`,
      );
      this.run(run, container);
      return;
    }
    this.event(run, container, 'Normal', 'Pulling', `Pulling image "${image}"`);
    if (container.behaviour.kind === 'pull-error') {
      this.later(run, this.context.random.int(800, 2500), () => this.failPull(run, container));
      return;
    }
    const pullMs = this.context.random.int(1500, 6000);
    this.later(run, pullMs, () => {
      onNode.add(image);
      const seconds = (pullMs / 1000).toFixed(3);
      this.event(
        run,
        container,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${seconds}s (${seconds}s including waiting). Image size: ${imageSize(image)} bytes.`,
      );
      this.run(run, container);
    });
  }

  private failPull(run: PodRun, container: ContainerRun): void {
    const { image, name } = container.container;
    const reason = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
    this.event(run, container, 'Warning', 'Failed', `Failed to pull image "${image}": ${reason}`);
    this.event(run, container, 'Warning', 'Failed', 'Error: ErrImagePull');
    this.writeContainer(run, name, (status) => {
      status.state = { waiting: { reason: 'ErrImagePull', message: reason } };
    });
    this.later(run, 2_000, () => {
      this.event(run, container, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      this.event(run, container, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      this.writeContainer(run, name, (status) => {
        status.state = {
          waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` },
        };
      });
      const backoff = container.backoffMs;
      container.backoffMs = Math.min(MAX_BACKOFF_MS, backoff * 2);
      this.later(run, backoff, () => this.pull(run, container));
    });
  }

  run(run: PodRun, container: ContainerRun): void {
    const { name, image } = container.container;
    const now = this.context.now();
    container.startedAt = now;
    this.event(run, container, 'Normal', 'Created', `Created container: ${name}`);
    this.event(run, container, 'Normal', 'Started', `Started container ${name}`);
    const id = this.context.random.hex(64);
    this.writeContainer(run, name, (status) => {
      runningState(status, image, now, id);
      status.restartCount = container.restarts;
      status.ready = false;
    });
    this.context.logs.start(
      run.uid,
      name,
      flavourOfImage(image),
      startupLines(flavourOfImage(image), name),
    );
    const { behaviour } = container;
    if (behaviour.kind === 'crash') {
      this.later(run, behaviour.afterMs, () => this.crash(run, container));
      return;
    }
    this.later(run, this.context.random.int(1000, 4000), () =>
      this.writeContainer(run, name, (status) => {
        if (status.state.running) status.ready = true;
      }),
    );
    if (behaviour.kind === 'complete')
      this.later(run, behaviour.runMs, () => this.complete(run, container));
  }

  crash(run: PodRun, container: ContainerRun): void {
    const { name } = container.container;
    const now = this.context.now();
    const pod = this.current(run);
    if (!pod) return;
    this.context.logs.stop(run.uid, name, crashLines(name));
    container.restarts += 1;
    const backoff = container.backoffMs;
    container.backoffMs = Math.min(MAX_BACKOFF_MS, backoff * 2);
    const who = `${run.name}_${run.namespace}(${run.uid})`;
    this.writeContainer(run, name, (status) => {
      status.lastState = {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: status.state.running?.startedAt ?? kubeTime(now),
          finishedAt: kubeTime(now),
          ...(status.containerID ? { containerID: status.containerID } : {}),
        },
      };
      status.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${Math.round(backoff / 1000)}s restarting failed container=${name} pod=${who}`,
        },
      };
      status.ready = false;
      status.started = false;
      status.restartCount = container.restarts;
    });
    this.event(
      run,
      container,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${name} in pod ${who}`,
    );
    this.later(run, backoff, () => {
      this.event(
        run,
        container,
        'Normal',
        'Pulled',
        `Container image "${container.container.image}" already present on machine`,
      );
      this.run(run, container);
    });
  }

  complete(run: PodRun, container: ContainerRun): void {
    const { name } = container.container;
    const now = this.context.now();
    this.context.logs.stop(run.uid, name, [`${name}: done`]);
    this.writeContainer(run, name, (status) => {
      status.state = {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: status.state.running?.startedAt ?? kubeTime(now),
          finishedAt: kubeTime(now),
          ...(status.containerID ? { containerID: status.containerID } : {}),
        },
      };
      status.ready = false;
      status.started = false;
    });
  }
}
