import { describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../../../testing/kubeTestWorld.ts';
import { cpuMillis, memoryBytes } from '../../objects/quantities.ts';
import type { Deployment, KubeEvent, Pod, VerticalPodAutoscaler } from '../../objects/types.ts';
import { verticalPodAutoscaler } from '../../seed/vpaBuilders.ts';
import { deployment, podDisruptionBudget } from '../../seed/workloadBuilders.ts';

function cluster() {
  return kubeTestCluster({
    nodegroups: [{ name: 'general', instanceTypes: ['m6i.xlarge'], scaling: [1, 3, 6] }],
  });
}

describe('the VPA recommender', () => {
  it('recommends per container from the simulated load, capped by the policy, and says it did', () => {
    const test = cluster();
    const now = test.world.now();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'resizer', image: 'resizer:1', replicas: 2, cpu: '200m' },
        now,
      ),
    );
    test.step(1_000, 20);
    const resizer = test.kube.store.get<Deployment>('deployments', 'web', 'resizer')!;
    // Each ready pod uses 300m: half again its request.
    test.kube.controllers.hpa.setLoad(resizer, 150);
    test.create(
      'verticalpodautoscalers',
      verticalPodAutoscaler(
        { namespace: 'web', name: 'resizer' },
        { updateMode: 'Auto', maxAllowed: { cpu: '250m' } },
        now,
      ),
    );
    test.kube.controllers.vpa.syncSoon();
    test.step(1_000);
    const vpa = () =>
      test.kube.store.get<VerticalPodAutoscaler>('verticalpodautoscalers', 'web', 'resizer')!;
    const [first] = vpa().status.recommendation!.containerRecommendations;
    expect(first!.containerName).toBe('resizer');
    // 300m × 1.15; the load drifts a little between samples.
    expect(cpuMillis(first!.uncappedTarget.cpu)).toBeGreaterThan(300);
    expect(cpuMillis(first!.uncappedTarget.cpu)).toBeLessThan(420);
    expect(first!.target.cpu).toBe('250m');
    expect(first!.upperBound.cpu).toBe('250m');
    // Minutes of history: the lower bound is well below the target.
    expect(cpuMillis(first!.lowerBound.cpu)).toBeLessThan(250);
    expect(memoryBytes(first!.target.memory)).toBeGreaterThanOrEqual(250 * 2 ** 20);
    expect(vpa().status.conditions).toContainEqual(
      expect.objectContaining({ type: 'RecommendationProvided', status: 'True' }),
    );

    // An idle workload: the recommendation falls to the minimums over the next minutes.
    test.kube.controllers.hpa.setLoad(resizer, 1);
    test.step(60_000, 300);
    const idle = vpa().status.recommendation!.containerRecommendations[0]!;
    expect(idle.target).toEqual({ cpu: '25m', memory: '262144k' });
  });

  it('says when its target does not exist', () => {
    const test = cluster();
    test.create(
      'verticalpodautoscalers',
      verticalPodAutoscaler(
        { namespace: 'web', name: 'ghost' },
        { updateMode: 'Off' },
        test.world.now(),
      ),
    );
    test.kube.controllers.vpa.syncSoon();
    test.step(1_000);
    const status = test.kube.store.get<VerticalPodAutoscaler>(
      'verticalpodautoscalers',
      'web',
      'ghost',
    )!.status;
    expect(status.recommendation).toBeUndefined();
    expect(status.conditions).toEqual([
      expect.objectContaining({
        type: 'ConfigUnsupported',
        status: 'True',
        message: 'Cannot read targetRef: deployments.apps "ghost" not found',
      }),
      expect.objectContaining({ type: 'RecommendationProvided', status: 'False' }),
    ]);
  });
});

describe('the VPA updater and admission controller', () => {
  const DAY_MS = 86_400_000;

  /** Three pods asking 200m while each uses 300m, under a VPA with ten days of history. */
  function busyResizer(updateMode: 'Auto' | 'Off', options: { budget?: boolean } = {}) {
    const test = cluster();
    const now = test.world.now();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'resizer', image: 'resizer:1', replicas: 3, cpu: '200m' },
        now,
      ),
    );
    if (options.budget) {
      test.create(
        'poddisruptionbudgets',
        podDisruptionBudget(
          { namespace: 'web', name: 'resizer' },
          { app: 'resizer' },
          { minAvailable: 3 },
          now,
        ),
      );
    }
    test.step(1_000, 20);
    const resizer = test.kube.store.get<Deployment>('deployments', 'web', 'resizer')!;
    test.kube.controllers.hpa.setLoad(resizer, 150);
    test.create(
      'verticalpodautoscalers',
      verticalPodAutoscaler(
        { namespace: 'web', name: 'resizer' },
        { updateMode },
        new Date(now.getTime() - 10 * DAY_MS),
      ),
    );
    test.kube.controllers.vpa.syncSoon();
    const pods = () =>
      test.kube.store
        .all<Pod>('pods', 'web')
        .filter(
          (pod) => pod.metadata.name.startsWith('resizer-') && !pod.metadata.deletionTimestamp,
        );
    const recommendation = () =>
      test.kube.store.get<VerticalPodAutoscaler>('verticalpodautoscalers', 'web', 'resizer')!.status
        .recommendation!.containerRecommendations[0]!;
    const events = (reason: string) =>
      test.kube.store.all<KubeEvent>('events', 'web').filter((event) => event.reason === reason);
    return { test, pods, recommendation, events };
  }

  it('in Auto mode evicts the pods whose requests the recommendation left behind, one a minute, and admits their replacements with the target', () => {
    const { test, pods, recommendation, events } = busyResizer('Auto');
    const original = new Set(pods().map((pod) => pod.metadata.uid));
    test.step(1_000, 5);
    // One eviction in the updater's first minute, not three at once.
    expect(events('EvictedByVPA')).toHaveLength(1);
    test.step(60_000, 5);

    const { lowerBound, upperBound } = recommendation();
    const now = pods();
    expect(now).toHaveLength(3);
    expect(now.some((pod) => original.has(pod.metadata.uid))).toBe(false);
    for (const pod of now) {
      // Each replacement took the target of its minute (the load wobbles a little between them).
      const cpu = cpuMillis(pod.spec.containers[0]!.resources!.requests!.cpu);
      expect(cpu).toBeGreaterThan(300);
      expect(cpu).toBeGreaterThanOrEqual(cpuMillis(lowerBound.cpu));
      expect(cpu).toBeLessThanOrEqual(cpuMillis(upperBound.cpu));
      expect(pod.metadata.annotations!.vpaUpdates).toBe(
        'Pod resources updated by resizer: container 0: cpu request, memory request, memory limit',
      );
    }
    // The memory limit moved with the request (controlledValues RequestsAndLimits keeps their ratio).
    const template = test.kube.store.get<Deployment>('deployments', 'web', 'resizer')!.spec.template
      .spec.containers[0]!.resources!;
    const resources = now[0]!.spec.containers[0]!.resources!;
    expect(
      memoryBytes(resources.limits!.memory) / memoryBytes(resources.requests!.memory),
    ).toBeCloseTo(memoryBytes(template.limits!.memory) / memoryBytes(template.requests!.memory), 2);
    expect(events('EvictedByVPA')).toHaveLength(3);
    expect(events('EvictedPod')[0]!.message).toMatch(
      /^VPA Updater evicted Pod resizer-\S+ to apply resource recommendation\.$/,
    );
    // Within the bounds now: nothing more to evict.
    test.step(60_000, 3);
    expect(events('EvictedByVPA')).toHaveLength(3);
  });

  it('in Off mode only recommends: the pods keep their requests', () => {
    const { test, pods, events } = busyResizer('Off');
    test.step(60_000, 5);
    expect(pods().map((pod) => pod.spec.containers[0]!.resources!.requests!.cpu)).toEqual([
      '200m',
      '200m',
      '200m',
    ]);
    expect(events('EvictedByVPA')).toEqual([]);
  });

  it('leaves pods a disruption budget protects', () => {
    const { test, pods, events } = busyResizer('Auto', { budget: true });
    test.step(60_000, 5);
    expect(pods().every((pod) => pod.spec.containers[0]!.resources!.requests!.cpu === '200m')).toBe(
      true,
    );
    expect(events('EvictedByVPA')).toEqual([]);
  });
});
