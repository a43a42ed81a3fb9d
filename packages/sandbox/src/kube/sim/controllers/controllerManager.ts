import { controllerOf } from '../../objects/meta.ts';
import { keyOf } from '../../objects/objectStore.ts';
import type {
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Pod,
  ReplicaSet,
  StatefulSet,
} from '../../objects/types.ts';
import type { SimContext } from '../simContext.ts';
import { CronJobController } from './cronJobs.ts';
import { reconcileDaemonSet } from './daemonSets.ts';
import { reconcileDeployment } from './deployments.ts';
import { HpaController } from './hpa.ts';
import { reconcileJob } from './jobs.ts';
import type { PodHost } from './podHost.ts';
import { reconcileReplicaSet } from './replicaSets.ts';
import { ServingController } from './serving.ts';
import { reconcileStatefulSet } from './statefulSets.ts';
import { VpaController } from './vpa.ts';

const WORKLOADS = new Set([
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
]);
const DEPENDENTS = ['replicasets', 'jobs', 'pods'];
const RESYNC_MS = 30_000;
const MAX_ROUNDS = 8;

/**
 * kube-controller-manager in small: reconciles the workloads whose objects
 * or pods changed (and everything every 30 simulated seconds), deletes the
 * dependents of deleted owners (background garbage collection), and runs
 * the CronJob, HPA and VPA (recommender) controllers.
 */
export class ControllerManager {
  readonly cron: CronJobController;
  readonly hpa: HpaController;
  readonly vpa: VpaController;
  readonly serving: ServingController;
  private readonly byUid = new Map<string, { plural: string; key: string }>();
  private readonly orphans: string[] = [];
  private nodeChanges = -1;
  private nextResync = 0;
  readonly close: () => void;

  constructor(
    private readonly context: SimContext,
    private readonly host: PodHost,
  ) {
    this.cron = new CronJobController(context);
    this.hpa = new HpaController(context);
    this.vpa = new VpaController(context, this.hpa);
    this.serving = new ServingController(context);
    const stopWorkloads = context.store.subscribe((event) => {
      const { object, plural } = event;
      const uid = object.metadata.uid;
      if (event.type === 'DELETED') {
        this.byUid.delete(uid);
        if (plural !== 'pods' && plural !== 'events') this.orphans.push(uid);
      } else if (WORKLOADS.has(plural)) {
        this.byUid.set(uid, {
          plural,
          key: keyOf(object.metadata.namespace, object.metadata.name),
        });
        context.dirty.add(uid);
      }
      if (plural === 'pods' || plural === 'replicasets' || plural === 'jobs') {
        const owner = controllerOf(object);
        if (owner) context.dirty.add(owner.uid);
      }
    });
    this.close = () => {
      stopWorkloads();
      this.serving.close();
    };
  }

  /** Deletes what deleted owners left behind (pods gracefully), level by level. */
  private collectGarbage(): void {
    while (this.orphans.length > 0) {
      const uid = this.orphans.shift()!;
      for (const plural of DEPENDENTS) {
        for (const dependent of this.context.store.ownedBy<KubeObject>(plural, uid)) {
          if (plural === 'pods') this.host.deletePod(dependent as Pod);
          else
            this.context.store.remove(
              plural,
              dependent.metadata.namespace,
              dependent.metadata.name,
            );
        }
      }
    }
  }

  private reconcile(uid: string): void {
    const ref = this.byUid.get(uid);
    if (!ref) return;
    const object = this.context.store.byKey<KubeObject>(ref.plural, ref.key);
    if (!object || object.metadata.uid !== uid || object.metadata.deletionTimestamp) return;
    const { context, host } = this;
    switch (ref.plural) {
      case 'deployments':
        return reconcileDeployment(context, object as Deployment);
      case 'replicasets':
        return reconcileReplicaSet(context, host, object as ReplicaSet);
      case 'statefulsets':
        return reconcileStatefulSet(context, host, object as StatefulSet);
      case 'daemonsets':
        return reconcileDaemonSet(context, host, object as DaemonSet);
      case 'jobs':
        return reconcileJob(context, host, object as Job);
      case 'cronjobs':
        return this.cron.reconcile(object as CronJob);
    }
  }

  run(): void {
    const { context } = this;
    this.collectGarbage();
    const nodeChanges = context.store.changeCount('nodes');
    if (nodeChanges !== this.nodeChanges) {
      this.nodeChanges = nodeChanges;
      for (const set of context.store.all<DaemonSet>('daemonsets'))
        context.dirty.add(set.metadata.uid);
    }
    if (context.simNow() >= this.nextResync) {
      this.nextResync = context.simNow() + RESYNC_MS;
      for (const uid of this.byUid.keys()) context.dirty.add(uid);
    }
    for (const cronJob of context.store.all<CronJob>('cronjobs'))
      context.dirty.add(cronJob.metadata.uid);
    for (let round = 0; round < MAX_ROUNDS && context.dirty.size > 0; round++) {
      const batch = [...context.dirty];
      context.dirty.clear();
      for (const uid of batch) this.reconcile(uid);
      this.collectGarbage();
    }
    this.hpa.tick();
    this.vpa.tick();
    this.serving.run();
  }
}
