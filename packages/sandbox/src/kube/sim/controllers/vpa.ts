import { cpuMillis, memoryBytes, podRequests } from '../../objects/quantities.ts';
import type { Deployment, Pod, StatefulSet, VerticalPodAutoscaler } from '../../objects/types.ts';
import { spendDisruption } from '../disruptionBudgets.ts';
import { deletePod } from '../podRemoval.ts';
import type { SimContext } from '../simContext.ts';
import { condition } from './conditions.ts';
import type { HpaController } from './hpa.ts';
import { outsideRecommendation, workloadOf } from './vpaAdmission.ts';
import { policyFor, recommend, type UsageSample } from './vpaRecommendation.ts';

const PLURAL = 'verticalpodautoscalers';
/** The recommender's loop runs once a minute. */
const SYNC_MS = 60_000;
/** Samples kept per container (four simulated hours at one a minute). */
const HISTORY = 240;
/** What a seeded VPA, older than the sandbox, is taken to have seen already (its checkpoint). */
const CHECKPOINT_SAMPLES = 60;
const DAY_MS = 86_400_000;
const DEFAULT_MEMORY = 128 * 2 ** 20;
const MIN_REPLICAS = 2;

type Target = Deployment | StatefulSet;
const TARGET_PLURALS: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
};

/**
 * The VPA recommender: once a minute it samples the usage of each target's containers and writes
 * `status.recommendation`. CPU is the simulated load the HPA controller keeps per workload, split
 * over the containers by their requests; the sandbox has no memory model, so a container's working
 * set is taken to be its memory request scaled with how busy its CPU is (45% idle, 80% at its
 * request, at most 115%). In Auto and Recreate modes the updater then evicts, through the pods'
 * disruption budgets, one pod a minute per VPA whose requests stray outside the recommendation's
 * bounds (never the last live pod); its replacement is admitted with the target (vpaAdmission.ts).
 */
export class VpaController {
  private readonly history = new Map<string, UsageSample[]>();
  private nextSync = 0;

  constructor(
    private readonly context: SimContext,
    private readonly load: HpaController,
  ) {}

  /** Recommends at the next tick (a test need not wait a minute). */
  syncSoon(): void {
    this.nextSync = 0;
  }

  tick(): void {
    const now = this.context.simNow();
    if (now < this.nextSync) return;
    this.nextSync = now + SYNC_MS;
    const live = new Set<string>();
    for (const vpa of this.context.store.all<VerticalPodAutoscaler>(PLURAL)) {
      live.add(vpa.metadata.uid);
      this.sync(vpa);
    }
    if (!this.context.warming) {
      for (const vpa of this.context.store.all<VerticalPodAutoscaler>(PLURAL)) this.evictOne(vpa);
    }
    for (const key of this.history.keys()) {
      if (!live.has(key.split('/')[0]!)) this.history.delete(key);
    }
  }

  /** One usage sample per container of the target's pods now; undefined while none is ready. */
  private usage(target: Target): Map<string, UsageSample> | undefined {
    const reading = this.load.reading(target);
    if (reading.readyReplicas === 0) return undefined;
    const spec = target.spec.template.spec;
    const perPod = reading.demandMillicores / reading.readyReplicas;
    const busy = Math.min(2, perPod / Math.max(1, podRequests(spec).cpu));
    const totalCpu = spec.containers.reduce(
      (sum, container) => sum + cpuMillis(container.resources?.requests?.cpu),
      0,
    );
    const samples = new Map<string, UsageSample>();
    for (const container of spec.containers) {
      const requested = cpuMillis(container.resources?.requests?.cpu);
      const share = totalCpu > 0 ? requested / totalCpu : 1 / spec.containers.length;
      const memory = memoryBytes(container.resources?.requests?.memory) || DEFAULT_MEMORY;
      samples.set(container.name, {
        cpuMillis: perPod * share,
        memoryBytes: memory * (0.45 + 0.35 * busy),
      });
    }
    return samples;
  }

  private record(
    vpa: VerticalPodAutoscaler,
    container: string,
    sample: UsageSample,
    ageMs: number,
  ) {
    const key = `${vpa.metadata.uid}/${container}`;
    let samples = this.history.get(key);
    if (!samples) {
      samples = [];
      // A VPA older than the sandbox has history it checkpointed: usage around today's, ±15%.
      if (ageMs > DAY_MS) {
        for (let i = 0; i < CHECKPOINT_SAMPLES; i++) {
          const wobble = 0.85 + this.context.random.next() * 0.3;
          samples.push({
            cpuMillis: sample.cpuMillis * wobble,
            memoryBytes: sample.memoryBytes * (0.95 + (wobble - 0.85) / 3),
          });
        }
      }
      this.history.set(key, samples);
    }
    samples.push(sample);
    if (samples.length > HISTORY) samples.splice(0, samples.length - HISTORY);
    return samples;
  }

  /** The updater: evicts one pod whose requests the recommendation no longer covers. */
  private evictOne(vpa: VerticalPodAutoscaler): void {
    const mode = vpa.spec.updatePolicy?.updateMode ?? 'Auto';
    if (mode === 'Off' || mode === 'Initial' || !vpa.status.recommendation) return;
    const { store, events } = this.context;
    const ref = vpa.spec.targetRef;
    const pods = store.all<Pod>('pods', vpa.metadata.namespace).filter((pod) => {
      if (pod.metadata.deletionTimestamp || pod.status.phase !== 'Running') return false;
      const workload = workloadOf(store, pod);
      return workload?.kind === ref.kind && workload.name === ref.name;
    });
    // The updater's --min-replicas (2): it never takes the only live pod of a workload.
    if (pods.length < MIN_REPLICAS) return;
    const stale = pods.find((pod) => outsideRecommendation(vpa, pod));
    if (!stale || spendDisruption(store, stale)) return;
    const source = { component: 'vpa-updater' };
    events.record(
      stale,
      'Normal',
      'EvictedByVPA',
      'Pod was evicted by VPA Updater to apply resource recommendation.',
      source,
    );
    events.record(
      vpa,
      'Normal',
      'EvictedPod',
      `VPA Updater evicted Pod ${stale.metadata.name} to apply resource recommendation.`,
      source,
    );
    deletePod(this.context, stale);
  }

  private sync(vpa: VerticalPodAutoscaler): void {
    const { store } = this.context;
    const at = this.context.now();
    const ref = vpa.spec.targetRef;
    const plural = TARGET_PLURALS[ref.kind];
    const target = plural ? store.get<Target>(plural, vpa.metadata.namespace, ref.name) : undefined;
    const previous = vpa.status.conditions;
    let status: VerticalPodAutoscaler['status'];
    if (!target) {
      status = {
        conditions: [
          condition(
            'ConfigUnsupported',
            'True',
            'FailedGetTarget',
            plural
              ? `Cannot read targetRef: ${plural}.apps "${ref.name}" not found`
              : `Cannot read targetRef: the sandbox's recommender supports Deployments and StatefulSets, not ${ref.kind}`,
            at,
            previous,
          ),
          condition('RecommendationProvided', 'False', '', '', at, previous),
        ],
      };
    } else {
      const usage = this.usage(target);
      const ageMs = at.getTime() - Date.parse(vpa.metadata.creationTimestamp);
      const containers = target.spec.template.spec.containers;
      const recommendations = usage
        ? containers.flatMap((container) => {
            const policy = policyFor(vpa, container.name);
            if (policy?.mode === 'Off') return [];
            const samples = this.record(vpa, container.name, usage.get(container.name)!, ageMs);
            const recommendation = recommend(container.name, samples, {
              confidenceDays: ageMs / DAY_MS,
              containers: containers.length,
              ...(policy ? { policy } : {}),
            });
            return recommendation ? [recommendation] : [];
          })
        : [];
      const provided = recommendations.length > 0;
      // Once made, a recommendation stays while the pods are away (the recommender keeps its history).
      const kept = provided
        ? { containerRecommendations: recommendations }
        : vpa.status.recommendation;
      status = {
        ...(kept ? { recommendation: kept } : {}),
        conditions: [
          ...(usage
            ? []
            : [
                condition(
                  'NoPodsMatched',
                  'True',
                  'NoPodsMatched',
                  'No pods match this VPA object',
                  at,
                  previous,
                ),
              ]),
          kept
            ? condition('RecommendationProvided', 'True', '', '', at, previous)
            : condition('RecommendationProvided', 'False', '', '', at, previous),
        ],
      };
    }
    if (JSON.stringify(status) === JSON.stringify(vpa.status)) return;
    store.update(PLURAL, vpa, (draft) => {
      draft.status = status;
    });
  }
}
