import type { ClusterRecord } from '../../world/eks/types.ts';
import { seededRandom } from '../../world/random.ts';
import type { World } from '../../world/world.ts';
import { kubeTime } from '../objects/meta.ts';
import { ObjectStore } from '../objects/objectStore.ts';
import type { KubeObject, Pod } from '../objects/types.ts';
import { ContainerLogs } from './containerLogs.ts';
import { ControllerManager } from './controllers/controllerManager.ts';
import type { PodHost } from './controllers/podHost.ts';
import { EksNodes } from './eksNodes.ts';
import { EventRecorder } from './events.ts';
import { admitVpa } from './controllers/vpaAdmission.ts';
import { FargateScheduler, admitToFargate } from './fargate.ts';
import { KarpenterController } from './karpenter.ts';
import { Kubelet } from './kubelet.ts';
import { settlePod } from './kubeletWarmStart.ts';
import { defaultPodSpec, pendingStatus } from './podFactory.ts';
import { deletePod } from './podRemoval.ts';
import { setCondition } from './podStatus.ts';
import { tickHeartbeats } from './nodeHeartbeats.ts';
import { DefaultScheduler } from './scheduler.ts';
import type { SimContext } from './simContext.ts';
import { TimerQueue } from './timers.ts';
import { withServiceAccountToken } from './serviceAccountToken.ts';

export interface KubeClusterOptions {
  /** Nodes go NotReady now and then (default true; unit tests turn it off). */
  flaky?: boolean;
}

const WARM_ROUNDS = 12;

/**
 * One cluster's Kubernetes: its objects and the simulation behind them
 * (nodes from EC2 or Fargate, scheduler, kubelets, controllers, HPA). The
 * API server reads and writes `store`; `tick()` moves the simulation on.
 */
export class KubeCluster implements PodHost {
  readonly store: ObjectStore;
  readonly context: SimContext;
  readonly kubelet: Kubelet;
  readonly scheduler: DefaultScheduler;
  readonly controllers: ControllerManager;
  private readonly fargate: FargateScheduler | undefined;
  private readonly nodes: EksNodes | undefined;
  /** Karpenter's controller: idle on clusters that hold no NodePools or NodeClaims. */
  private readonly karpenter: KarpenterController | undefined;
  private cycle = 0;
  private readonly unsubscribe: () => void;

  constructor(
    readonly world: World,
    readonly cluster: ClusterRecord,
    options: KubeClusterOptions = {},
  ) {
    const random = seededRandom(`kube:${cluster.arn}`);
    const store = new ObjectStore(() => random.uuid());
    const now = () => world.now();
    const simNow = () => world.clock.elapsedMs();
    this.store = store;
    this.context = {
      world,
      cluster,
      store,
      random,
      now,
      simNow,
      timers: new TimerQueue(),
      events: new EventRecorder(store, random, now),
      logs: new ContainerLogs(simNow, now),
      warming: false,
      flaky: options.flaky ?? true,
      markSchedulingChanged: () => {
        this.cycle++;
      },
      dirty: new Set(),
    };
    this.kubelet = new Kubelet(this.context);
    this.scheduler = new DefaultScheduler(this.context, (pod) => this.startPod(pod));
    this.controllers = new ControllerManager(this.context, this);
    if (cluster.kind === 'eks') {
      this.nodes = new EksNodes(this.context, cluster);
      this.karpenter = new KarpenterController(this.context, cluster);
      this.fargate = new FargateScheduler(this.context, cluster, (pod, node, scheduler) =>
        this.scheduler.bind(pod, node, scheduler),
      );
    }
    this.unsubscribe = store.subscribe((event) => {
      if (event.plural === 'pods' && event.type === 'DELETED') {
        this.kubelet.forget(event.object.metadata.uid);
        this.cycle++;
      }
      if (event.plural === 'nodes') this.cycle++;
    });
  }

  /** Moves the simulation to the world's current time. */
  tick(): void {
    const now = this.context.simNow();
    this.karpenter?.tick();
    this.nodes?.tick();
    this.context.timers.runDue(now);
    this.controllers.run();
    this.fargate?.tick();
    this.scheduler.run(this.cycle);
    this.context.timers.runDue(now);
    this.context.logs.tick();
    tickHeartbeats(this.context);
  }

  /**
   * Seeds the cluster as if it had been running for days: `seed` writes the
   * objects, then controllers, schedulers and kubelets settle them at once.
   */
  warmUp(seed: (cluster: KubeCluster) => void): void {
    this.context.warming = true;
    try {
      this.nodes?.sync();
      this.context.warmFloor = Math.max(
        0,
        ...this.store
          .all<KubeObject>('nodes')
          .map((node) => Date.parse(node.metadata.creationTimestamp)),
      );
      seed(this);
      // Seeded NodeClaims launched their instances long ago: their nodes are there before the pods.
      if (this.karpenter) {
        this.karpenter.tick();
        this.nodes?.sync();
        this.karpenter.tick();
      }
      for (let round = 0; round < WARM_ROUNDS; round++) {
        const before = this.store.resourceVersion;
        this.controllers.run();
        this.fargate?.tick();
        this.scheduler.run(this.cycle++);
        this.context.timers.runDue(this.context.simNow());
        if (this.store.resourceVersion === before) break;
      }
      this.controllers.hpa.syncSoon();
      this.controllers.hpa.tick();
      // The VPA's first pass ran before the pods were ready: recommend from the settled cluster.
      this.controllers.vpa.syncSoon();
      this.controllers.vpa.tick();
      tickHeartbeats(this.context);
    } finally {
      this.context.warming = false;
    }
  }

  /** What the API server does to a new object before storing it (pods: defaults, Fargate profile). */
  admit<T extends KubeObject>(plural: string, object: T): T {
    if (plural !== 'pods') return object;
    const pod = object as unknown as Pod;
    pod.spec = withServiceAccountToken(
      defaultPodSpec(pod.spec),
      `${pod.metadata.namespace}/${pod.metadata.name || pod.metadata.generateName}`,
    );
    admitVpa(this.store, pod);
    pod.status = pendingStatus(pod.spec);
    admitToFargate(this.context, pod);
    return object;
  }

  createPod(pod: Pod): Pod {
    return this.store.create('pods', this.admit('pods', pod), kubeTime(this.context.now()));
  }

  podBound(pod: Pod): void {
    const bound = this.store.update('pods', pod, (draft) => {
      setCondition(
        draft,
        'PodScheduled',
        'True',
        new Date(Date.parse(draft.metadata.creationTimestamp)),
      );
    });
    if (!this.context.warming) {
      this.context.events.record(
        bound,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pod.spec.nodeName}`,
        { component: 'default-scheduler' },
      );
    }
    this.startPod(bound);
  }

  private startPod(pod: Pod): void {
    if (this.context.warming) settlePod(this.kubelet, this.context, pod);
    else this.kubelet.start(pod);
  }

  deletePod(pod: Pod, graceSeconds?: number): void {
    deletePod(this.context, pod, graceSeconds);
  }

  /** Deletes an object as the API does: pods gracefully, owners' dependents by garbage collection. */
  deleteObject(plural: string, object: KubeObject, graceSeconds?: number): KubeObject | undefined {
    if (plural === 'pods') return deletePod(this.context, object as Pod, graceSeconds) ?? object;
    return this.store.remove(plural, object.metadata.namespace, object.metadata.name);
  }

  close(): void {
    this.unsubscribe();
    this.nodes?.close();
    this.karpenter?.close();
    this.scheduler.close();
    this.fargate?.close();
    this.controllers.close();
  }
}
