import { kubeTime } from '../../objects/meta.ts';
import { podRequests } from '../../objects/quantities.ts';
import type { Deployment, HorizontalPodAutoscaler, StatefulSet } from '../../objects/types.ts';
import type { SimContext } from '../simContext.ts';
import { condition } from './conditions.ts';

const SOURCE = { component: 'horizontal-pod-autoscaler' };
const SYNC_MS = 15_000;
const TOLERANCE = 0.1;
const DOWNSCALE_WINDOW_MS = 300_000;

/** The simulated CPU demand of one workload, in millicores, drifting around a baseline. */
interface Load {
  demand: number;
  baseline: number;
}

/** What the admin API shows of a workload's load. */
export interface LoadReading {
  cpuPercent: number | undefined;
  demandMillicores: number;
  requestMillicoresPerPod: number;
  readyReplicas: number;
}

type Scalable = Deployment | StatefulSet;

const pluralOf = (kind: string) => (kind === 'StatefulSet' ? 'statefulsets' : 'deployments');

/**
 * The horizontal pod autoscaler (autoscaling/v2, CPU utilization): every 15
 * simulated seconds it reads the target's average utilization (simulated
 * demand ÷ ready pods' requests), and scales towards
 * ceil(replicas × current ÷ target) within [min, max], with a 10% tolerance
 * and a 5-minute scale-down stabilization window, as Kubernetes does.
 */
export class HpaController {
  private readonly loads = new Map<string, Load>();
  private readonly recommendations = new Map<string, Array<{ at: number; replicas: number }>>();
  private nextSync = 0;

  constructor(private readonly context: SimContext) {}

  private requestPerPod(target: Scalable): number {
    return Math.max(1, podRequests(target.spec.template.spec).cpu);
  }

  private loadOf(target: Scalable, targetUtilization = 80): Load {
    let load = this.loads.get(target.metadata.uid);
    if (!load) {
      // Seeded: a little under the HPA's target, so a seeded cluster starts out steady.
      const ready = Math.max(1, target.status.readyReplicas || target.spec.replicas);
      const utilization = (targetUtilization / 100) * (0.92 + this.context.random.next() * 0.12);
      const demand = utilization * this.requestPerPod(target) * ready;
      load = { demand, baseline: demand };
      this.loads.set(target.metadata.uid, load);
    }
    return load;
  }

  /** Sets a workload's load so that its current ready pods run at `cpuPercent` of their requests. */
  setLoad(target: Scalable, cpuPercent: number): LoadReading {
    const ready = Math.max(1, target.status.readyReplicas || target.spec.replicas);
    const demand = (cpuPercent / 100) * this.requestPerPod(target) * ready;
    this.loads.set(target.metadata.uid, { demand, baseline: demand });
    this.nextSync = 0;
    return this.reading(target);
  }

  reading(target: Scalable, targetUtilization?: number): LoadReading {
    const load = this.loadOf(target, targetUtilization);
    const ready = target.status.readyReplicas ?? 0;
    const perPod = this.requestPerPod(target);
    return {
      cpuPercent: ready > 0 ? Math.round((load.demand / (ready * perPod)) * 100) : undefined,
      demandMillicores: Math.round(load.demand),
      requestMillicoresPerPod: perPod,
      readyReplicas: ready,
    };
  }

  /** Syncs at the next tick (a seeded cluster shows its HPAs' metrics at once). */
  syncSoon(): void {
    this.nextSync = 0;
  }

  tick(): void {
    const now = this.context.simNow();
    if (now < this.nextSync) return;
    this.nextSync = now + SYNC_MS;
    for (const load of this.loads.values()) {
      // Mean-reverting drift: the load wanders ±15% around its baseline.
      const noise = (this.context.random.next() - 0.5) * 0.1 * load.baseline;
      load.demand = Math.max(1, load.demand + (load.baseline - load.demand) * 0.2 + noise);
    }
    for (const hpa of this.context.store.all<HorizontalPodAutoscaler>('horizontalpodautoscalers')) {
      this.sync(hpa, now);
    }
  }

  private sync(hpa: HorizontalPodAutoscaler, now: number): void {
    const { store } = this.context;
    const ref = hpa.spec.scaleTargetRef;
    const target = store.get<Scalable>(pluralOf(ref.kind), hpa.metadata.namespace, ref.name);
    const at = this.context.now();
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    const metric = hpa.spec.metrics?.find((entry) => entry.resource.name === 'cpu');
    const targetUtilization = metric?.resource.target.averageUtilization ?? 80;
    if (!target) {
      store.update('horizontalpodautoscalers', hpa, (draft) => {
        draft.status.conditions = [
          condition(
            'AbleToScale',
            'False',
            'FailedGetScale',
            `the HPA controller was unable to get the target's current scale: ${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`,
            at,
            draft.status.conditions,
          ),
        ];
      });
      return;
    }
    const reading = this.reading(target, targetUtilization);
    const current = target.spec.replicas;
    let desired = current;
    if (reading.cpuPercent !== undefined) {
      const perPod = reading.requestMillicoresPerPod;
      const unready = Math.max(0, current - reading.readyReplicas);
      // As Kubernetes does: pods not ready yet count as idle when scaling up, as fully busy when scaling down.
      const up = reading.demandMillicores / (Math.max(current, reading.readyReplicas) * perPod);
      const down = (reading.demandMillicores + unready * perPod) / (Math.max(current, 1) * perPod);
      const ratio =
        ((reading.cpuPercent > targetUtilization ? up : down) * 100) / targetUtilization;
      if (Math.abs(ratio - 1) > TOLERANCE) desired = Math.ceil(current * ratio);
      // Default scale-up policy: at most double, or four more pods, per period.
      desired = Math.min(desired, Math.max(current * 2, current + 4));
    }
    const raw = desired;
    desired = Math.min(max, Math.max(min, desired));
    const history = (this.recommendations.get(hpa.metadata.uid) ?? []).filter(
      (entry) => entry.at > now - DOWNSCALE_WINDOW_MS,
    );
    history.push({ at: now, replicas: desired });
    this.recommendations.set(hpa.metadata.uid, history);
    const stabilized =
      desired < current
        ? Math.min(current, Math.max(...history.map((entry) => entry.replicas)))
        : desired;
    if (stabilized !== current) {
      store.update(pluralOf(ref.kind), target, (draft) => {
        draft.spec.replicas = stabilized;
      });
      this.context.dirty.add(target.metadata.uid);
      this.context.events.record(
        hpa,
        'Normal',
        'SuccessfulRescale',
        `New size: ${stabilized}; reason: cpu resource utilization (percentage of request) ${stabilized > current ? 'above' : 'below'} target`,
        SOURCE,
      );
    }
    store.update('horizontalpodautoscalers', hpa, (draft) => {
      const previous = draft.status.conditions;
      draft.status = {
        ...(stabilized !== current
          ? { lastScaleTime: kubeTime(at) }
          : draft.status.lastScaleTime
            ? { lastScaleTime: draft.status.lastScaleTime }
            : {}),
        currentReplicas: current,
        desiredReplicas: stabilized,
        ...(reading.cpuPercent !== undefined
          ? {
              currentMetrics: [
                {
                  type: 'Resource' as const,
                  resource: {
                    name: 'cpu',
                    current: {
                      averageUtilization: reading.cpuPercent,
                      averageValue: `${Math.round(reading.demandMillicores / Math.max(1, reading.readyReplicas))}m`,
                    },
                  },
                },
              ],
            }
          : {}),
        conditions: [
          condition(
            'AbleToScale',
            'True',
            stabilized !== desired ? 'ScaleDownStabilized' : 'ReadyForNewScale',
            stabilized !== desired
              ? 'recent recommendations were higher than current one, applying the highest recent recommendation'
              : 'recommended size matches current size',
            at,
            previous,
          ),
          reading.cpuPercent === undefined
            ? condition(
                'ScalingActive',
                'False',
                'FailedGetResourceMetric',
                'the HPA was unable to compute the replica count: no ready pods to read cpu utilization from',
                at,
                previous,
              )
            : condition(
                'ScalingActive',
                'True',
                'ValidMetricFound',
                'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
                at,
                previous,
              ),
          raw > max
            ? condition(
                'ScalingLimited',
                'True',
                'TooManyReplicas',
                'the desired replica count is more than the maximum replica count',
                at,
                previous,
              )
            : raw < min
              ? condition(
                  'ScalingLimited',
                  'True',
                  'TooFewReplicas',
                  'the desired replica count is less than the minimum replica count',
                  at,
                  previous,
                )
              : condition(
                  'ScalingLimited',
                  'False',
                  'DesiredWithinRange',
                  'the desired count is within the acceptable range',
                  at,
                  previous,
                ),
        ],
      };
    });
  }
}
