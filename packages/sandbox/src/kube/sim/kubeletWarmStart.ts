import { kubeTime } from '../objects/meta.ts';
import type { ContainerStatus, Pod } from '../objects/types.ts';
import type { ContainerRun, Kubelet, PodRun } from './kubelet.ts';
import { crashLines, flavourOfImage, startupLines } from './logLines.ts';
import { recomputePod, runningState, setCondition, waitingStatus } from './podStatus.ts';
import type { SimContext } from './simContext.ts';

/**
 * A pod of a warm-started cluster is put straight into the state it would
 * be in after running since its creation: serving pods Ready, crash loops
 * with their restart count and back-off, image pulls failing for hours, jobs
 * finished. Repeating events carry counts; the next step is scheduled so the
 * pod carries on living from here.
 */
export function settlePod(kubelet: Kubelet, context: SimContext, pod: Pod): void {
  const run = kubelet.newRun(pod);
  const now = context.now().getTime();
  const created = Date.parse(pod.metadata.creationTimestamp);
  const scheduled = new Date(created + 1_000);
  const { hostIP, podIP } = kubelet.placement(pod);
  const statuses: ContainerStatus[] = [];
  const followUps: Array<() => void> = [];
  for (const container of run.containers.values()) {
    const { status, next } = settleContainer(kubelet, context, run, container, created, now);
    statuses.push(status);
    if (next) followUps.push(next);
  }
  context.store.update('pods', pod, (draft) => {
    draft.status.hostIP = hostIP;
    draft.status.hostIPs = [{ ip: hostIP }];
    draft.status.podIP = podIP;
    draft.status.podIPs = [{ ip: podIP }];
    draft.status.startTime = kubeTime(scheduled);
    setCondition(draft, 'PodReadyToStartContainers', 'True', scheduled);
    setCondition(draft, 'Initialized', 'True', scheduled);
    draft.status.containerStatuses = statuses;
    // A pod that already ran to completion changed its Ready condition when its last container finished.
    const finishes = statuses.map((status) => status.state.terminated?.finishedAt);
    const finished = finishes.every(Boolean)
      ? Math.max(...finishes.map((at) => Date.parse(at!)))
      : Infinity;
    recomputePod(draft, new Date(Math.min(created + 20_000, finished)));
  });
  for (const next of followUps) next();
}

function settleContainer(
  kubelet: Kubelet,
  context: SimContext,
  run: PodRun,
  container: ContainerRun,
  created: number,
  now: number,
): { status: ContainerStatus; next?: () => void } {
  const { name, image } = container.container;
  const flavour = flavourOfImage(image);
  const status = waitingStatus(name, image, 'ContainerCreating');
  const startedAt = new Date(created + context.random.int(5, 25) * 1000);
  const pod = kubelet.current(run)!;
  const record = (
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    count: number,
    firstAt: number,
    lastAt: number,
  ) =>
    context.events.record(
      pod,
      type,
      reason,
      message,
      { component: 'kubelet', host: run.node },
      {
        fieldPath: `spec.containers{${name}}`,
        count,
        firstAt: new Date(firstAt),
        at: new Date(lastAt),
      },
    );
  const behaviour = container.behaviour;
  switch (behaviour.kind) {
    case 'serve': {
      runningState(status, image, startedAt, context.random.hex(64));
      status.ready = true;
      context.logs.start(run.uid, name, flavour, startupLines(flavour, name), startedAt);
      container.startedAt = startedAt;
      return { status };
    }
    case 'crash': {
      // After the first few minutes a crash loop settles at one restart per 5-minute back-off.
      const age = now - startedAt.getTime();
      container.restarts = Math.max(3, Math.min(999, Math.floor(age / 300_000) + 5));
      container.backoffMs = 300_000;
      const sinceCrash = context.random.int(15, 240) * 1000;
      const finishedAt = now - sinceCrash;
      const lastStart = finishedAt - behaviour.afterMs;
      context.logs.start(
        run.uid,
        name,
        flavour,
        startupLines(flavour, name),
        new Date(lastStart - 300_000),
      );
      context.logs.stop(run.uid, name, crashLines(name));
      context.logs.start(run.uid, name, flavour, startupLines(flavour, name), new Date(lastStart));
      context.logs.stop(run.uid, name, crashLines(name));
      status.restartCount = container.restarts;
      status.imageID = '';
      status.lastState = {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: kubeTime(new Date(lastStart)),
          finishedAt: kubeTime(new Date(finishedAt)),
          containerID: `containerd://${context.random.hex(64)}`,
        },
      };
      status.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 5m0s restarting failed container=${name} pod=${run.name}_${run.namespace}(${run.uid})`,
        },
      };
      const first = startedAt.getTime() + 30_000;
      record(
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${name} in pod ${run.name}_${run.namespace}(${run.uid})`,
        container.restarts * 11,
        first,
        finishedAt,
      );
      record(
        'Normal',
        'Pulled',
        `Container image "${image}" already present on machine`,
        container.restarts,
        first,
        lastStart,
      );
      const next = () =>
        kubelet.later(run, Math.max(1_000, 300_000 - sinceCrash), () =>
          kubelet.run(run, container),
        );
      return { status, next };
    }
    case 'pull-error': {
      const attempts = Math.max(2, Math.floor((now - created) / 300_000));
      const first = created + 2_000;
      const last = now - context.random.int(10, 200) * 1000;
      record('Normal', 'Pulling', `Pulling image "${image}"`, attempts, first, last);
      record(
        'Warning',
        'Failed',
        `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
        attempts,
        first,
        last,
      );
      record('Warning', 'Failed', 'Error: ErrImagePull', attempts, first, last);
      record(
        'Normal',
        'BackOff',
        `Back-off pulling image "${image}"`,
        attempts * 12,
        first,
        now - 5_000,
      );
      record('Warning', 'Failed', 'Error: ImagePullBackOff', attempts * 12, first, now - 5_000);
      status.state = {
        waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` },
      };
      container.backoffMs = 300_000;
      return {
        status,
        next: () =>
          kubelet.later(run, context.random.int(30, 290) * 1000, () =>
            kubelet.pull(run, container),
          ),
      };
    }
    case 'complete': {
      const finishedAt = startedAt.getTime() + behaviour.runMs;
      runningState(status, image, startedAt, context.random.hex(64));
      context.logs.start(run.uid, name, flavour, startupLines(flavour, name), startedAt);
      container.startedAt = startedAt;
      if (finishedAt <= now) {
        context.logs.stop(run.uid, name, [`${name}: done`]);
        status.state = {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: kubeTime(startedAt),
            finishedAt: kubeTime(new Date(finishedAt)),
            ...(status.containerID ? { containerID: status.containerID } : {}),
          },
        };
        status.started = false;
        return { status };
      }
      status.ready = true;
      return {
        status,
        next: () => kubelet.later(run, finishedAt - now, () => kubelet.complete(run, container)),
      };
    }
  }
}
